import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { PeriodSchema } from "@/lib/periods/period";
import { findUnitInScope, getScopeRoot, pathIds } from "@/lib/org/org-units";
import { GuidanceSchema } from "./schemas";
import { now as clockNow } from "@/lib/clock";

/**
 * The month's guidance an actor sees for a period: what applies to their
 * scope (posted above or at their unit) and what was posted below it.
 */
export async function listGuidance(actor: Actor, period: string) {
  assertCan(actor, "draft.read");
  const valid = parseInput(PeriodSchema, period);
  const root = await getScopeRoot(actor);
  const rows = await db().guidance.findMany({
    where: { period: valid, withdrawnAt: null, OR: [{ orgUnitId: { in: pathIds(root.path) } }, { orgUnit: { path: { startsWith: root.path } } }] },
    include: { orgUnit: { select: { id: true, code: true, name: true, level: true, path: true } } },
    orderBy: [{ orgUnit: { depth: "asc" } }, { createdAt: "asc" }],
  });
  return rows.map(({ orgUnit, ...row }) => ({ ...row, orgUnit: { id: orgUnit.id, code: orgUnit.code, name: orgUnit.name, level: orgUnit.level }, canWithdraw: inScope(actor, orgUnit.path) }));
}

/** The board (for the district) or a ward committee (for its ward) posts a topic every branch should take up. */
export async function postGuidance(actor: Actor, rawInput: unknown): Promise<{ id: number }> {
  assertCan(actor, "guidance.post");
  const input = parseInput(GuidanceSchema, rawInput);
  const unit = await findUnitInScope(actor, input.orgUnitId || undefined, "org.read");
  if (unit.level === "BRANCH") throw new ValidationError("Định hướng được ban hành cho quận hoặc phường.", [{ field: "orgUnitId", message: "Chọn quận hoặc phường." }]);
  return db().$transaction(async (tx) => {
    const guidance = await tx.guidance.create({
      data: {
        orgUnitId: unit.id,
        period: input.period,
        title: input.title,
        details: input.details,
        keywords: input.keywords,
        createdByUserId: actor.kind === "user" ? actor.id : null,
        createdByName: actor.displayName,
      },
    });
    await recordAuditEvent(tx, actor, { action: "guidance.posted", entityType: "Guidance", entityId: guidance.id, orgUnitId: unit.id, details: { period: input.period, title: input.title } });
    return { id: guidance.id };
  });
}

export async function withdrawGuidance(actor: Actor, guidanceId: number): Promise<void> {
  assertCan(actor, "guidance.post");
  const guidance = Number.isSafeInteger(guidanceId) ? await db().guidance.findUnique({ where: { id: guidanceId }, include: { orgUnit: true } }) : null;
  if (!guidance || !inScope(actor, guidance.orgUnit.path)) throw new NotFoundError("Không tìm thấy nội dung định hướng.");
  if (guidance.withdrawnAt) return;
  await db().$transaction(async (tx) => {
    await tx.guidance.update({ where: { id: guidance.id }, data: { withdrawnAt: clockNow() } });
    await recordAuditEvent(tx, actor, { action: "guidance.withdrawn", entityType: "Guidance", entityId: guidance.id, orgUnitId: guidance.orgUnitId, details: { period: guidance.period, title: guidance.title } });
  });
}
