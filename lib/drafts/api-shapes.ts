import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { QueueRow } from "./list-review-queue";
import type { FeedbackItem } from "./list-feedback";
import type { listGuidance } from "./guidance";
import { checkDraftDirectives, similarDrafts, type DraftDetail } from "./get-draft-detail";
import { CHECKLIST_LABELS } from "./analyzer/checklist";

// The JSON shapes of the drafts API (docs/api.md, "Drafts and review"); extra fields are additive.

export function queueItem(row: QueueRow) {
  return {
    id: row.draftId,
    period: row.period,
    status: row.status,
    versionNo: row.versionNo,
    flags: row.flags,
    proposedFlags: row.proposedFlags,
    branch: row.branch,
    ward: row.ward,
    submittedAt: row.firstSubmittedAt,
    lastSubmittedAt: row.lastSubmittedAt,
    timeliness: row.timeliness,
    similarity: row.similarity,
    previousSimilarity: row.previousSimilarity,
    openComments: row.openComments,
    feedback: { pendingSince: row.feedbackPendingSince, acknowledgedAt: row.feedbackAckedAt, overdue: row.ackOverdue },
  };
}

export async function draftDocument(actor: Actor, detail: DraftDetail) {
  const similar = await similarDrafts(actor, detail);
  const directives = checkDraftDirectives(detail);
  const { draft } = detail;
  return {
    id: draft.id,
    period: draft.period,
    title: draft.title,
    status: draft.status,
    versionNo: draft.currentVersionNo,
    flags: draft.flags,
    proposedFlags: draft.proposedFlags,
    branch: { id: detail.branch.id, code: detail.branch.code, name: detail.branch.name },
    ward: detail.ward ? { id: detail.ward.id, name: detail.ward.name } : null,
    submittedAt: draft.firstSubmittedAt,
    lastSubmittedAt: draft.lastSubmittedAt,
    deadline: draft.deadline,
    timeliness: draft.timeliness,
    versions: detail.versions.map((version) => ({ versionNo: version.versionNo, title: version.title, body: version.body, wordCount: version.wordCount, submittedAt: version.submittedAt, submittedBy: version.submittedBy })),
    comments: detail.comments.map((comment) => ({
      id: comment.id,
      versionNo: comment.versionNo,
      anchor: comment.anchor,
      located: comment.located,
      body: comment.body,
      author: comment.author,
      parentId: comment.parentId,
      suggestion: comment.suggestion,
      suggestionStatus: comment.suggestionStatus,
      published: comment.published,
      resolvedAt: comment.resolvedAt,
      createdAt: comment.createdAt,
    })),
    reviews: detail.reviews,
    analysis: detail.analysis
      ? {
          versionNo: detail.analysis.versionNo,
          similar: similar.map((entry) => ({ draftId: entry.draftId, branch: entry.branch, score: entry.score, passages: entry.passages.map(({ start, end, words }) => ({ start, end, words })) })),
          previous: detail.analysis.previous,
          checklist: detail.analysis.checklist.map((item) => ({ key: item.key, ok: item.ok, label: CHECKLIST_LABELS[item.key].label, count: item.count, evidence: item.evidence })),
          directives,
          proposedFlags: detail.analysis.proposedFlags,
          reasons: detail.analysis.reasons,
        }
      : null,
  };
}

/** One decision of the feedback inbox (GET /feedback). */
export function feedbackItem(item: FeedbackItem) {
  return {
    id: item.id,
    draftId: item.draftId,
    period: item.period,
    branch: item.branch,
    ward: item.ward,
    decision: item.decision,
    summary: item.summary,
    flags: item.flags,
    versionNo: item.versionNo,
    reviewer: item.reviewerName,
    createdAt: item.createdAt,
    acknowledgedAt: item.acknowledgedAt,
    acknowledgedBy: item.acknowledgedByName,
    reply: item.reply,
    waitingDays: item.waitingDays,
    overdue: item.overdue,
    comments: item.comments,
  };
}

/** One guidance item (GET /drafts/guidance): what the page's withdraw button needs stays out. */
export function guidanceItem({ canWithdraw: _canWithdraw, ...item }: Awaited<ReturnType<typeof listGuidance>>[number]) {
  return item;
}
