import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addMonths, periodsBetween, type Period } from "@/lib/periods/period";
import { unitBranchPairsSql } from "@/lib/org/tree-sql";
import { rollupKeptOnWrite, type SqlRunner } from "./sql-runner";

// HandbookStat is derived data: one row per org unit and month, rebuilt from
// the raw tables (Member, UsageSnapshot) by the statements below. Every write
// of raw data that the dashboard shows (usage import, API push, member import,
// the seed) calls refreshHandbookStats in its own transaction, so readers see
// either the old raw data with the old roll-ups or the new with the new.
// Refreshes take one advisory lock: two imports never interleave their sums.

const rollup = rollupKeptOnWrite("HandbookStat", 5_052_026);
export const lockHandbookStats = rollup.lock;
export const listStatPeriods = rollup.periods;

const STAT_COLUMNS = Prisma.raw(
  `"orgUnitId", period, level, "parentId", "membersTotal", "membersEligible", "membersInstalled", "membersActive", "branchesTotal", "branchesReporting", "branchesUsingInMeetings", "newsPosts", documents, "computedAt"`,
);
const UPSERT_SET = Prisma.raw(
  `level = EXCLUDED.level, "parentId" = EXCLUDED."parentId", "membersTotal" = EXCLUDED."membersTotal", "membersEligible" = EXCLUDED."membersEligible",
   "membersInstalled" = EXCLUDED."membersInstalled", "membersActive" = EXCLUDED."membersActive", "branchesTotal" = EXCLUDED."branchesTotal", "branchesReporting" = EXCLUDED."branchesReporting",
   "branchesUsingInMeetings" = EXCLUDED."branchesUsingInMeetings", "newsPosts" = EXCLUDED."newsPosts", documents = EXCLUDED.documents, "computedAt" = EXCLUDED."computedAt"`,
);

/** First day of the month after `period` ("2026-11" → "2026-12-01"): members and installs count up to the end of the month. */
export function nextMonthStart(period: Period): string {
  return `${addMonths(period, 1)}-01`;
}

/**
 * Branch rows of one period: members in the branch at the end of the month
 * (current members; former ones until the day they left), how many of them
 * must use the handbook and had installed it by then, and the branch's latest
 * usage snapshot of the month.
 */
function branchRowsSql(period: Period, branchIds: number[] | null): Prisma.Sql {
  const nextStart = nextMonthStart(period);
  const only = branchIds ? Prisma.sql`AND branch_id = ANY(${branchIds}::int[])` : Prisma.empty;
  return Prisma.sql`
    WITH br AS (
      SELECT branch_id, parent_id FROM (${unitBranchPairsSql({ period })}) pairs WHERE unit_id = branch_id ${only}
    ),
    mem AS (
      SELECT m."branchId" AS branch_id,
        count(*)::int AS total,
        count(*) FILTER (WHERE m."eligibleForHandbook")::int AS eligible,
        count(*) FILTER (WHERE m."handbookInstalledAt" < ${nextStart}::date)::int AS installed,
        count(*) FILTER (WHERE m.status = 'ACTIVE')::int AS active
      FROM "Member" m
      WHERE m."branchId" IN (SELECT branch_id FROM br)
        AND m."joinedBranchOn" < ${nextStart}::date
        AND (m.status IN ('ACTIVE', 'EXEMPT') OR m."leftBranchOn" >= ${nextStart}::date)
      GROUP BY m."branchId"
    ),
    usage AS (
      SELECT DISTINCT ON (s."branchId") s."branchId" AS branch_id, s."usedInMeetings", s."newsPosts", s.documents
      FROM "UsageSnapshot" s
      WHERE s.period = ${period} AND s."branchId" IN (SELECT branch_id FROM br)
      ORDER BY s."branchId", s.date DESC
    )
    INSERT INTO "HandbookStat" (${STAT_COLUMNS})
    SELECT br.branch_id, ${period}, 'BRANCH'::"OrgLevel", br.parent_id,
      coalesce(mem.total, 0), coalesce(mem.eligible, 0), coalesce(mem.installed, 0), coalesce(mem.active, 0),
      1, (usage.branch_id IS NOT NULL)::int, coalesce(usage."usedInMeetings", false)::int,
      coalesce(usage."newsPosts", 0), coalesce(usage.documents, 0), now()
    FROM br
    LEFT JOIN mem ON mem.branch_id = br.branch_id
    LEFT JOIN usage ON usage.branch_id = br.branch_id
    ON CONFLICT ("orgUnitId", period) DO UPDATE SET ${UPSERT_SET}`;
}

/** Rows of the units above branches: sums of their branches' rows, grouped by the tree seam. */
function unitRowsSql(period: Period, branchIds: number[] | null): Prisma.Sql {
  const targets = branchIds
    ? Prisma.sql`AND unit_id IN (SELECT unit_id FROM pairs WHERE branch_id = ANY(${branchIds}::int[]))`
    : Prisma.empty;
  return Prisma.sql`
    WITH pairs AS MATERIALIZED (${unitBranchPairsSql({ period })})
    INSERT INTO "HandbookStat" (${STAT_COLUMNS})
    SELECT p.unit_id, ${period}, p.unit_level, p.parent_id,
      sum(s."membersTotal")::int, sum(s."membersEligible")::int, sum(s."membersInstalled")::int,
      -- Null as soon as one branch row predates the figure (sum would undercount).
      CASE WHEN bool_and(s."membersActive" IS NOT NULL) THEN sum(s."membersActive")::int END,
      sum(s."branchesTotal")::int, sum(s."branchesReporting")::int, sum(s."branchesUsingInMeetings")::int,
      sum(s."newsPosts")::int, sum(s.documents)::int, now()
    FROM pairs p
    JOIN "HandbookStat" s ON s."orgUnitId" = p.branch_id AND s.period = ${period}
    WHERE p.unit_level <> 'BRANCH' ${targets}
    GROUP BY p.unit_id, p.unit_level, p.parent_id
    ON CONFLICT ("orgUnitId", period) DO UPDATE SET ${UPSERT_SET}`;
}

export type RefreshOptions = {
  periods: Period[];
  /** Only these branches changed (and the units above them); all branches when absent. */
  branchIds?: number[];
  onPeriod?: (period: Period, done: number, total: number) => void;
};

/** Recomputes HandbookStat for the given months. Run it inside the transaction that changed the raw data. */
export async function refreshHandbookStats(run: SqlRunner, options: RefreshOptions): Promise<void> {
  const periods = [...new Set(options.periods)].sort();
  if (!periods.length) return;
  await lockHandbookStats(run);
  const covered = new Set(await listStatPeriods(run));
  const branchIds = options.branchIds ? [...new Set(options.branchIds)] : null;
  if (branchIds && branchIds.length === 0) return;
  for (const [index, period] of periods.entries()) {
    // A month seen for the first time is built whole, whatever changed.
    const partial = branchIds && covered.has(period) ? branchIds : null;
    if (partial) {
      await run.execute(Prisma.sql`
        DELETE FROM "HandbookStat" s
        WHERE s.period = ${period} AND s.level = 'BRANCH' AND s."orgUnitId" = ANY(${partial}::int[])
          AND s."orgUnitId" NOT IN (SELECT branch_id FROM (${unitBranchPairsSql({ period })}) pairs WHERE unit_id = branch_id)`);
    } else {
      await run.execute(Prisma.sql`DELETE FROM "HandbookStat" WHERE period = ${period}`);
    }
    await run.execute(branchRowsSql(period, partial));
    await run.execute(unitRowsSql(period, partial));
    options.onPeriod?.(period, index + 1, periods.length);
  }
}



/**
 * The months to rebuild after raw data changed in `touched` months (all
 * covered months when member data changed): the covered ones plus the new
 * ones, with the gaps between filled so the series has no holes.
 */
export function periodsToRefresh(covered: Period[], touched: Period[], options: { allCovered: boolean }): Period[] {
  const wanted = new Set([...touched, ...(options.allCovered ? covered : [])]);
  if (!wanted.size) return [];
  const all = [...new Set([...covered, ...wanted])].sort();
  const first = all[0];
  const last = all[all.length - 1];
  const span = periodsBetween(first, last);
  const coveredSet = new Set(covered);
  // Months between the first and last that were never built are built now.
  return span.filter((period) => wanted.has(period) || !coveredSet.has(period));
}
