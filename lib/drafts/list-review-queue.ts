import "server-only";
import { daysWaited } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/read-replicas";
import { assertCan, scopePattern, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { escapeLike } from "@/lib/db/sql";
import { findUnitInScope } from "@/lib/org/org-units";
import { branchesWithParentSql } from "@/lib/org/tree-sql";
import { getSetting, getSettings } from "@/lib/settings/app-settings";
import { resubmissionOf, reviewPeriodAt, submissionDeadline, timelinessOf } from "./deadlines";
import { currentVersionFlags, type QueueStatusKey, type Timeliness } from "./labels";
import { QueueFilterSchema, type QueueFilter } from "./schemas";
import { foldedSearchPhrase } from "./search-query";
import { FEEDBACK_ACK_DAYS, RESUBMIT_DAYS, SUBMISSION_DEADLINE_DAY } from "./settings";
import { ackOverdueCutoff } from "./feedback-counts";
import { now as clockNow } from "@/lib/clock";
import { openingPeriod } from "@/lib/periods/period";
import { followedBranchIdsSql } from "@/lib/followers/sql";

export type QueueRow = {
  branch: { id: number; code: string; name: string };
  ward: { id: number; name: string } | null;
  draftId: number | null;
  period: string;
  status: QueueStatusKey;
  versionNo: number | null;
  firstSubmittedAt: Date | null;
  lastSubmittedAt: Date | null;
  timeliness: Timeliness;
  flags: string[];
  proposedFlags: string[];
  /**
   * The analyzer's most similar draft of the period. Outside the reader's scope it is not named:
   * `draftId` is null and `outsideScope` true (compare with it by rank: `?view=compare&with=similar`).
   */
  similarity: { score: number; draftId: number | null; outsideScope: boolean } | null;
  previousSimilarity: number | null;
  openComments: number;
  feedbackPendingSince: Date | null;
  feedbackAckedAt: Date | null;
  ackOverdue: boolean;
  /** Sent back and not sent again by its resubmission deadline. */
  resubmitOverdue: boolean;
};

/**
 * A queue row as the page's table receives it: instants as ISO text (the
 * table is a client component), and the days its feedback has waited.
 */
export function queueRowView(row: QueueRow, at: Date = clockNow()) {
  return {
    ...row,
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    lastSubmittedAt: row.lastSubmittedAt?.toISOString() ?? null,
    feedbackPendingSince: row.feedbackPendingSince?.toISOString() ?? null,
    feedbackAckedAt: row.feedbackAckedAt?.toISOString() ?? null,
    waitingDays: row.feedbackPendingSince ? daysWaited(row.feedbackPendingSince, at) : null,
  };
}

export type QueueRowView = ReturnType<typeof queueRowView>;

const STATUS_ORDER = Prisma.sql`CASE d.status WHEN 'REVISED' THEN 0 WHEN 'SUBMITTED' THEN 1 WHEN 'CHANGES_REQUESTED' THEN 2 WHEN 'APPROVED' THEN 3 ELSE 4 END`;

function orderBy(sort: string): Prisma.Sql {
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  const dir = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const nulls = Prisma.sql`NULLS LAST`;
  switch (key) {
    case "branch":
      return Prisma.sql`b.name COLLATE vi_natural ${dir}, b.code`;
    case "ward":
      return Prisma.sql`w.name COLLATE vi_natural ${dir}, b.name COLLATE vi_natural, b.code`;
    case "status":
      return Prisma.sql`${STATUS_ORDER} ${dir}, d."lastSubmittedAt" ASC NULLS LAST, b.code`;
    case "version":
      return Prisma.sql`d."currentVersionNo" ${dir} ${nulls}, b.code`;
    case "submittedAt":
      return Prisma.sql`d."firstSubmittedAt" ${dir} ${nulls}, b.code`;
    case "similarity":
      return Prisma.sql`d."similarityScore" ${dir} ${nulls}, b.code`;
    case "openComments":
      return Prisma.sql`d."openComments" ${dir} ${nulls}, b.code`;
    case "ack":
      return Prisma.sql`d."feedbackPendingSince" ${dir} ${nulls}, b.code`;
    default:
      // The reviewer's work list: revisions and new drafts first, oldest first.
      return Prisma.sql`${STATUS_ORDER} ${dir}, d."lastSubmittedAt" ASC NULLS LAST, b.code`;
  }
}

/**
 * Drafts filtered by a flag, unless another order is asked for: the strongest
 * evidence first — the most similar (to the branch's previous month for that
 * flag), so a 100% copy never sits below one at 20%.
 */
function flaggedOrder(flag: string): Prisma.Sql {
  const score = flag === "PREVIOUS_COPY" ? Prisma.sql`d."previousSimilarity"` : Prisma.sql`d."similarityScore"`;
  return Prisma.sql`${score} DESC NULLS LAST, ${orderBy("queue")}`;
}

/** The review period shown by default: the one under review now, or the latest with drafts when it has none yet. */
export async function defaultReviewPeriod(now = clockNow()): Promise<string> {
  const reviewing = reviewPeriodAt(now, await getSetting(SUBMISSION_DEADLINE_DAY));
  const [latest] = await (await readDb()).$queryRaw<{ period: string | null }[]>`SELECT max(period) AS period FROM "Draft" WHERE period <= ${reviewing}`;
  return openingPeriod(latest?.period ?? null, reviewing);
}

/**
 * Every branch in scope (or under `orgUnitId`) for a period with its draft's
 * review state — branches that have not submitted too — filtered, sorted
 * and paged in PostgreSQL. Branches are those of the period's tree.
 */
export async function listReviewQueue(actor: Actor, rawFilter: unknown, options: { includeMissing?: boolean; allRows?: boolean } = {}) {
  return readReviewQueue(actor, await resolveReviewQueueFilter(actor, rawFilter), options);
}

export type ResolvedQueueFilter = Awaited<ReturnType<typeof resolveReviewQueueFilter>>;

/**
 * The queue's filter checked, its period chosen and its unit found in the
 * actor's scope, before any row is read: a page answers 404 (unit out of
 * scope) or explains a bad filter first, then streams the rows.
 */
export async function resolveReviewQueueFilter(actor: Actor, rawFilter: unknown) {
  assertCan(actor, "draft.read");
  const filter: QueueFilter = parseInput(QueueFilterSchema, rawFilter ?? {}, "Tham số truy vấn không hợp lệ.");
  const period = filter.period ?? (await defaultReviewPeriod());
  const unit = await findUnitInScope(actor, filter.orgUnitId || undefined, "org.read");
  return { filter, period, unit };
}

/** The queue's rows for a filter resolveReviewQueueFilter checked. */
export async function readReviewQueue(actor: Actor, { filter, period, unit }: ResolvedQueueFilter, options: { includeMissing?: boolean; allRows?: boolean } = {}) {
  assertCan(actor, "draft.read");
  const [deadlineDay, ackDays, resubmitDays] = await getSettings([SUBMISSION_DEADLINE_DAY, FEEDBACK_ACK_DAYS, RESUBMIT_DAYS]);
  const deadline = submissionDeadline(period, deadlineDay);
  const includeMissing = options.includeMissing ?? filter.includeMissing;
  // The app's clock, not PostgreSQL's: filters and the rows' labels decide "missing" and "overdue" at the same instant.
  const now = clockNow();
  const overdueCutoff = ackOverdueCutoff(now, ackDays);

  const conditions: Prisma.Sql[] = [];
  if (filter.status === "NOT_SUBMITTED") conditions.push(Prisma.sql`d.id IS NULL`);
  else if (filter.status === "AWAITING") conditions.push(Prisma.sql`d.status IN ('SUBMITTED', 'REVISED')`);
  else if (filter.status) conditions.push(Prisma.sql`d.status = ${filter.status}::"DraftStatus"`);
  else if (!includeMissing) conditions.push(Prisma.sql`d.id IS NOT NULL`);
  // Decided flags count only on a decided version (see currentVersionFlags).
  if (filter.flag) conditions.push(Prisma.sql`((d.status IN ('APPROVED', 'CHANGES_REQUESTED') AND ${filter.flag}::"DraftFlag" = ANY(d.flags)) OR ${filter.flag}::"DraftFlag" = ANY(d."proposedFlags"))`);
  if (filter.timeliness === "ON_TIME") conditions.push(Prisma.sql`d."firstSubmittedAt" <= ${deadline}`);
  if (filter.timeliness === "LATE") conditions.push(Prisma.sql`d."firstSubmittedAt" > ${deadline}`);
  if (filter.timeliness === "MISSING") conditions.push(now > deadline ? Prisma.sql`d.id IS NULL` : Prisma.sql`false`);
  if (filter.ack === "pending") conditions.push(Prisma.sql`d."feedbackPendingSince" IS NOT NULL`);
  if (filter.ack === "overdue") conditions.push(Prisma.sql`d."feedbackPendingSince" <= ${overdueCutoff}`);
  // API tokens follow nothing: "assigned to me" is empty for them.
  if (filter.assigned === "me") conditions.push(actor.kind === "user" ? Prisma.sql`bw.branch_id IN (${followedBranchIdsSql(unit.path, actor.id)})` : Prisma.sql`false`);
  const phrase = filter.q ? foldedSearchPhrase(filter.q) : null;
  if (filter.q && phrase) {
    const pattern = `%${escapeLike(phrase)}%`;
    conditions.push(Prisma.sql`(vn_fold(b.name) LIKE ${pattern} OR lower(b.code) LIKE ${`${escapeLike(filter.q.trim().toLowerCase())}%`} OR d."searchText" LIKE ${pattern})`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const from = Prisma.sql`
    FROM (${branchesWithParentSql(unit.path, { period })}) bw
    JOIN "OrgUnit" b ON b.id = bw.branch_id
    LEFT JOIN "OrgUnit" w ON w.id = bw.parent_id
    LEFT JOIN "Draft" d ON d."branchId" = bw.branch_id AND d.period = ${period}`;

  // A list: from a read replica when there is one (docs/scaling.md).
  const reader = await readDb();
  const rows = await reader.$queryRaw<
    {
      branchId: number; branchCode: string; branchName: string; wardId: number | null; wardName: string | null; draftId: number | null; status: QueueStatusKey | null; versionNo: number | null;
      firstSubmittedAt: Date | null; lastSubmittedAt: Date | null; flags: string[] | null; proposedFlags: string[] | null; similarityScore: number | null; similarDraftId: number | null; similarInScope: boolean | null;
      previousSimilarity: number | null; openComments: number | null; feedbackPendingSince: Date | null; feedbackAckedAt: Date | null; reviewedAt: Date | null; total: number;
    }[]
  >`
    SELECT b.id AS "branchId", b.code AS "branchCode", b.name AS "branchName", w.id AS "wardId", w.name AS "wardName",
      d.id AS "draftId", d.status, d."currentVersionNo" AS "versionNo", d."firstSubmittedAt", d."lastSubmittedAt",
      d.flags::text[] AS flags, d."proposedFlags"::text[] AS "proposedFlags", d."similarityScore", d."similarDraftId", d."previousSimilarity",
      (SELECT sb.path LIKE ${scopePattern(actor)} FROM "Draft" sd JOIN "OrgUnit" sb ON sb.id = sd."branchId" WHERE sd.id = d."similarDraftId") AS "similarInScope",
      d."openComments", d."feedbackPendingSince", d."feedbackAckedAt", d."reviewedAt", count(*) OVER ()::int AS total
    ${from} ${where}
    ORDER BY ${filter.flag && filter.sort === "queue" ? flaggedOrder(filter.flag) : orderBy(filter.sort)}
    ${options.allRows ? Prisma.empty : Prisma.sql`LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`}`;

  // One pass gives the page and the total; a page past the end needs its own count.
  const total = rows.length ? rows[0].total : filter.page > 1 ? (await reader.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} ${where}`)[0].total : 0;
  const items: QueueRow[] = rows.map((row) => ({
    branch: { id: row.branchId, code: row.branchCode, name: row.branchName },
    ward: row.wardId ? { id: row.wardId, name: row.wardName! } : null,
    draftId: row.draftId,
    period,
    status: row.status ?? "NOT_SUBMITTED",
    versionNo: row.versionNo,
    firstSubmittedAt: row.firstSubmittedAt,
    lastSubmittedAt: row.lastSubmittedAt,
    timeliness: timelinessOf(row.firstSubmittedAt, deadline, now),
    flags: currentVersionFlags(row.status, row.flags ?? []),
    proposedFlags: row.proposedFlags ?? [],
    similarity:
      row.similarityScore !== null && row.similarDraftId !== null
        ? { score: row.similarityScore, draftId: row.similarInScope ? row.similarDraftId : null, outsideScope: !row.similarInScope }
        : null,
    previousSimilarity: row.previousSimilarity,
    openComments: row.openComments ?? 0,
    feedbackPendingSince: row.feedbackPendingSince,
    feedbackAckedAt: row.feedbackAckedAt,
    ackOverdue: !!row.feedbackPendingSince && row.feedbackPendingSince <= overdueCutoff,
    resubmitOverdue: row.status === "CHANGES_REQUESTED" && resubmissionOf({ status: row.status, lastDecision: row.status, reviewedAt: row.reviewedAt, lastSubmittedAt: row.lastSubmittedAt }, resubmitDays, now)?.state === "OVERDUE",
  }));
  return { items, total, page: filter.page, pageSize: filter.pageSize, period, deadline, unit, filter: { ...filter, period }, ackDays };
}

