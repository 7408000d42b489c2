import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { readDb } from "@/lib/db/read-replicas";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { NotFoundError } from "@/lib/errors";
import { figuresOf, type HandbookFigures, type StatRow, type UnitRef } from "./handbook-figures";
import { HandbookQuerySchema } from "./schemas";
import { findUnitInScope } from "@/lib/org/org-units";
import { listUnitStatPeriods, pickPeriod } from "./find-stats-unit";
import { branchesByChildSql, branchesUnderSql } from "@/lib/org/tree-sql";
import { listStatPeriods } from "./refresh-handbook-stats";
import { prismaRunner } from "./sql-runner";
import { now as clockNow } from "@/lib/clock";

export type HandbookOverview = {
  orgUnit: UnitRef;
  period: string;
  /** as-of: grouped under the tree of that month (stored roll-ups); current: that month's branch rows summed under today's tree. */
  tree: "as-of" | "current";
  /** Months with figures for this unit, newest first. */
  periods: string[];
  computedAt: string;
  children: ({ orgUnit: UnitRef; period: string } & HandbookFigures)[];
} & HandbookFigures;

const FIGURE_COLUMNS = Prisma.raw(
  `s."membersTotal", s."membersEligible", s."membersInstalled", s."branchesTotal", s."branchesReporting", s."branchesUsingInMeetings", s."newsPosts", s.documents`,
);

/**
 * Handbook adoption and usage of one unit for one month (the latest by
 * default), with the same figures for each child unit of that month. Reads
 * the roll-ups (HandbookStat), so the city costs what a ward costs.
 */
export async function getHandbookOverview(actor: Actor, rawQuery: unknown = {}): Promise<HandbookOverview> {
  const query = parseInput(HandbookQuerySchema, rawQuery, "Tham số truy vấn không hợp lệ.");
  const unit = await findUnitInScope(actor, query.orgUnitId, "stats.read");
  if (query.tree === "current") return getCurrentTreeOverview(unit, query.period);
  const periods = await listUnitStatPeriods(unit.id);
  const period = pickPeriod(unit.name, periods, query.period);
  // One statement, so the unit and its children come from the same snapshot of the roll-ups.
  const rows = await (await readDb()).$queryRaw<(StatRow & { id: number; code: string; name: string; level: UnitRef["level"]; parentId: number | null; computedAt: Date; own: boolean })[]>`
    SELECT o.id, o.code, o.name, o.level, s."parentId", s."computedAt", s."orgUnitId" = ${unit.id} AS own, ${FIGURE_COLUMNS}
    FROM "HandbookStat" s JOIN "OrgUnit" o ON o.id = s."orgUnitId"
    WHERE s.period = ${period} AND (s."orgUnitId" = ${unit.id} OR s."parentId" = ${unit.id})
    ORDER BY s."orgUnitId" = ${unit.id} DESC, o.name COLLATE vi_natural, o.code`;
  const [own, ...children] = rows;
  if (!own?.own) throw new NotFoundError(`Chưa có số liệu Sổ tay của ${unit.name}.`);
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId },
    period,
    tree: "as-of",
    periods,
    computedAt: new Date(own.computedAt).toISOString(),
    ...figuresOf(own),
    children: children.map((child) => ({
      orgUnit: { id: child.id, code: child.code, name: child.name, level: child.level, parentId: child.parentId },
      period,
      ...figuresOf(child),
    })),
  };
}

const SUMS = Prisma.raw(
  `sum(s."membersTotal")::int AS "membersTotal", sum(s."membersEligible")::int AS "membersEligible", sum(s."membersInstalled")::int AS "membersInstalled",
   sum(s."branchesTotal")::int AS "branchesTotal", sum(s."branchesReporting")::int AS "branchesReporting", sum(s."branchesUsingInMeetings")::int AS "branchesUsingInMeetings",
   sum(s."newsPosts")::int AS "newsPosts", sum(s.documents)::int AS documents, max(s."computedAt") AS "computedAt"`,
);

/**
 * A month rolled up under today's tree (restructuring, `tree=current`): the month's branch rows,
 * which never change owner, summed by the unit's current children. The totals equal the as-of
 * roll-ups of the same branches.
 */
async function getCurrentTreeOverview(unit: { id: number; code: string; name: string; level: UnitRef["level"]; parentId: number | null; path: string }, requested?: string): Promise<HandbookOverview> {
  const periods = (await db().$transaction(async (tx) => listStatPeriods(prismaRunner(tx)))).reverse();
  const period = pickPeriod(unit.name, periods, requested);
  type Row = StatRow & { computedAt: Date | null };
  const [own] = await db().$queryRaw<Row[]>`
    SELECT ${SUMS} FROM (${branchesUnderSql(unit.path, { mode: "current" })}) bu
    JOIN "HandbookStat" s ON s."orgUnitId" = bu.branch_id AND s.period = ${period} AND s.level = 'BRANCH'`;
  const children = unit.level === "BRANCH"
    ? []
    : await db().$queryRaw<(Row & { id: number; code: string; name: string; level: UnitRef["level"]; parentId: number | null })[]>`
        SELECT o.id, o.code, o.name, o.level, o."parentId", ${SUMS}
        FROM (${branchesByChildSql(unit.id, { mode: "current" })}) bc
        JOIN "HandbookStat" s ON s."orgUnitId" = bc.branch_id AND s.period = ${period} AND s.level = 'BRANCH'
        JOIN "OrgUnit" o ON o.id = bc.child_id
        GROUP BY o.id, o.code, o.name, o.level, o."parentId"
        ORDER BY o.name COLLATE vi_natural, o.code`;
  const zero: StatRow = { membersTotal: 0, membersEligible: 0, membersInstalled: 0, branchesTotal: 0, branchesReporting: 0, branchesUsingInMeetings: 0, newsPosts: 0, documents: 0 };
  const ownRow = own?.computedAt ? own : { ...zero, computedAt: clockNow() };
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId },
    period,
    tree: "current",
    periods,
    computedAt: new Date(ownRow.computedAt ?? clockNow()).toISOString(),
    ...figuresOf(ownRow),
    children: children.map((child) => ({ orgUnit: { id: child.id, code: child.code, name: child.name, level: child.level, parentId: child.parentId }, period, ...figuresOf(child) })),
  };
}
