import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, inScope, scopePattern, type Actor } from "@/lib/auth/actor";
import { settingValue } from "@/lib/settings/app-settings";
import type { SettingDefinition } from "@/lib/settings/define";
import type { DraftStatus, ReviewDecision } from "@/lib/generated/prisma/enums";
import { previousPeriod } from "@/lib/periods/period";
import { NotFoundError } from "@/lib/errors";
import type { ChecklistItem } from "./analyzer/checklist";
import { checkDirectives, type DirectiveResult, type GuidanceTopic } from "./analyzer/directives";
import { guidanceDiscount } from "./analyzer/analyze-text";
import { shingleText } from "./analyzer/shingles";
import { sharedPassages, type SharedPassage } from "./analyzer/passages";
import type { DraftFlagKey } from "./analyzer/propose-flags";
import { locateAnchor, type LocatedAnchor } from "./anchors";
import { resubmissionOf, submissionDeadline, timelinessOf } from "./deadlines";
import { copyThresholds, PREVIOUS_COPY_PERCENT, RESUBMIT_DAYS, SUBMISSION_DEADLINE_DAY, TEMPLATE_COPY_PERCENT } from "./settings";
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

type JsonTime = string;
type VersionRow = { versionNo: number; title: string; body: string; wordCount: number; submittedAt: JsonTime; submittedByName: string };
type CommentRow = {
  id: number; versionNo: number; parentId: number | null; authorUserId: number | null; authorTokenId: number | null; authorName: string; authorRole: string; body: string;
  anchorQuote: string | null; anchorStart: number | null; anchorEnd: number | null; anchorPrefix: string | null; anchorSuffix: string | null;
  suggestion: string | null; suggestionStatus: DetailComment["suggestionStatus"]; publishedAt: JsonTime | null; reviewId: number | null; resolvedAt: JsonTime | null; resolvedByName: string | null; createdAt: JsonTime;
};
type ReviewRow = {
  id: number; versionNo: number; decision: ReviewDecision; summary: string; flags: DraftFlagKey[]; dismissedFlags: DraftFlagKey[]; reviewerUserId: number | null; reviewerTokenId: number | null; reviewerName: string; createdAt: JsonTime;
  feedback: { id: number; acknowledgedAt: JsonTime | null; acknowledgedByName: string | null; reply: string | null } | null;
};
/** A draft the analyzer listed as similar, with its branch (whose path decides what the reader may see of it). */
type SimilarUnitRow = { draftId: number; branchId: number; code: string; name: string; path: string; wardName: string | null };
type DetailRow = {
  id: number; period: string; title: string; status: DraftStatus; currentVersionNo: number; flags: DraftFlagKey[]; proposedFlags: DraftFlagKey[];
  similarityScore: number | null; previousSimilarity: number | null; openComments: number;
  feedbackPendingSince: Date | null; feedbackAckedAt: Date | null; firstSubmittedAt: Date; lastSubmittedAt: Date; reviewedAt: Date | null;
  branchId: number; branchCode: string; branchName: string; branchPath: string; wardId: number | null; wardName: string | null; wardCode: string | null;
  analysisVersionNo: number | null; checklist: unknown; similar: unknown; previous: unknown; analysisProposedFlags: DraftFlagKey[] | null; reasons: unknown; analyzedAt: Date | null;
  versions: VersionRow[]; comments: CommentRow[] | null; reviews: ReviewRow[] | null; guidance: GuidanceTopic[] | null; similarUnits: SimilarUnitRow[] | null; settings: Record<string, unknown> | null;
};

const DETAIL_SETTINGS = [SUBMISSION_DEADLINE_DAY, RESUBMIT_DAYS, TEMPLATE_COPY_PERCENT, PREVIOUS_COPY_PERCENT];

/** Timestamps inside json_build_object are UTC without a zone (timestamp(3) columns). */
function utc(value: JsonTime): Date;
function utc(value: JsonTime | null): Date | null;
function utc(value: JsonTime | null): Date | null {
  return value === null ? null : new Date(`${value}Z`);
}

/**
 * The draft and all that its page shows, in one round trip: its branch and ward, versions, the
 * current version's analysis, comments, reviews with their feedback, the month's guidance for the
 * branch, the branches of the drafts the analyzer found similar, and the settings that date it.
 * The scope is part of the query, so a draft outside it is "not found" like one that does not exist.
 */
async function readDraftInScope(actor: Actor, draftId: number): Promise<DetailRow> {
  assertCan(actor, "draft.read");
  if (!Number.isSafeInteger(draftId) || draftId <= 0 || draftId > 2_147_483_647) throw new NotFoundError("Không tìm thấy dự thảo.");
  const [row] = await db().$queryRaw<DetailRow[]>`
    SELECT d.id, d.period, d.title, d.status::text AS status, d."currentVersionNo", d.flags::text[] AS flags, d."proposedFlags"::text[] AS "proposedFlags",
      d."similarityScore", d."previousSimilarity", d."openComments", d."feedbackPendingSince", d."feedbackAckedAt", d."firstSubmittedAt", d."lastSubmittedAt", d."reviewedAt",
      b.id AS "branchId", b.code AS "branchCode", b.name AS "branchName", b.path AS "branchPath", w.id AS "wardId", w.name AS "wardName", w.code AS "wardCode",
      cur."versionNo" AS "analysisVersionNo", cur.checklist, cur.similar, cur.previous, cur."proposedFlags"::text[] AS "analysisProposedFlags", cur.reasons, cur."analyzedAt",
      (SELECT json_agg(json_build_object('versionNo', v."versionNo", 'title', v.title, 'body', v.body, 'wordCount', v."wordCount", 'submittedAt', v."submittedAt", 'submittedByName', v."submittedByName") ORDER BY v."versionNo")
         FROM "DraftVersion" v WHERE v."draftId" = d.id) AS versions,
      (SELECT json_agg(json_build_object('id', c.id, 'versionNo', c."versionNo", 'parentId', c."parentId", 'authorUserId', c."authorUserId", 'authorTokenId', c."authorTokenId",
           'authorName', c."authorName", 'authorRole', c."authorRole", 'body', c.body, 'anchorQuote', c."anchorQuote", 'anchorStart', c."anchorStart", 'anchorEnd', c."anchorEnd",
           'anchorPrefix', c."anchorPrefix", 'anchorSuffix', c."anchorSuffix", 'suggestion', c.suggestion, 'suggestionStatus', c."suggestionStatus", 'publishedAt', c."publishedAt",
           'reviewId', c."reviewId", 'resolvedAt', c."resolvedAt", 'resolvedByName', c."resolvedByName", 'createdAt', c."createdAt") ORDER BY c."createdAt", c.id)
         FROM "DraftComment" c WHERE c."draftId" = d.id) AS comments,
      (SELECT json_agg(json_build_object('id', r.id, 'versionNo', r."versionNo", 'decision', r.decision, 'summary', r.summary, 'flags', r.flags, 'dismissedFlags', r."dismissedFlags",
           'reviewerUserId', r."reviewerUserId", 'reviewerTokenId', r."reviewerTokenId", 'reviewerName', r."reviewerName", 'createdAt', r."createdAt",
           'feedback', CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('id', f.id, 'acknowledgedAt', f."acknowledgedAt", 'acknowledgedByName', f."acknowledgedByName", 'reply', f.reply) END)
           ORDER BY r."createdAt", r.id)
         FROM "DraftReview" r LEFT JOIN "Feedback" f ON f."reviewId" = r.id WHERE r."draftId" = d.id) AS reviews,
      (SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'details', g.details, 'keywords', g.keywords) ORDER BY g."createdAt", g.id)
         FROM "Guidance" g WHERE g.period = d.period AND g."withdrawnAt" IS NULL AND g."orgUnitId" = ANY (string_to_array(trim(BOTH '/' FROM b.path), '/')::int[])) AS guidance,
      (SELECT json_agg(json_build_object('draftId', sd.id, 'branchId', sb.id, 'code', sb.code, 'name', sb.name, 'path', sb.path, 'wardName', sw.name))
         FROM "Draft" sd JOIN "OrgUnit" sb ON sb.id = sd."branchId" LEFT JOIN "OrgUnit" sw ON sw.id = sb."parentId"
         WHERE sd.id IN (SELECT (entry->>'draftId')::int FROM jsonb_array_elements(CASE WHEN jsonb_typeof(cur.similar) = 'array' THEN cur.similar ELSE '[]' END) entry)) AS "similarUnits",
      (SELECT json_object_agg(s.key, s.value) FROM "AppSetting" s WHERE s.key = ANY (${DETAIL_SETTINGS.map((setting) => setting.key)}::text[])) AS settings
    FROM "Draft" d
    JOIN "OrgUnit" b ON b.id = d."branchId"
    LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
    LEFT JOIN LATERAL (
      SELECT v."versionNo", a.checklist, a.similar, a.previous, a."proposedFlags", a.reasons, a."analyzedAt"
      FROM "DraftVersion" v JOIN "DraftAnalysis" a ON a."versionId" = v.id
      WHERE v."draftId" = d.id AND v."versionNo" = (SELECT max(lv."versionNo") FROM "DraftVersion" lv WHERE lv."draftId" = d.id)
    ) cur ON true
    WHERE d.id = ${draftId} AND b.path LIKE ${scopePattern(actor)}`;
  if (!row) throw new NotFoundError("Không tìm thấy dự thảo.");
  return row;
}

/** Everything the draft page and GET /api/v1/drafts/ID show, for a reader in scope. */
export async function getDraftDetail(actor: Actor, draftId: number, options: { versionNo?: number } = {}) {
  const draft = await readDraftInScope(actor, draftId);
  const versions = draft.versions;
  const comments = draft.comments ?? [];
  const reviews = draft.reviews ?? [];
  const setting = <T,>(definition: SettingDefinition<T>) => settingValue(definition, draft.settings?.[definition.key]);
  const deadlineDay = setting(SUBMISSION_DEADLINE_DAY);
  const resubmitDays = setting(RESUBMIT_DAYS);
  const viewNo = options.versionNo ?? draft.currentVersionNo;
  const viewed = versions.find((version) => version.versionNo === viewNo);
  if (!viewed) throw new NotFoundError(`Dự thảo không có phiên bản ${viewNo}.`);
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
        published: comment.publishedAt !== null,
        reviewId: comment.reviewId,
        resolvedAt: utc(comment.resolvedAt),
        resolvedByName: comment.resolvedByName,
        createdAt: utc(comment.createdAt),
        mine: me(comment.authorUserId, comment.authorTokenId),
      };
    });

  const deadline = submissionDeadline(draft.period, deadlineDay);
  const myReviews = reviews.filter((review) => me(review.reviewerUserId, review.reviewerTokenId));
  return {
    draft: {
      id: draft.id,
      period: draft.period,
      title: draft.title,
      status: draft.status,
      currentVersionNo: draft.currentVersionNo,
      flags: currentVersionFlags(draft.status, draft.flags),
      proposedFlags: draft.proposedFlags,
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
    branch: { id: draft.branchId, code: draft.branchCode, name: draft.branchName, path: draft.branchPath },
    ward: draft.wardId !== null ? { id: draft.wardId, name: draft.wardName!, code: draft.wardCode! } : null,
    viewedVersionNo: viewNo,
    versions: versions.map((version) => ({ versionNo: version.versionNo, title: version.title, body: version.body, wordCount: version.wordCount, submittedAt: utc(version.submittedAt), submittedBy: version.submittedByName })),
    comments: visible,
    reviews: reviews.map((review) => ({
      id: review.id,
      versionNo: review.versionNo,
      decision: review.decision,
      summary: review.summary,
      flags: review.flags,
      dismissedFlags: review.dismissedFlags,
      reviewerName: review.reviewerName,
      createdAt: utc(review.createdAt),
      feedback: review.feedback ? { id: review.feedback.id, acknowledgedAt: utc(review.feedback.acknowledgedAt), acknowledgedByName: review.feedback.acknowledgedByName, reply: review.feedback.reply } : null,
    })),
    myLastReviewedVersionNo: myReviews.length ? myReviews[myReviews.length - 1].versionNo : null,
    analysis:
      draft.analysisVersionNo !== null
        ? {
            versionNo: draft.analysisVersionNo,
            checklist: draft.checklist as ChecklistItem[],
            proposedFlags: draft.analysisProposedFlags ?? [],
            reasons: draft.reasons as Partial<Record<DraftFlagKey, string>>,
            similarEntries: draft.similar as SimilarEntry[],
            previous: draft.previous as { draftId: number; versionNo: number; score: number } | null,
            analyzedAt: draft.analyzedAt!,
          }
        : null,
    /** The month's guidance for the branch, read live: a ward can post it after the draft came in. */
    guidance: draft.guidance ?? [],
    similarUnits: draft.similarUnits ?? [],
    thresholds: copyThresholds(setting(TEMPLATE_COPY_PERCENT), setting(PREVIOUS_COPY_PERCENT)),
  };
}

export type DraftDetail = Awaited<ReturnType<typeof getDraftDetail>>;

/** The month's directives and how the current version takes them up (the guidance was read with the draft). */
export function checkDraftDirectives(detail: DraftDetail): DirectiveResult[] {
  return checkDirectives(detail.versions[detail.versions.length - 1].body, detail.guidance);
}

/**
 * The drafts most similar to the current version, with the passages they share: those the
 * analyzer stored at submission, or computed now from both texts for entries without them.
 */
export async function similarDrafts(actor: Actor, detail: DraftDetail): Promise<SimilarDraft[]> {
  const entries = detail.analysis?.similarEntries ?? [];
  if (!entries.length) return [];
  let computed: ((draftId: number) => SharedPassage[]) | null = null;
  if (!entries.every((entry) => entry.passages)) {
    // Analyses from before the passages were stored: compare both texts now.
    const bodies = await db().$queryRaw<{ draftId: number; body: string }[]>`
      SELECT d.id AS "draftId", v.body FROM "Draft" d JOIN "DraftVersion" v ON v."draftId" = d.id AND v."versionNo" = d."currentVersionNo"
      WHERE d.id = ANY (${entries.map((entry) => entry.draftId)}::int[])`;
    const discount = guidanceDiscount(detail.guidance);
    const own = shingleText(detail.versions[detail.versions.length - 1].body, discount);
    computed = (draftId) => sharedPassages(own, shingleText(bodies.find((row) => row.draftId === draftId)?.body ?? "", discount));
  }
  return entries
    .map((entry, index) => {
      const other = detail.similarUnits.find((candidate) => candidate.draftId === entry.draftId);
      if (!other) return null;
      const visible = inScope(actor, other.path);
      return {
        draftId: visible ? entry.draftId : null,
        compareRef: visible ? String(entry.draftId) : similarRef(index + 1),
        score: entry.score,
        branch: visible ? { id: other.branchId, code: other.code, name: other.name, wardName: other.wardName } : null,
        passages: entry.passages ?? computed!(entry.draftId),
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
  const discount = guidanceDiscount(detail.guidance);
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
