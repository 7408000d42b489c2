import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/read-replicas";
import { branchesByChildSql, branchesUnderSql, type TreeMode } from "@/lib/org/tree-sql";
import type { Period } from "@/lib/periods/period";

export type ComplianceCell = {
  childId: number;
  period: Period;
  branches: number;
  held: number;
  present: number;
  expected: number;
  usedHandbook: number;
  thematic: number;
  /** Earliest meeting date among the branches (meaningful when the child is one branch). */
  heldOn: Date | null;
};

type Unit = { id: number; path: string; level: string };
export type Grouping = "children" | "branches";

/**
 * Meetings of the branches under `unit`, per period and per group: its direct
 * children (each branch counted under the child it belonged to in that
 * period, lib/org/tree-sql.ts), or each branch on its own. A branch unit is
 * its own single group. Reads the counts kept on Meeting, never attendance rows.
 */
export async function loadComplianceCells(unit: Unit, periods: Period[], grouping: Grouping = "children", branchIds?: number[], mode: TreeMode = "as-of-period"): Promise<ComplianceCell[]> {
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
  const from = periods[0];
  const to = periods[periods.length - 1];
  const onlyBranches = branchIds ? Prisma.sql`WHERE u.branch_id = ANY(${branchIds}::int[])` : Prisma.empty;
  type Row = { child_id: number; period: string; branches: number; held: number; present: number; expected: number; used_handbook: number; thematic: number; held_on: Date | null };
  const bc = Prisma.sql`bc AS (SELECT * FROM (${Prisma.join(perPeriod, " UNION ALL ")}) u ${onlyBranches})`;
  // The city sees nearly every meeting: joining first and counting distinct branches is cheapest there.
  // Below, the node's branches are a small share: aggregate only their meetings, then join.
  const reader = await readDb(); // dashboards read a replica when there is one
  const rows =
    unit.level === "CITY"
      ? await reader.$queryRaw<Row[]>`
    WITH ${bc}
    SELECT bc.child_id, bc.period,
      count(DISTINCT bc.branch_id)::int AS branches,
      count(DISTINCT m."branchId")::int AS held,
      coalesce(sum(m."presentCount"), 0)::int AS present,
      coalesce(sum(m."expectedCount"), 0)::int AS expected,
      (count(DISTINCT m."branchId") FILTER (WHERE m."usedHandbook"))::int AS used_handbook,
      (count(DISTINCT m."branchId") FILTER (WHERE m.kind = 'THEMATIC'))::int AS thematic,
      min(m."heldOn") AS held_on
    FROM bc LEFT JOIN "Meeting" m ON m."branchId" = bc.branch_id AND m.period = bc.period AND m.period >= ${from} AND m.period <= ${to}
    GROUP BY bc.child_id, bc.period`
      : await reader.$queryRaw<Row[]>`
    WITH ${bc},
    mt AS (
      SELECT m.period, m."branchId",
        sum(m."presentCount") AS present, sum(m."expectedCount") AS expected,
        bool_or(m."usedHandbook") AS used_handbook, bool_or(m.kind = 'THEMATIC') AS thematic, min(m."heldOn") AS held_on
      FROM "Meeting" m
      WHERE m.period >= ${from} AND m.period <= ${to} AND m."branchId" IN (SELECT branch_id FROM bc)
      GROUP BY m.period, m."branchId"
    )
    SELECT bc.child_id, bc.period,
      count(*)::int AS branches,
      count(mt."branchId")::int AS held,
      coalesce(sum(mt.present), 0)::int AS present,
      coalesce(sum(mt.expected), 0)::int AS expected,
      (count(*) FILTER (WHERE mt.used_handbook))::int AS used_handbook,
      (count(*) FILTER (WHERE mt.thematic))::int AS thematic,
      min(mt.held_on) AS held_on
    FROM bc LEFT JOIN mt ON mt."branchId" = bc.branch_id AND mt.period = bc.period
    GROUP BY bc.child_id, bc.period`;
  return rows.map((row) => ({
    childId: row.child_id,
    period: row.period,
    branches: row.branches,
    held: row.held,
    present: row.present,
    expected: row.expected,
    usedHandbook: row.used_handbook,
    thematic: row.thematic,
    heldOn: row.held_on,
  }));
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
