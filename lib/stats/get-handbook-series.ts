import "server-only";
import { readDb } from "@/lib/db/read-replicas";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { addMonths } from "@/lib/periods/period";
import { figuresOf, type HandbookFigures, type UnitRef } from "./handbook-figures";
import { HandbookSeriesQuerySchema } from "./schemas";
import { findUnitInScope } from "@/lib/org/org-units";
import { listUnitStatPeriods } from "./find-stats-unit";

const DEFAULT_SERIES_MONTHS = 24;

export type HandbookSeries = { orgUnit: UnitRef; from: string; to: string; items: ({ period: string } & HandbookFigures)[] };

/** Month-by-month figures of one unit, oldest first: by default the 24 months up to the latest. */
export async function getHandbookSeries(actor: Actor, rawQuery: unknown = {}): Promise<HandbookSeries> {
  const query = parseInput(HandbookSeriesQuerySchema, rawQuery, "Tham số truy vấn không hợp lệ.");
  const unit = await findUnitInScope(actor, query.orgUnitId, "stats.read");
  const latest = (await listUnitStatPeriods(unit.id))[0];
  const to = query.to ?? latest ?? "0000-01";
  const from = query.from ?? addMonths(to, -(DEFAULT_SERIES_MONTHS - 1));
  const rows = await (await readDb()).handbookStat.findMany({ where: { orgUnitId: unit.id, period: { gte: from, lte: to } }, orderBy: { period: "asc" } });
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId },
    from,
    to,
    items: rows.map((row) => ({ period: row.period, ...figuresOf(row) })),
  };
}
