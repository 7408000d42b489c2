import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createNotification } from "@/lib/notifications/create-notification";
import { locateAnchor } from "./anchors";
import { findDraftInScope } from "./find-draft-in-scope";
import { now as clockNow } from "@/lib/clock";
import { parseInput } from "@/lib/validation/parse";
import { SuggestionDecisionSchema } from "./schemas";

/**
 * The secretary accepts or rejects a reviewer's replacement text in one
 * click. Accepting writes it into the unsent text of the next version (the
 * working copy, created from the current version if needed). The input is
 * `{ accept: boolean }`.
 */
export async function decideSuggestion(actor: Actor, draftId: number, commentId: number, raw: unknown): Promise<{ body: string | null; accepted: boolean }> {
  assertCan(actor, "draft.submit");
  const { accept } = parseInput(SuggestionDecisionSchema, raw);
  const draft = await findDraftInScope(actor, draftId, "draft.submit");
  const comment = Number.isSafeInteger(commentId) ? await db().draftComment.findFirst({ where: { id: commentId, draftId: draft.id, publishedAt: { not: null } } }) : null;
  if (!comment || comment.suggestion === null || comment.anchorQuote === null) throw new NotFoundError("Không tìm thấy đề xuất sửa.");
  if (comment.suggestionStatus !== "PENDING") throw new ConflictError(comment.suggestionStatus === "ACCEPTED" ? "Đề xuất này đã được nhận." : "Đề xuất này đã bị từ chối.");

  return db().$transaction(async (tx) => {
    let body: string | null = null;
    if (accept) {
      const working = await tx.draftWorkingCopy.findUnique({ where: { branchId_period: { branchId: draft.branchId, period: draft.period } } });
      const current = await tx.draftVersion.findUniqueOrThrow({ where: { draftId_versionNo: { draftId: draft.id, versionNo: draft.currentVersionNo } } });
      const base = working?.body ?? current.body;
      const located = locateAnchor(base, { quote: comment.anchorQuote!, start: comment.anchorStart ?? 0, end: comment.anchorEnd ?? 0, prefix: comment.anchorPrefix, suffix: comment.anchorSuffix });
      if (!located) throw new ConflictError("Đoạn văn được đề xuất sửa không còn trong bản đang soạn. Hãy sửa trực tiếp.");
      body = base.slice(0, located.start) + comment.suggestion! + base.slice(located.end);
      await tx.draftWorkingCopy.upsert({
        where: { branchId_period: { branchId: draft.branchId, period: draft.period } },
        create: { branchId: draft.branchId, period: draft.period, title: working?.title ?? current.title, body, baseVersionNo: draft.currentVersionNo, savedByName: actor.displayName },
        update: { body, savedByName: actor.displayName },
      });
    }
    await tx.draftComment.update({ where: { id: comment.id }, data: { suggestionStatus: accept ? "ACCEPTED" : "REJECTED", suggestionDecidedAt: clockNow() } });
    await recordAuditEvent(tx, actor, { action: accept ? "draft.suggestion.accepted" : "draft.suggestion.rejected", entityType: "DraftComment", entityId: comment.id, orgUnitId: draft.branchId, details: { draftId: draft.id } });
    if (comment.authorUserId) {
      await createNotification(tx, {
        userIds: [comment.authorUserId],
        kind: accept ? "draft.suggestion.accepted" : "draft.suggestion.rejected",
        title: `${draft.branch.name} ${accept ? "đã nhận" : "không nhận"} đề xuất sửa của bạn`,
        body: comment.suggestion,
        href: `/drafts/${draft.id}#c-${comment.id}`,
        orgUnitId: draft.branchId,
      });
    }
    return { body, accepted: accept };
  });
}
