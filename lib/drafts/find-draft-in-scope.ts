import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

/** A draft with its branch, only if the branch lies in the actor's scope; otherwise "not found". */
export async function findDraftInScope(actor: Actor, draftId: number, permission: Permission = "draft.read") {
  assertCan(actor, permission);
  if (!Number.isSafeInteger(draftId) || draftId <= 0) throw new NotFoundError("Không tìm thấy dự thảo.");
  const draft = await db().draft.findUnique({ where: { id: draftId }, include: { branch: true } });
  if (!draft || !inScope(actor, draft.branch.path)) throw new NotFoundError("Không tìm thấy dự thảo.");
  return draft;
}

