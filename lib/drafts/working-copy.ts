import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { ConflictError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { findUnitInScope } from "@/lib/org/org-units";
import { PeriodSchema } from "@/lib/periods/period";
import { WorkingCopySchema } from "./schemas";

async function ownBranch(actor: Actor) {
  const branch = await findUnitInScope(actor, actor.orgUnitId, "org.read");
  if (branch.level !== "BRANCH") throw new ValidationError("Chỉ bí thư chi bộ soạn dự thảo.");
  return branch;
}

/** Saves the secretary's unsent text as they type (autosave); the next submission clears it. */
export async function saveWorkingCopy(actor: Actor, rawInput: unknown): Promise<{ savedAt: Date }> {
  assertCan(actor, "draft.submit");
  const input = parseInput(WorkingCopySchema, rawInput);
  const branch = await ownBranch(actor);
  if (input.expectedSavedAt) {
    // Compare-and-set on savedAt: of two tabs saving from the same copy, the second gets 409.
    const fields = { title: input.title, body: input.body.normalize("NFC"), baseVersionNo: input.baseVersionNo, savedByName: actor.displayName };
    const { count } = await db().draftWorkingCopy.updateMany({ where: { branchId: branch.id, period: input.period, savedAt: new Date(input.expectedSavedAt) }, data: fields });
    if (count === 0) throw new ConflictError("Bản nháp vừa được lưu từ nơi khác (thẻ hoặc máy khác). Tải lại trang để xem bản mới nhất.");
    const saved = await db().draftWorkingCopy.findUniqueOrThrow({ where: { branchId_period: { branchId: branch.id, period: input.period } }, select: { savedAt: true } });
    return { savedAt: saved.savedAt };
  }
  const saved = await db().draftWorkingCopy.upsert({
    where: { branchId_period: { branchId: branch.id, period: input.period } },
    create: { branchId: branch.id, period: input.period, title: input.title, body: input.body.normalize("NFC"), baseVersionNo: input.baseVersionNo, savedByName: actor.displayName },
    update: { title: input.title, body: input.body.normalize("NFC"), baseVersionNo: input.baseVersionNo, savedByName: actor.displayName },
  });
  return { savedAt: saved.savedAt };
}

export async function getWorkingCopy(actor: Actor, period: string) {
  assertCan(actor, "draft.submit");
  const valid = parseInput(PeriodSchema, period);
  const branch = await ownBranch(actor);
  return db().draftWorkingCopy.findUnique({ where: { branchId_period: { branchId: branch.id, period: valid } } });
}
