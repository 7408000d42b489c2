import "server-only";
import { db } from "@/lib/db/client";
import { now as clockNow } from "@/lib/clock";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod } from "@/lib/format/date";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUsersCovering } from "@/lib/notifications/find-recipients";
import { refreshDraftCounters } from "./draft-counters";
import { AcknowledgeManySchema, AcknowledgeSchema } from "./schemas";

/**
 * The ward committee acknowledges feedback on one of its branches' drafts,
 * optionally with a reply for the board and the branch. Acknowledging again
 * keeps the first time and may add or change the reply.
 */
export async function acknowledgeFeedback(actor: Actor, feedbackId: number, rawInput: unknown): Promise<{ acknowledgedAt: Date; reply: string | null; acknowledgedByName: string | null }> {
  assertCan(actor, "feedback.ack");
  const input = parseInput(AcknowledgeSchema, rawInput ?? {});
  const feedback = Number.isSafeInteger(feedbackId) && feedbackId > 0 ? await db().feedback.findUnique({ where: { id: feedbackId }, include: { draft: { include: { branch: true } }, review: true } }) : null;
  if (!feedback || !inScope(actor, feedback.draft.branch.path)) throw new NotFoundError("Không tìm thấy phản hồi.");
  const reply = input.reply ?? feedback.reply;
  if (feedback.acknowledgedAt && reply === feedback.reply) return { acknowledgedAt: feedback.acknowledgedAt, reply, acknowledgedByName: feedback.acknowledgedByName };
  const now = clockNow();
  return db().$transaction(async (tx) => {
    const updated = await tx.feedback.update({
      where: { id: feedback.id },
      data: { acknowledgedAt: feedback.acknowledgedAt ?? now, acknowledgedByUserId: feedback.acknowledgedByUserId ?? (actor.kind === "user" ? actor.id : null), acknowledgedByName: feedback.acknowledgedByName ?? actor.displayName, reply },
    });
    await refreshDraftCounters(tx, feedback.draftId);
    await recordAuditEvent(tx, actor, {
      action: feedback.acknowledgedAt ? "feedback.replied" : "feedback.acknowledged",
      entityType: "Feedback",
      entityId: feedback.id,
      orgUnitId: feedback.branchId,
      details: { draftId: feedback.draftId, reply: reply ? reply.slice(0, 200) : null },
    });
    const secretaries = await findUsersCovering(tx, feedback.draft.branch.path, ["BRANCH_SECRETARY"]);
    await createNotification(tx, {
      userIds: [...(feedback.review.reviewerUserId ? [feedback.review.reviewerUserId] : []), ...(reply ? secretaries.filter((id) => id !== feedback.review.reviewerUserId) : [])],
      kind: reply ? "feedback.reply" : "feedback.acknowledged",
      title: `${actor.displayName} ${reply ? "trả lời" : "đã xác nhận"} phản hồi dự thảo ${formatPeriod(feedback.period).toLowerCase()} của ${feedback.draft.branch.name}`,
      body: reply,
      href: `/drafts/${feedback.draftId}#phan-hoi`,
      orgUnitId: feedback.branchId,
      exceptUserId: actor.kind === "user" ? actor.id : null,
    });
    return { acknowledgedAt: updated.acknowledgedAt!, reply: updated.reply, acknowledgedByName: updated.acknowledgedByName };
  });
}

/**
 * Acknowledges several plain approvals at once (the ward reads a request for
 * changes one by one). Every item must be in scope (else "not found") and an
 * approval; those already acknowledged are left as they are.
 */
export async function acknowledgeApprovals(actor: Actor, rawInput: unknown): Promise<{ acknowledged: number }> {
  assertCan(actor, "feedback.ack");
  const input = parseInput(AcknowledgeManySchema, rawInput);
  const ids = [...new Set(input.feedbackIds)];
  const items = await db().feedback.findMany({ where: { id: { in: ids } }, select: { id: true, decision: true, acknowledgedAt: true, draft: { select: { branch: { select: { path: true } } } } } });
  if (items.length !== ids.length || items.some((item) => !inScope(actor, item.draft.branch.path))) throw new NotFoundError("Không tìm thấy phản hồi.");
  if (items.some((item) => item.decision !== "APPROVED")) throw new ValidationError("Chỉ xác nhận hàng loạt các quyết định duyệt; yêu cầu chỉnh sửa cần đọc và xác nhận từng cái.", [{ field: "feedbackIds", message: "Bỏ chọn các yêu cầu chỉnh sửa." }]);
  let acknowledged = 0;
  for (const item of items) {
    if (item.acknowledgedAt) continue;
    await acknowledgeFeedback(actor, item.id, {});
    acknowledged++;
  }
  return { acknowledged };
}
