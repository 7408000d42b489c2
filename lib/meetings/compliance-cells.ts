import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { branchesByChildSql, branchesUnderSql } from "@/lib/org/tree-sql";
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
export async function loadComplianceCells(unit: Unit, periods: Period[], grouping: Grouping = "children", branchIds?: number[]): Promise<ComplianceCell[]> {
  if (!periods.length) return [];
  const perPeriod = periods.map((period) => {
    const membership =
      unit.level === "BRANCH"
        ? Prisma.sql`SELECT ${unit.id}::int AS child_id, x.branch_id FROM (${branchesUnderSql(unit.path, { period })}) x`
        : grouping === "branches"
          ? Prisma.sql`SELECT x.branch_id AS child_id, x.branch_id FROM (${branchesUnderSql(unit.path, { period })}) x`
          : branchesByChildSql(unit.id, { period });
    return Prisma.sql`SELECT ${period}::text AS period, g.child_id, g.branch_id FROM (${membership}) g`;
  });
  const from = periods[0];
  const to = periods[periods.length - 1];
  const onlyBranches = branchIds ? Prisma.sql`AND bc.branch_id = ANY(${branchIds}::int[])` : Prisma.empty;
  const rows = await db().$queryRaw<
    { child_id: number; period: string; branches: number; held: number; present: number; expected: number; used_handbook: number; thematic: number; held_on: Date | null }[]
  >`
    WITH bc AS (${Prisma.join(perPeriod, " UNION ALL ")}),
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
    WHERE true ${onlyBranches}
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
