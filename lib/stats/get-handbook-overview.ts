import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/read-replicas";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { NotFoundError } from "@/lib/errors";
import { figuresOf, type HandbookFigures, type StatRow, type UnitRef } from "./handbook-figures";
import { HandbookQuerySchema } from "./schemas";
import { findStatsUnit, listUnitStatPeriods, pickPeriod } from "./find-stats-unit";

export type HandbookOverview = {
  orgUnit: UnitRef;
  period: string;
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
  const unit = await findStatsUnit(actor, query.orgUnitId);
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
