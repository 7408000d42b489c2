import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError } from "@/lib/errors";
import { findDraftInScope } from "./find-draft-in-scope";
import { refreshDraftCounters } from "./draft-counters";
import { now as clockNow } from "@/lib/clock";

/** Marks a thread resolved (or reopens it); loaded through its draft. Resolving twice changes nothing. */
export async function resolveDraftComment(actor: Actor, draftId: number, commentId: number, resolved = true): Promise<void> {
  assertCan(actor, "draft.comment");
  const draft = await findDraftInScope(actor, draftId);
  const comment = Number.isSafeInteger(commentId) ? await db().draftComment.findFirst({ where: { id: commentId, draftId: draft.id } }) : null;
  const ownPrivate = comment && !comment.publishedAt && actor.kind === "user" && comment.authorUserId === actor.id;
  if (!comment || (!comment.publishedAt && !ownPrivate)) throw new NotFoundError("Không tìm thấy góp ý.");
  if (comment.parentId) throw new NotFoundError("Chỉ đánh dấu đã xử lý cho cả chuỗi góp ý.");
  if (!!comment.resolvedAt === resolved) return;
  await db().$transaction(async (tx) => {
    await tx.draftComment.update({ where: { id: comment.id }, data: resolved ? { resolvedAt: clockNow(), resolvedByName: actor.displayName } : { resolvedAt: null, resolvedByName: null } });
    await refreshDraftCounters(tx, draft.id);
    await recordAuditEvent(tx, actor, { action: resolved ? "draft.comment.resolved" : "draft.comment.reopened", entityType: "DraftComment", entityId: comment.id, orgUnitId: draft.branchId, details: { draftId: draft.id } });
  });
}
