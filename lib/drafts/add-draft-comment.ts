import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod } from "@/lib/format/date";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUsersCovering } from "@/lib/notifications/find-recipients";
import { anchorFor, findQuote } from "./anchors";
import { findDraftInScope } from "./find-draft-in-scope";
import { refreshDraftCounters } from "./draft-counters";
import { CommentSchema } from "./schemas";
import { now as clockNow } from "@/lib/clock";

/** Whether a comment by this actor waits for their review to be sent (reviewers' new threads do). */
function startsAsPrivate(actor: Actor, isReply: boolean): boolean {
  return can(actor.role, "draft.review") && !isReply;
}

/**
 * Adds a comment on a version, optionally on a passage (a selection, or a
 * quote typed by a keyboard user), or a reply to a thread. A reviewer's new
 * thread stays private until their review is submitted; replies and comments
 * of the ward and the branch are published at once.
 */
export async function addDraftComment(actor: Actor, draftId: number, rawInput: unknown): Promise<{ id: number; published: boolean }> {
  assertCan(actor, "draft.comment");
  // The input first: a bad body is 400 whichever draft it names (as the API has always answered).
  const input = parseInput(CommentSchema, rawInput);
  const draft = await findDraftInScope(actor, draftId);
  if (input.suggestion && !can(actor.role, "draft.review")) throw new ValidationError("Chỉ Ban Tổ chức đề xuất thay thế đoạn văn.", [{ field: "suggestion", message: "Bạn không đề xuất sửa được." }]);

  let parent: { id: number; versionNo: number; authorUserId: number | null } | null = null;
  if (input.parentId) {
    const found = await db().draftComment.findFirst({ where: { id: input.parentId, draftId: draft.id }, select: { id: true, parentId: true, versionNo: true, authorUserId: true, publishedAt: true } });
    if (!found || (!found.publishedAt && found.authorUserId !== (actor.kind === "user" ? actor.id : -1))) throw new NotFoundError("Không tìm thấy góp ý để trả lời.");
    const rootId = found.parentId ?? found.id;
    parent = rootId === found.id ? found : await db().draftComment.findUniqueOrThrow({ where: { id: rootId }, select: { id: true, versionNo: true, authorUserId: true } });
  }

  const versionNo = parent?.versionNo ?? input.versionNo ?? draft.currentVersionNo;
  const version = await db().draftVersion.findUnique({ where: { draftId_versionNo: { draftId: draft.id, versionNo } }, select: { body: true } });
  if (!version) throw new ValidationError("Phiên bản không tồn tại.", [{ field: "versionNo", message: `Dự thảo không có phiên bản ${versionNo}.` }]);

  let anchor: ReturnType<typeof anchorFor> | null = null;
  if (!parent && input.anchor) {
    const { start, end, quote } = input.anchor;
    const located = end > start && version.body.slice(start, end) === quote.normalize("NFC") ? { start, end } : findQuote(version.body, quote);
    if (!located) throw new ValidationError("Đoạn văn được chọn không có trong phiên bản này.", [{ field: "anchor", message: "Chọn lại đoạn văn trong nội dung dự thảo." }]);
    anchor = anchorFor(version.body, located.start, located.end);
  } else if (!parent && input.quote) {
    const located = findQuote(version.body, input.quote);
    if (!located) throw new ValidationError("Không tìm thấy đoạn trích trong phiên bản này.", [{ field: "quote", message: "Không tìm thấy đoạn trích này trong nội dung dự thảo. Sao chép nguyên văn một đoạn." }]);
    anchor = anchorFor(version.body, located.start, located.end);
  }

  const isPrivate = startsAsPrivate(actor, !!parent);
  const now = clockNow();
  return db().$transaction(async (tx) => {
    const comment = await tx.draftComment.create({
      data: {
        draftId: draft.id,
        versionNo,
        parentId: parent?.id ?? null,
        authorUserId: actor.kind === "user" ? actor.id : null,
        authorTokenId: actor.kind === "token" ? actor.id : null,
        authorName: actor.displayName,
        authorRole: actor.role,
        body: input.body,
        anchorQuote: anchor?.quote ?? null,
        anchorStart: anchor?.start ?? null,
        anchorEnd: anchor?.end ?? null,
        anchorPrefix: anchor?.prefix ?? null,
        anchorSuffix: anchor?.suffix ?? null,
        suggestion: anchor && input.suggestion ? input.suggestion.normalize("NFC") : null,
        suggestionStatus: anchor && input.suggestion ? "PENDING" : null,
        publishedAt: isPrivate ? null : now,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: parent ? "draft.comment.replied" : "draft.comment.added",
      entityType: "DraftComment",
      entityId: comment.id,
      orgUnitId: draft.branchId,
      details: { draftId: draft.id, versionNo, anchored: !!anchor, private: isPrivate, suggestion: !!comment.suggestion },
    });
    if (!isPrivate) {
      await refreshDraftCounters(tx, draft.id);
      const recipients = parent
        ? (await tx.draftComment.findMany({ where: { OR: [{ id: parent.id }, { parentId: parent.id }], authorUserId: { not: null }, publishedAt: { not: null } }, select: { authorUserId: true } })).map((row) => row.authorUserId!)
        : [
            ...(await findUsersCovering(tx, draft.branch.path, actor.role === "BRANCH_SECRETARY" ? ["WARD_COMMITTEE"] : ["BRANCH_SECRETARY"])),
            ...(await tx.draftReview.findMany({ where: { draftId: draft.id, reviewerUserId: { not: null } }, select: { reviewerUserId: true } })).map((row) => row.reviewerUserId!),
          ];
      await createNotification(tx, {
        userIds: recipients,
        kind: parent ? "draft.comment.reply" : "draft.comment",
        title: parent ? `${actor.displayName} trả lời góp ý về dự thảo của ${draft.branch.name}` : `${actor.displayName} góp ý dự thảo ${formatPeriod(draft.period).toLowerCase()} của ${draft.branch.name}`,
        body: input.body,
        href: `/drafts/${draft.id}#c-${parent?.id ?? comment.id}`,
        orgUnitId: draft.branchId,
        exceptUserId: actor.kind === "user" ? actor.id : null,
      });
    }
    return { id: comment.id, published: !isPrivate };
  });
}
