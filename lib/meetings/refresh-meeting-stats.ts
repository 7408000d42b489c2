import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addMonths, periodsBetween, quarterOf, type Period } from "@/lib/periods/period";
import { lastMonths } from "./rules";
import { branchesUnderSql, unitBranchPairsSql } from "@/lib/org/tree-sql";
import { rollupKeptOnWrite, type SqlRunner } from "@/lib/stats/sql-runner";
import type { QualityThresholds } from "./quality";
import { branchMonthQualitySql, thematicQuarterToDateSql } from "./quality-sql";

// MeetingStat is derived data: one row per org unit and month, computed from
// Meeting, MeetingSchedule and MeetingDocument. Every write that changes what
// a roll-up counts (recording, closing, reopening, importing, announcing, a
// restructuring, the seed) calls refreshMeetingStats in its own transaction,
// so readers see the old data with the old roll-ups or the new with the new.
// Refreshes take one advisory lock: two writers never interleave their sums.

const rollup = rollupKeptOnWrite("MeetingStat", 5_052_027);
export const lockMeetingStats = rollup.lock;
export const listMeetingStatPeriods = rollup.periods;

const SUMMED = [
  "branches",
  "held",
  "presentCount",
  "expectedCount",
  "usedHandbook",
  "thematic",
  "qualityFailed",
  "noThematicInQuarter",
  "noThematicOtherwiseMet",
  "failDuration",
  "failCommittee",
  "failSchedule",
  "failDocuments",
  "failAttendance",
  "failUnexcused",
  "failMinutes",
  "thematicQuarterToDate",
];
// Key columns, then the summed ones, then the earliest meeting day: every INSERT below lists its values in this order.
const COLUMNS = Prisma.raw(`"orgUnitId", period, level, "parentId", ${SUMMED.map((column) => `"${column}"`).join(", ")}, "heldOn", "computedAt"`);
const SUMS = Prisma.raw(SUMMED.map((column) => `sum(s."${column}")::int`).join(", ") + `, min(s."heldOn")`);
const UPSERT_SET = Prisma.raw(
  ["level", '"parentId"', ...SUMMED.map((column) => `"${column}"`), '"heldOn"', '"computedAt"'].map((column) => `${column} = EXCLUDED.${column}`).join(", "),
);

/** Branch rows of one period, from their meetings: every branch in force then (only `branchIds` when given). */
function branchRowsSql(period: Period, branchIds: number[] | null, thresholds: QualityThresholds): Prisma.Sql {
  const only = branchIds ? Prisma.sql`AND branch_id = ANY(${branchIds}::int[])` : Prisma.empty;
  const held = Prisma.sql`(q.branch_id IS NOT NULL)`;
  const flag = (column: string) => Prisma.raw(`coalesce(q.${column}, false)::int`);
  return Prisma.sql`
    WITH br AS (
      SELECT branch_id, parent_id FROM (${unitBranchPairsSql({ period, ...(branchIds ? { branchIds } : {}) })}) pairs WHERE unit_id = branch_id ${only}
    ),
    q AS (${branchMonthQualitySql({ periods: [period], branchIds }, thresholds)})
    INSERT INTO "MeetingStat" (${COLUMNS})
    SELECT br.branch_id, ${period}, 'BRANCH'::"OrgLevel", br.parent_id, 1, ${held}::int,
      coalesce(q.present, 0), coalesce(q.expected, 0), ${flag("used_handbook")}, ${flag("thematic")},
      ${flag("failed")}, ${flag("no_thematic_in_quarter")}, (coalesce(q.no_thematic_in_quarter, false) AND NOT coalesce(q.failed, false))::int,
      ${flag("fail_duration")}, ${flag("fail_committee")}, ${flag("fail_schedule")}, ${flag("fail_documents")},
      ${flag("fail_attendance")}, ${flag("fail_unexcused")}, ${flag("fail_minutes")}, ${thematicQuarterToDateSql("br.branch_id", Prisma.sql`${period}::text`)}::int,
      q.held_on, now()
    FROM br LEFT JOIN q ON q.branch_id = br.branch_id
    ON CONFLICT ("orgUnitId", period) DO UPDATE SET ${UPSERT_SET}`;
}

/** Rows of every unit above branches: sums of their branches' rows, grouped by the tree seam. */
function allUnitRowsSql(period: Period): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "MeetingStat" (${COLUMNS})
    SELECT p.unit_id, ${period}, p.unit_level, p.parent_id, ${SUMS}, now()
    FROM (${unitBranchPairsSql({ period })}) p
    JOIN "MeetingStat" s ON s."orgUnitId" = p.branch_id AND s.period = ${period}
    WHERE p.unit_level <> 'BRANCH'
    GROUP BY p.unit_id, p.unit_level, p.parent_id
    ON CONFLICT ("orgUnitId", period) DO UPDATE SET ${UPSERT_SET}`;
}

/** One unit's row: the sum of its children's rows (which are up to date). */
function unitRowSql(period: Period, unit: { unit_id: number; parent_id: number | null; unit_level: string }): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "MeetingStat" (${COLUMNS})
    SELECT ${unit.unit_id}::int, ${period}, ${unit.unit_level}::"OrgLevel", ${unit.parent_id}::int, ${SUMS}, now()
    FROM "MeetingStat" s WHERE s.period = ${period} AND s."parentId" = ${unit.unit_id}::int
    ON CONFLICT ("orgUnitId", period) DO UPDATE SET ${UPSERT_SET}`;
}

export type MeetingStatsRefresh = {
  periods: Period[];
  /** Only these branches changed (and the units above them); all branches when absent. */
  branchIds?: number[];
  thresholds: QualityThresholds;
  onPeriod?: (period: Period, done: number, total: number) => void;
};

/** Recomputes MeetingStat for the given months. Run it inside the transaction that changed the meetings. */
export async function refreshMeetingStats(run: SqlRunner, options: MeetingStatsRefresh): Promise<void> {
  const periods = [...new Set(options.periods)].sort();
  const branchIds = options.branchIds ? [...new Set(options.branchIds)] : null;
  if (!periods.length || (branchIds && !branchIds.length)) return;
  await lockMeetingStats(run);
  const covered = new Set(await listMeetingStatPeriods(run));
  for (const [index, period] of periods.entries()) {
    if (branchIds && covered.has(period)) await refreshBranches(run, period, branchIds, options.thresholds);
    else {
      // A month seen for the first time, or a full rebuild: built whole.
      await run.execute(Prisma.sql`DELETE FROM "MeetingStat" WHERE period = ${period}`);
      await run.execute(branchRowsSql(period, null, options.thresholds));
      await run.execute(allUnitRowsSql(period));
    }
    options.onPeriod?.(period, index + 1, periods.length);
  }
}

async function refreshBranches(run: SqlRunner, period: Period, branchIds: number[], thresholds: QualityThresholds) {
  // Branches in force that have no row yet (added since the month was built) join the changed ones.
  // Branches without a row yet are looked for beside the changed ones (their wards), not in the whole
  // city: a writer's transaction stays short. Others get theirs at their own next write or a rebuild.
  const wards = await run.rows<{ path: string }>(Prisma.sql`
    SELECT DISTINCT w.path FROM "OrgUnit" b JOIN "OrgUnit" w ON w.id = b."parentId" WHERE b.id = ANY(${branchIds}::int[])`);
  const missing = wards.length
    ? await run.rows<{ branch_id: number }>(Prisma.sql`
        SELECT x.branch_id FROM (${Prisma.join(wards.map((ward) => Prisma.sql`SELECT branch_id FROM (${branchesUnderSql(ward.path, { period })}) u`), " UNION ")}) x
        WHERE NOT EXISTS (SELECT 1 FROM "MeetingStat" s WHERE s."orgUnitId" = x.branch_id AND s.period = ${period})`)
    : [];
  const targets = [...new Set([...branchIds, ...missing.map((row) => row.branch_id)])];
  await run.execute(branchRowsSql(period, targets, thresholds));
  // The units above them, the lowest first, each the sum of its children.
  const units = await run.rows<{ unit_id: number; parent_id: number | null; unit_level: string }>(Prisma.sql`
    SELECT DISTINCT p.unit_id, p.parent_id, p.unit_level::text AS unit_level, p.unit_level AS level_order
    FROM (${unitBranchPairsSql({ period, branchIds: targets })}) p
    WHERE p.branch_id = ANY(${targets}::int[]) AND p.unit_level <> 'BRANCH'
    ORDER BY level_order DESC, p.unit_id`);
  for (const unit of units) await run.execute(unitRowSql(period, unit));
}



/**
 * The months a full build rolls up: from a window before the first month with meetings (those
 * months hold no meeting, but a page whose window reaches back into them reads them from the
 * roll-up instead of matching every branch of the tree live) up to `latest`.
 */
export function monthsToRollUp(firstMeetingPeriod: Period, latest: Period): Period[] {
  return periodsBetween(lastMonths(firstMeetingPeriod)[0], latest);
}

/**
 * The months a change to meetings of `period` reaches: the month itself and
 * the other months of its quarter (a thematic meeting counts for the whole quarter).
 */
export function periodsReachedBy(periods: Period[]): Period[] {
  const out = new Set<Period>();
  for (const period of periods) {
    for (const offset of [-2, -1, 0, 1, 2]) {
      const candidate = addMonths(period, offset);
      if (quarterOf(candidate) === quarterOf(period)) out.add(candidate);
    }
  }
  return [...out].sort();
}
