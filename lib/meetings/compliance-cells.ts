import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/read-replicas";
import { branchesByChildSql, branchesUnderSql, type TreeMode } from "@/lib/org/tree-sql";
import { branchCountsInForce } from "@/lib/org/branch-counts";
import { treeRevisionSql } from "@/lib/db/remembered";
import type { Period } from "@/lib/periods/period";
import type { QualityCounts } from "./figures";
import type { QualityThresholds } from "./quality";
import { branchMonthQualitySql, thematicQuarterToDateSql } from "./quality-sql";

export type ComplianceCell = QualityCounts & {
  childId: number;
  period: Period;
  branches: number;
  held: number;
  present: number;
  expected: number;
  usedHandbook: number;
  thematic: number;
  /** Branches with a thematic meeting in the quarter up to this month. */
  thematicQuarterToDate: number;
  /** Earliest meeting date among the branches (meaningful when the child is one branch). */
  heldOn: Date | null;
};

type Unit = { id: number; path: string; level: string };
export type Grouping = "children" | "branches";

/**
 * Meetings of the branches under `unit`, per period and per group: its direct
 * children (each branch counted under the child it belonged to in that
 * period, lib/org/tree-sql.ts), or each branch on its own. A branch unit is
 * its own single group. Reads the counts kept on Meeting, never attendance rows,
 * and judges quality with the checklist in SQL (lib/meetings/quality-sql.ts).
 */
export async function loadComplianceCells(unit: Unit, periods: Period[], thresholds: QualityThresholds, grouping: Grouping = "children", branchIds?: number[], mode: TreeMode = "as-of-period"): Promise<ComplianceCell[]> {
  if (!periods.length) return [];
  const perPeriod = periods.map((period) => {
    const membership =
      unit.level === "BRANCH"
        ? Prisma.sql`SELECT ${unit.id}::int AS child_id, x.branch_id FROM (${branchesUnderSql(unit.path, { period, mode })}) x`
        : grouping === "branches"
          ? Prisma.sql`SELECT x.branch_id AS child_id, x.branch_id FROM (${branchesUnderSql(unit.path, { period, mode })}) x`
          : branchesByChildSql(unit.id, { period, mode });
    return Prisma.sql`SELECT ${period}::text AS period, g.child_id, g.branch_id FROM (${membership}) g`;
  });
  const onlyBranches = branchIds ? Prisma.sql`WHERE u.branch_id = ANY(${branchIds}::int[])` : Prisma.empty;
  const bc = Prisma.sql`bc AS MATERIALIZED (SELECT * FROM (${Prisma.join(perPeriod, " UNION ALL ")}) u ${onlyBranches})`;
  const reader = await readDb(); // dashboards read a replica when there is one
  const rows = await reader.$queryRaw<CellRow[]>`
    WITH ${bc},
    mt AS (${branchMonthQualitySql({ periods, branchesSql: Prisma.sql`SELECT DISTINCT branch_id FROM bc` }, thresholds)})
    SELECT bc.child_id, bc.period,
      count(*)::int AS branches,
      count(mt.branch_id)::int AS held,
      coalesce(sum(mt.present), 0)::int AS present,
      coalesce(sum(mt.expected), 0)::int AS expected,
      (count(*) FILTER (WHERE mt.used_handbook))::int AS used_handbook,
      (count(*) FILTER (WHERE mt.thematic))::int AS thematic,
      min(mt.held_on) AS held_on,
      (count(*) FILTER (WHERE mt.failed))::int AS quality_failed,
      (count(*) FILTER (WHERE mt.no_thematic_in_quarter))::int AS no_thematic_in_quarter,
      (count(*) FILTER (WHERE mt.no_thematic_in_quarter AND NOT mt.failed))::int AS no_thematic_otherwise_met,
      (count(*) FILTER (WHERE mt.fail_duration))::int AS fail_duration,
      (count(*) FILTER (WHERE mt.fail_committee))::int AS fail_committee,
      (count(*) FILTER (WHERE mt.fail_schedule))::int AS fail_schedule,
      (count(*) FILTER (WHERE mt.fail_documents))::int AS fail_documents,
      (count(*) FILTER (WHERE mt.fail_attendance))::int AS fail_attendance,
      (count(*) FILTER (WHERE mt.fail_unexcused))::int AS fail_unexcused,
      (count(*) FILTER (WHERE mt.fail_minutes))::int AS fail_minutes,
      (count(*) FILTER (WHERE ${thematicQuarterToDateSql("bc.branch_id", "bc.period")}))::int AS thematic_quarter_to_date
    FROM bc LEFT JOIN mt ON mt.branch_id = bc.branch_id AND mt.period = bc.period
    GROUP BY bc.child_id, bc.period`;
  return rows.map(toCell);
}

type CellRow = {
  child_id: number;
  period: string;
  branches: number;
  held: number;
  present: number;
  expected: number;
  used_handbook: number;
  thematic: number;
  held_on: Date | null;
  quality_failed: number;
  no_thematic_in_quarter: number;
  no_thematic_otherwise_met: number;
  fail_duration: number;
  fail_committee: number;
  fail_schedule: number;
  fail_documents: number;
  fail_attendance: number;
  fail_unexcused: number;
  fail_minutes: number;
  thematic_quarter_to_date: number;
};

function toCell(row: CellRow): ComplianceCell {
  return {
    childId: row.child_id,
    period: row.period,
    branches: row.branches,
    held: row.held,
    present: row.present,
    expected: row.expected,
    usedHandbook: row.used_handbook,
    thematic: row.thematic,
    thematicQuarterToDate: row.thematic_quarter_to_date,
    heldOn: row.held_on,
    qualityFailed: row.quality_failed,
    noThematicInQuarter: row.no_thematic_in_quarter,
    noThematicOtherwiseMet: row.no_thematic_otherwise_met,
    failures: {
      DURATION: row.fail_duration,
      COMMITTEE_PREPARED: row.fail_committee,
      SCHEDULE_AHEAD: row.fail_schedule,
      DOCUMENTS_AHEAD: row.fail_documents,
      ATTENDANCE: row.fail_attendance,
      NO_UNEXCUSED: row.fail_unexcused,
      MINUTES: row.fail_minutes,
    },
  };
}

/**
 * The same cells for the children of `unit` (or the branch itself), read from
 * the roll-up kept on write (MeetingStat) for the months it holds the unit;
 * other months (never built, or a unit added since) are computed live.
 */
export async function loadStatCells(unit: Unit, periods: Period[], thresholds: QualityThresholds): Promise<ComplianceCell[]> {
  if (!periods.length) return [];
  const reader = await readDb();
  const own = await reader.$queryRaw<{ period: string; branches: number; tree_revision: string | null }[]>`
    SELECT period, branches, ${treeRevisionSql} AS tree_revision FROM "MeetingStat" WHERE "orgUnitId" = ${unit.id} AND period = ANY(${periods}::text[])`;
  // A stored month counts only while it holds every branch the tree had then (a unit added
  // without a meeting write since is not in it yet): otherwise that month is computed live.
  const inForce =
    unit.level === "BRANCH" || !own.length
      ? new Map<string, number>()
      : await branchCountsInForce(reader, unit.path, own.map((row) => row.period), own[0].tree_revision);
  const covered = new Set(own.filter((row) => unit.level === "BRANCH" || (inForce.get(row.period) ?? 0) === row.branches).map((row) => row.period));
  const live = periods.filter((period) => !covered.has(period));
  const filter = unit.level === "BRANCH" ? Prisma.sql`s."orgUnitId" = ${unit.id}` : Prisma.sql`s."parentId" = ${unit.id}`;
  const [stored, computed] = await Promise.all([
    covered.size
      ? reader.$queryRaw<CellRow[]>`
          SELECT ${unit.level === "BRANCH" ? Prisma.sql`${unit.id}::int` : Prisma.sql`s."orgUnitId"`} AS child_id, s.period, s.branches, s.held,
            s."presentCount" AS present, s."expectedCount" AS expected, s."usedHandbook" AS used_handbook, s.thematic, s."heldOn" AS held_on,
            s."qualityFailed" AS quality_failed, s."noThematicInQuarter" AS no_thematic_in_quarter, s."noThematicOtherwiseMet" AS no_thematic_otherwise_met,
            s."failDuration" AS fail_duration, s."failCommittee" AS fail_committee, s."failSchedule" AS fail_schedule, s."failDocuments" AS fail_documents,
            s."failAttendance" AS fail_attendance, s."failUnexcused" AS fail_unexcused, s."failMinutes" AS fail_minutes,
            s."thematicQuarterToDate" AS thematic_quarter_to_date
          FROM "MeetingStat" s WHERE s.period = ANY(${[...covered]}::text[]) AND ${filter}`
      : Promise.resolve([]),
    live.length ? loadComplianceCells(unit, live, thresholds) : Promise.resolve([]),
  ]);
  return [...stored.map(toCell), ...computed];
}

/**
 * One page of the branches under `unit`, the ones with the most months without a
 * meeting after the deadline (`latePeriods`) first, then by name.
 */
export async function rankBranchesByMissingMonths(unit: Unit, periods: Period[], latePeriods: Period[], options: { page: number; pageSize: number; onlyMissing?: boolean }) {
  const perPeriod = periods.map((period) => Prisma.sql`SELECT ${period}::text AS period, x.branch_id FROM (${branchesUnderSql(unit.path, { period })}) x`);
  const rows = await (await readDb()).$queryRaw<{ branch_id: number; missing: number; total: number }[]>`
    WITH bc AS (${Prisma.join(perPeriod, " UNION ALL ")}),
    held AS (
      SELECT DISTINCT m.period, m."branchId" FROM "Meeting" m
      WHERE m.period >= ${periods[0]} AND m.period <= ${periods[periods.length - 1]} AND m."branchId" IN (SELECT branch_id FROM bc)
    ),
    ranked AS (
      SELECT bc.branch_id, (count(*) FILTER (WHERE held."branchId" IS NULL AND bc.period = ANY(${latePeriods}::text[])))::int AS missing
      FROM bc LEFT JOIN held ON held."branchId" = bc.branch_id AND held.period = bc.period
      GROUP BY bc.branch_id
    )
    SELECT r.branch_id, r.missing, (count(*) OVER ())::int AS total
    FROM ranked r JOIN "OrgUnit" b ON b.id = r.branch_id
    WHERE ${options.onlyMissing ? Prisma.sql`r.missing > 0` : Prisma.sql`true`}
    ORDER BY r.missing DESC, b.name COLLATE vi_natural, b.code
    LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`;
  return { branchIds: rows.map((row) => row.branch_id), total: rows[0]?.total ?? 0 };
}
