import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod } from "@/lib/format/date";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUsersCovering } from "@/lib/notifications/find-recipients";
import { findDraftInScope } from "./find-draft-in-scope";
import { refreshDraftCounters } from "./draft-counters";
import { ReviewSchema } from "./schemas";
import type { DraftFlagKey } from "./analyzer/propose-flags";
import { now as clockNow } from "@/lib/clock";

/**
 * A reviewer decides on the current version: APPROVED or CHANGES_REQUESTED,
 * a summary and the quality flags they accept (proposed flags left out are
 * recorded as dismissed). Their private comments are published with it, and
 * the ward committee receives it as feedback. A decision on a version that
 * is no longer current is refused (409).
 */
export async function submitDraftReview(actor: Actor, draftId: number, rawInput: unknown): Promise<{ reviewId: number; feedbackId: number }> {
  assertCan(actor, "draft.review");
  // The input first: a bad body is 400 whichever draft it names (as the API has always answered).
  const input = parseInput(ReviewSchema, rawInput);
  const draft = await findDraftInScope(actor, draftId, "draft.review");
  if (input.expectedVersionNo !== draft.currentVersionNo) {
    throw new ConflictError(`Chi bộ đã nộp phiên bản ${draft.currentVersionNo}; bạn đang quyết định trên phiên bản ${input.expectedVersionNo}. Hãy xem bản mới trước khi quyết định.`, [
      { field: "expectedVersionNo", message: `Phiên bản hiện tại là ${draft.currentVersionNo}.` },
    ]);
  }
  const flags = [...new Set(input.flags)] as DraftFlagKey[];
  const dismissed = (draft.proposedFlags as DraftFlagKey[]).filter((flag) => !flags.includes(flag));
  const now = clockNow();

  return db().$transaction(async (tx) => {
    // Compare-and-set on the row: the version must still be current AND undecided (SUBMITTED or
    // REVISED), so of two reviewers deciding at once the second gets 409 instead of a second decision.
    const { count } = await tx.draft.updateMany({
      where: { id: draft.id, currentVersionNo: input.expectedVersionNo, status: { in: ["SUBMITTED", "REVISED"] } },
      data: { status: input.decision, flags, reviewedAt: now },
    });
    if (count === 0) {
      const current = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { currentVersionNo: true } });
      throw new ConflictError(
        current.currentVersionNo !== input.expectedVersionNo
          ? "Chi bộ vừa nộp phiên bản mới. Hãy xem bản mới trước khi quyết định."
          : `Phiên bản ${input.expectedVersionNo} vừa được người khác quyết định. Tải lại trang để xem quyết định đó.`,
      );
    }
    const review = await tx.draftReview.create({
      data: {
        draftId: draft.id,
        versionNo: input.expectedVersionNo,
        decision: input.decision,
        summary: input.summary,
        flags,
        dismissedFlags: dismissed,
        reviewerUserId: actor.kind === "user" ? actor.id : null,
        reviewerTokenId: actor.kind === "token" ? actor.id : null,
        reviewerName: actor.displayName,
        createdAt: now,
      },
    });
    const published = await tx.draftComment.updateMany({
      where: { draftId: draft.id, publishedAt: null, ...(actor.kind === "user" ? { authorUserId: actor.id } : { authorTokenId: actor.id }) },
      data: { publishedAt: now, reviewId: review.id },
    });
    const feedback = await tx.feedback.create({
      data: { reviewId: review.id, draftId: draft.id, branchId: draft.branchId, period: draft.period, decision: input.decision, createdAt: now },
    });
    await refreshDraftCounters(tx, draft.id);
    await recordAuditEvent(tx, actor, {
      action: input.decision === "APPROVED" ? "draft.approved" : "draft.changes_requested",
      entityType: "Draft",
      entityId: draft.id,
      orgUnitId: draft.branchId,
      details: { versionNo: input.expectedVersionNo, flags, dismissedFlags: dismissed, comments: published.count, reviewId: review.id, feedbackId: feedback.id },
    });
    const recipients = await findUsersCovering(tx, draft.branch.path, ["WARD_COMMITTEE", "BRANCH_SECRETARY"]);
    const what = input.decision === "APPROVED" ? "duyệt" : "yêu cầu chỉnh sửa";
    await createNotification(tx, {
      userIds: recipients,
      kind: input.decision === "APPROVED" ? "draft.approved" : "draft.changes_requested",
      title: `Ban Tổ chức ${what} dự thảo ${formatPeriod(draft.period).toLowerCase()} của ${draft.branch.name}`,
      body: input.summary,
      href: `/drafts/${draft.id}`,
      orgUnitId: draft.branchId,
      exceptUserId: actor.kind === "user" ? actor.id : null,
    });
    return { reviewId: review.id, feedbackId: feedback.id };
  });
}
