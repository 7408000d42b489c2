import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { PeriodSchema } from "@/lib/periods/period";
import { parseInput } from "@/lib/validation/parse";
import { findUnitInScope, type OrgUnitSummary } from "@/lib/org/org-units";
import { branchesByChildSql, branchesUnderPlacedPathSql, branchesUnderSql, placedPathSql, type TreeMode } from "@/lib/org/tree-sql";
import { getSettings } from "@/lib/settings/app-settings";
import { draftRevisionSql, readRevisions, recall, rememberedValues, treeRevisionSql } from "@/lib/db/remembered";
import { now } from "@/lib/clock";
import { submissionDeadline } from "./deadlines";
import { ackOverdueCutoff } from "./feedback-counts";
import { FEEDBACK_ACK_DAYS, SUBMISSION_DEADLINE_DAY } from "./settings";

export type ReviewCounts = {
  /** Branches in force during the period. */
  branches: number;
  submitted: number;
  onTime: number;
  late: number;
  /** Not submitted and the deadline has passed. */
  missing: number;
  /** Not submitted, deadline not passed yet. */
  notDue: number;
  /** Submitted or revised, waiting for a decision. */
  awaitingReview: number;
  approved: number;
  changesRequested: number;
  /** Drafts with at least one quality flag decided by a reviewer. */
  flagged: number;
  /** Drafts with a flag proposed by the analyzer (decided or not). */
  proposedFlagged: number;
  /** Requests for changes the ward has not acknowledged, and those past the acknowledgement delay. */
  unacknowledged: number;
  unacknowledgedOverdue: number;
  openComments: number;
};

export type DraftReviewSummary = {
  period: string;
  deadline: Date;
  orgUnit: Pick<OrgUnitSummary, "id" | "code" | "name" | "level">;
  totals: ReviewCounts;
  /** One row per child unit (wards of a district, districts of the city, branches of a ward). */
  children: (ReviewCounts & { orgUnit: Pick<OrgUnitSummary, "id" | "code" | "name" | "level"> })[];
};

// A branch without a draft is told by d."branchId" IS NULL, not d.id: every column read is in
// Draft_summary_idx, so a city's totals read the index alone.
// "Missing" and "overdue" are decided at `at`, the app's clock (lib/clock.ts), as the queue's rows are.
function countsSql(deadline: Date, ackDays: number, at: Date): Prisma.Sql {
  const pastDeadline = at > deadline;
  return Prisma.sql`
    count(*)::int AS branches,
    count(d."branchId")::int AS submitted,
    count(*) FILTER (WHERE d."firstSubmittedAt" <= ${deadline})::int AS "onTime",
    count(*) FILTER (WHERE d."firstSubmittedAt" > ${deadline})::int AS late,
    count(*) FILTER (WHERE d."branchId" IS NULL AND ${pastDeadline})::int AS missing,
    count(*) FILTER (WHERE d."branchId" IS NULL AND NOT ${pastDeadline})::int AS "notDue",
    count(*) FILTER (WHERE d.status IN ('SUBMITTED', 'REVISED'))::int AS "awaitingReview",
    count(*) FILTER (WHERE d.status = 'APPROVED')::int AS approved,
    count(*) FILTER (WHERE d.status = 'CHANGES_REQUESTED')::int AS "changesRequested",
    count(*) FILTER (WHERE cardinality(d.flags) > 0)::int AS flagged,
    count(*) FILTER (WHERE cardinality(d."proposedFlags") > 0)::int AS "proposedFlagged",
    count(*) FILTER (WHERE d."feedbackPendingSince" IS NOT NULL)::int AS unacknowledged,
    count(*) FILTER (WHERE d."feedbackPendingSince" <= ${ackOverdueCutoff(at, ackDays)})::int AS "unacknowledgedOverdue",
    coalesce(sum(d."openComments"), 0)::int AS "openComments"`;
}

/**
 * The branches the totals count. As of the period, the unit's path then is read first: with the
 * range given as values a city's 16,762 branches are joined to the period's drafts by hash, through
 * Draft_summary_idx alone (25 ms → 11 ms), where an unknown range had them probed one by one.
 */
async function branchesOfTotals(unitPath: string, period: string, tree: TreeMode | undefined): Promise<Prisma.Sql> {
  if (tree === "current") return branchesUnderSql(unitPath, { period, mode: tree });
  const [placed] = await db().$queryRaw<{ path: string }[]>(placedPathSql(unitPath, period));
  return placed ? branchesUnderPlacedPathSql(placed.path, period) : Prisma.sql`SELECT NULL::int AS branch_id WHERE false`;
}

const EMPTY: ReviewCounts = { branches: 0, submitted: 0, onTime: 0, late: 0, missing: 0, notDue: 0, awaitingReview: 0, approved: 0, changesRequested: 0, flagged: 0, proposedFlagged: 0, unacknowledged: 0, unacknowledgedOverdue: 0, openComments: 0 };

// A city's totals join its 16,762 branches with the period's drafts (≈ 20 ms, a third of what the
// city dashboard costs); every leader's home and dashboard asks for them. They are remembered while
// no draft and no placement has changed since (the drafts' and the tree's revisions), and for at
// most a minute, since "missing" and "overdue" also move with the clock.
const remembered = rememberedValues<DraftReviewSummary>(2_000);
const CLOCK_STEP_MS = 60_000;

/**
 * Review progress of a period for the actor's scope (or a unit in it): how
 * many branches submitted on time, late or not at all, how many drafts were
 * approved, sent back or flagged, and what the wards have not acknowledged —
 * in total and per child unit. Leaders' dashboards read this.
 */
export async function getDraftReviewSummary(actor: Actor, options: { orgUnitId?: number; period: string; tree?: TreeMode; withChildren?: boolean }): Promise<DraftReviewSummary> {
  assertCan(actor, "draft.read");
  const period = parseInput(PeriodSchema, options.period, "Kỳ không hợp lệ.");
  const unit = await findUnitInScope(actor, options.orgUnitId || undefined, "org.read");
  const [[deadlineDay, ackDays], revisions] = await Promise.all([getSettings([SUBMISSION_DEADLINE_DAY, FEEDBACK_ACK_DAYS]), readRevisions([draftRevisionSql, treeRevisionSql])]);
  const deadline = submissionDeadline(period, deadlineDay);
  const withChildren = unit.level !== "BRANCH" && options.withChildren !== false;
  const at = now();
  const key = revisions && [revisions, Math.floor(at.getTime() / CLOCK_STEP_MS), unit.id, unit.path, period, options.tree ?? "", withChildren, deadline.toISOString(), ackDays].join("|");
  return recall(remembered, key, () => readDraftReviewSummary(unit, period, deadline, ackDays, at, options.tree, withChildren));
}

async function readDraftReviewSummary(unit: OrgUnitSummary, period: string, deadline: Date, ackDays: number, at: Date, tree: TreeMode | undefined, withChildren: boolean): Promise<DraftReviewSummary> {
  const counts = countsSql(deadline, ackDays, at);
  const [totals] = await db().$queryRaw<ReviewCounts[]>`
    SELECT ${counts} FROM (${await branchesOfTotals(unit.path, period, tree)}) bu
    LEFT JOIN "Draft" d ON d."branchId" = bu.branch_id AND d.period = ${period}`;
  // Cards that show only the totals skip the per-child roll-up (≈ 0.2 s at city scale).
  const rows = !withChildren
    ? []
    : await db().$queryRaw<(ReviewCounts & { childId: number; code: string; name: string; level: OrgUnitSummary["level"] })[]>`
        SELECT c.id AS "childId", c.code, c.name, c.level, ${counts}
        FROM (${branchesByChildSql(unit.id, { period, mode: tree })}) bc
        JOIN "OrgUnit" c ON c.id = bc.child_id
        LEFT JOIN "Draft" d ON d."branchId" = bc.branch_id AND d.period = ${period}
        GROUP BY c.id, c.code, c.name, c.level
        ORDER BY c.name COLLATE vi_natural, c.code`;
  return {
    period,
    deadline,
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    totals: totals ?? EMPTY,
    children: rows.map(({ childId, code, name, level, ...rest }) => ({ orgUnit: { id: childId, code, name, level }, ...rest })),
  };
}
