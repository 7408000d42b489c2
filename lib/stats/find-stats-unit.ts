import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { formatPeriod } from "@/lib/format/date";
import { currentPeriod, openingPeriod, type Period } from "@/lib/periods/period";

/** Months with figures for the unit, newest first. */
export async function listUnitStatPeriods(unitId: number): Promise<Period[]> {
  const rows = await readStatPeriods(unitId);
  return rows.map((row) => row.period);
}

// The dashboard's overview, series and lagging cards each ask; once per server render (React cache).
const readStatPeriods = cache((unitId: number) => db().handbookStat.findMany({ where: { orgUnitId: unitId }, select: { period: true }, orderBy: { period: "desc" } }));

/** The requested month if it has figures; when none was asked for, this month or the latest earlier one with figures. */
export function pickPeriod(unitName: string, periods: Period[], requested?: Period): Period {
  if (requested) {
    if (!periods.includes(requested)) throw new NotFoundError(`Chưa có số liệu Sổ tay của ${unitName} cho ${formatPeriod(requested).toLowerCase()}.`);
    return requested;
  }
  if (!periods.length) throw new NotFoundError(`Chưa có số liệu Sổ tay của ${unitName}.`);
  const current = currentPeriod();
  const opening = openingPeriod(periods.find((period) => period <= current) ?? null, current);
  return periods.includes(opening) ? opening : periods[0];
}
