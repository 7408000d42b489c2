import "server-only";
import { db } from "@/lib/db/client";
import { inScope, type Actor } from "@/lib/auth/actor";
import { getSetting } from "@/lib/settings/app-settings";
import { previousPeriod } from "@/lib/periods/period";
import { NotFoundError } from "@/lib/errors";
import type { ChecklistItem } from "./analyzer/checklist";
import { checkDirectives, type DirectiveResult } from "./analyzer/directives";
import { guidanceDiscount } from "./analyzer/analyze-text";
import { shingleText } from "./analyzer/shingles";
import { sharedPassages, type SharedPassage } from "./analyzer/passages";
import type { DraftFlagKey } from "./analyzer/propose-flags";
import { locateAnchor, type LocatedAnchor } from "./anchors";
import { findDraftInScope } from "./find-draft-in-scope";
import { guidanceForBranch } from "./guidance-for-branch";
import { resubmissionOf, submissionDeadline, timelinessOf } from "./deadlines";
import { RESUBMIT_DAYS, SUBMISSION_DEADLINE_DAY } from "./settings";
import { now } from "@/lib/clock";
import type { SimilarEntry } from "./analyze-draft-version";
import { currentVersionFlags } from "./labels";

export type DetailComment = {
  id: number;
  versionNo: number;
  parentId: number | null;
  anchor: { quote: string; start: number; end: number } | null;
  /** Where the passage is in the version being read; null when it did not survive (outdated). */
  located: LocatedAnchor | null;
  body: string;
  author: { name: string; role: string };
  suggestion: string | null;
  suggestionStatus: "PENDING" | "ACCEPTED" | "REJECTED" | null;
  published: boolean;
  reviewId: number | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  createdAt: Date;
  mine: boolean;
};

export type SimilarDraft = {
  /** Null when the other draft is outside the reader's scope: its id is not revealed either. */
  draftId: number | null;
  /** What `?view=compare&with=` takes to compare with it: the id, or "similar-N" (its rank in the analyzer's list) outside the scope. */
  compareRef: string;
  score: number;
  /** Null when the other draft is outside the reader's scope: only the shared passages of this text are shown. */
  branch: { id: number; code: string; name: string; wardName: string | null } | null;
  passages: SharedPassage[];
};

/** Everything the draft page and GET /api/v1/drafts/ID show, for a reader in scope. */
export async function getDraftDetail(actor: Actor, draftId: number, options: { versionNo?: number } = {}) {
  const draft = await findDraftInScope(actor, draftId);
  const [versions, comments, reviews, ward, deadlineDay, resubmitDays] = await Promise.all([
    db().draftVersion.findMany({ where: { draftId: draft.id }, orderBy: { versionNo: "asc" }, include: { analysis: true } }),
    db().draftComment.findMany({ where: { draftId: draft.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db().draftReview.findMany({ where: { draftId: draft.id }, orderBy: { createdAt: "asc" }, include: { feedback: true } }),
    draft.branch.parentId ? db().orgUnit.findUnique({ where: { id: draft.branch.parentId }, select: { id: true, name: true, code: true } }) : null,
    getSetting(SUBMISSION_DEADLINE_DAY),
    getSetting(RESUBMIT_DAYS),
  ]);
  const viewNo = options.versionNo ?? draft.currentVersionNo;
  const viewed = versions.find((version) => version.versionNo === viewNo);
  if (!viewed) throw new NotFoundError(`Dự thảo không có phiên bản ${viewNo}.`);
  const current = versions[versions.length - 1];
  const me = (authorUserId: number | null, authorTokenId: number | null) => (actor.kind === "user" ? authorUserId === actor.id : authorTokenId === actor.id);

  const visible: DetailComment[] = comments
    .filter((comment) => comment.publishedAt || me(comment.authorUserId, comment.authorTokenId))
    .map((comment) => {
      const anchor = comment.anchorQuote !== null ? { quote: comment.anchorQuote, start: comment.anchorStart ?? 0, end: comment.anchorEnd ?? 0 } : null;
      return {
        id: comment.id,
        versionNo: comment.versionNo,
        parentId: comment.parentId,
        anchor,
        located: anchor ? locateAnchor(viewed.body, { ...anchor, prefix: comment.anchorPrefix, suffix: comment.anchorSuffix }) : null,
        body: comment.body,
        author: { name: comment.authorName, role: comment.authorRole },
        suggestion: comment.suggestion,
        suggestionStatus: comment.suggestionStatus,
        published: !!comment.publishedAt,
        reviewId: comment.reviewId,
        resolvedAt: comment.resolvedAt,
        resolvedByName: comment.resolvedByName,
        createdAt: comment.createdAt,
        mine: me(comment.authorUserId, comment.authorTokenId),
      };
    });

  const deadline = submissionDeadline(draft.period, deadlineDay);
  const analysis = current.analysis;
  const myReviews = reviews.filter((review) => me(review.reviewerUserId, review.reviewerTokenId));
  return {
    draft: {
      id: draft.id,
      period: draft.period,
      title: draft.title,
      status: draft.status,
      currentVersionNo: draft.currentVersionNo,
      flags: currentVersionFlags(draft.status, draft.flags as DraftFlagKey[]),
      proposedFlags: draft.proposedFlags as DraftFlagKey[],
      similarityScore: draft.similarityScore,
      previousSimilarity: draft.previousSimilarity,
      firstSubmittedAt: draft.firstSubmittedAt,
      lastSubmittedAt: draft.lastSubmittedAt,
      reviewedAt: draft.reviewedAt,
      openComments: draft.openComments,
      feedbackPendingSince: draft.feedbackPendingSince,
      feedbackAckedAt: draft.feedbackAckedAt,
      deadline,
      timeliness: timelinessOf(draft.firstSubmittedAt, deadline),
      /** After a request for changes: when the branch must send the draft again, and whether it did. */
      resubmission: resubmissionOf({ status: draft.status, lastDecision: reviews.at(-1)?.decision ?? null, reviewedAt: draft.reviewedAt, lastSubmittedAt: draft.lastSubmittedAt }, resubmitDays, now()),
    },
    branch: { id: draft.branch.id, code: draft.branch.code, name: draft.branch.name, path: draft.branch.path },
    ward,
    viewedVersionNo: viewNo,
    versions: versions.map((version) => ({ versionNo: version.versionNo, title: version.title, body: version.body, wordCount: version.wordCount, submittedAt: version.submittedAt, submittedBy: version.submittedByName })),
    comments: visible,
    reviews: reviews.map((review) => ({
      id: review.id,
      versionNo: review.versionNo,
      decision: review.decision,
      summary: review.summary,
      flags: review.flags as DraftFlagKey[],
      dismissedFlags: review.dismissedFlags as DraftFlagKey[],
      reviewerName: review.reviewerName,
      createdAt: review.createdAt,
      feedback: review.feedback ? { id: review.feedback.id, acknowledgedAt: review.feedback.acknowledgedAt, acknowledgedByName: review.feedback.acknowledgedByName, reply: review.feedback.reply } : null,
    })),
    myLastReviewedVersionNo: myReviews.length ? myReviews[myReviews.length - 1].versionNo : null,
    analysis: analysis
      ? {
          versionNo: current.versionNo,
          checklist: analysis.checklist as unknown as ChecklistItem[],
          proposedFlags: analysis.proposedFlags as DraftFlagKey[],
          reasons: analysis.reasons as Partial<Record<DraftFlagKey, string>>,
          similarEntries: analysis.similar as unknown as SimilarEntry[],
          previous: analysis.previous as { draftId: number; versionNo: number; score: number } | null,
          analyzedAt: analysis.analyzedAt,
        }
      : null,
  };
}

export type DraftDetail = Awaited<ReturnType<typeof getDraftDetail>>;

/** The month's directives and how the current version takes them up (live: guidance can be posted later). */
export async function checkDraftDirectives(detail: DraftDetail): Promise<DirectiveResult[]> {
  const topics = await guidanceForBranch(db(), detail.branch.path, detail.draft.period);
  return checkDirectives(detail.versions[detail.versions.length - 1].body, topics);
}

/**
 * The drafts most similar to the current version, with the passages they share: those the
 * analyzer stored at submission, or computed now from both texts for entries without them.
 */
export async function similarDrafts(actor: Actor, detail: DraftDetail): Promise<SimilarDraft[]> {
  const entries = detail.analysis?.similarEntries ?? [];
  if (!entries.length) return [];
  const stored = entries.every((entry) => entry.passages);
  const others = await db().draft.findMany({
    where: { id: { in: entries.map((entry) => entry.draftId) } },
    select: {
      id: true,
      branch: { select: { id: true, code: true, name: true, path: true, parent: { select: { name: true } } } },
      ...(stored ? {} : { versions: { orderBy: { versionNo: "desc" as const }, take: 1, select: { body: true } } }),
    },
  });
  let computed: ((body: string) => SharedPassage[]) | null = null;
  if (!stored) {
    const discount = guidanceDiscount(await guidanceForBranch(db(), detail.branch.path, detail.draft.period));
    const own = shingleText(detail.versions[detail.versions.length - 1].body, discount);
    computed = (body) => sharedPassages(own, shingleText(body, discount));
  }
  const bodyOf = (other: (typeof others)[number]) => ("versions" in other ? (other.versions as { body: string }[])[0]?.body : undefined) ?? "";
  return entries
    .map((entry, index) => {
      const other = others.find((candidate) => candidate.id === entry.draftId);
      if (!other) return null;
      const visible = inScope(actor, other.branch.path);
      return {
        draftId: visible ? entry.draftId : null,
        compareRef: visible ? String(entry.draftId) : similarRef(index + 1),
        score: entry.score,
        branch: visible ? { id: other.branch.id, code: other.branch.code, name: other.branch.name, wardName: other.branch.parent?.name ?? null } : null,
        passages: entry.passages ?? computed!(bodyOf(other)),
      };
    })
    .filter((entry): entry is SimilarDraft => entry !== null);
}

/** "similar-2": the analyzer's second most similar draft, named without its id. */
function similarRef(rank: number): string {
  return `similar-${rank}`;
}

/** `?with=` of the compare view: "previous", a draft id, or a rank in the analyzer's list ("similar" is the first). */
export function parseCompareTarget(value: string | undefined): "previous" | number | { similarRank: number } | undefined {
  if (!value || value === "previous") return "previous";
  if (value === "similar") return { similarRank: 1 };
  const rank = /^similar-([1-9]\d{0,2})$/.exec(value);
  if (rank) return { similarRank: Number(rank[1]) };
  const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : undefined;
}

export type ComparisonSide = { label: string; sublabel: string | null; body: string | null; highlights: { start: number; end: number }[]; href: string | null };

/**
 * Side by side: the current version and either the branch's own previous
 * month or another branch's draft, with the passages they share highlighted
 * on both sides. A draft outside the reader's scope is never shown, only
 * the shared passages of the reader's own text.
 */
export async function compareDraft(actor: Actor, detail: DraftDetail, requested: "previous" | number | { similarRank: number }) {
  const currentBody = detail.versions[detail.versions.length - 1].body;
  const other = typeof requested === "object" ? detail.analysis?.similarEntries?.[requested.similarRank - 1]?.draftId : requested;
  if (other === undefined) return null;
  const target =
    other === "previous"
      ? await db().draft.findUnique({ where: { branchId_period: { branchId: detail.branch.id, period: previousPeriod(detail.draft.period) } }, include: { branch: true } })
      : await db().draft.findFirst({ where: { id: other, period: detail.draft.period, NOT: { id: detail.draft.id } }, include: { branch: true } });
  if (!target) return null;
  const visible = inScope(actor, target.branch.path);
  // Outside the scope only the analyzer's own findings may be compared, never any draft by id.
  if (!visible && !(detail.analysis?.similarEntries ?? []).some((entry) => entry.draftId === target.id)) return null;
  const otherVersion = await db().draftVersion.findUniqueOrThrow({ where: { draftId_versionNo: { draftId: target.id, versionNo: target.currentVersionNo } } });
  const topics = await guidanceForBranch(db(), detail.branch.path, detail.draft.period);
  const discount = guidanceDiscount(topics);
  const left = shingleText(currentBody, discount);
  const right = shingleText(otherVersion.body, discount);
  const passages = sharedPassages(left, right);
  const score = left.set.length && right.set.length ? (() => {
    let common = 0;
    const set = new Set(right.set);
    for (const hash of left.set) if (set.has(hash)) common++;
    return common / (left.set.length + right.set.length - common);
  })() : 0;
  return {
    score,
    passages: passages.length,
    sharedWords: passages.reduce((sum, passage) => sum + passage.words, 0),
    left: { label: detail.branch.name, sublabel: `Phiên bản ${detail.draft.currentVersionNo}`, body: currentBody, highlights: passages.map((p) => ({ start: p.start, end: p.end })), href: null } satisfies ComparisonSide,
    right: {
      label: visible ? target.branch.name : "Dự thảo của một chi bộ ngoài phạm vi của bạn",
      sublabel: other === "previous" ? `Kỳ trước · phiên bản ${target.currentVersionNo}` : visible ? `Cùng kỳ · phiên bản ${target.currentVersionNo}` : null,
      body: visible ? otherVersion.body : null,
      highlights: visible ? passages.map((p) => ({ start: p.otherStart, end: p.otherEnd })) : [],
      href: visible ? `/drafts/${target.id}` : null,
    } satisfies ComparisonSide,
  };
}
