// Monthly periods "YYYY-MM": the unit of drafts, meetings and usage figures.
// Shared by server and client code (no server-only imports).
import { z } from "zod";
import { periodOf } from "@/lib/format/date";
import { now as clockNow } from "@/lib/clock";

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const PeriodSchema = z.string({ message: "Kỳ phải có dạng YYYY-MM." }).regex(PERIOD_PATTERN, "Kỳ phải có dạng YYYY-MM, ví dụ 2026-11.");

export type Period = string;

export function isPeriod(value: unknown): value is Period {
  return typeof value === "string" && PERIOD_PATTERN.test(value);
}

/** The period "now" falls in, in Hà Nội time. */
export function currentPeriod(now = clockNow()): Period {
  return periodOf(now);
}

/**
 * The month a view opens on when the address names none: `current` (this month by default)
 * when it has records, else the latest earlier month that has — on the 1st of a month, or in
 * a demo seeded weeks ago, this month is still empty. `latestWithRecords` is the newest month
 * with records not after `current` (null: none).
 */
export function openingPeriod(latestWithRecords: Period | null, current: Period = currentPeriod()): Period {
  return latestWithRecords && latestWithRecords < current ? latestWithRecords : current;
}

export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split("-").map(Number);
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function previousPeriod(period: Period): Period {
  return addMonths(period, -1);
}

/** Inclusive list of periods from `from` to `to`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const periods: Period[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) periods.push(p);
  return periods;
}

/** First and last day (UTC dates) of a period. */
export function periodBounds(period: Period): { start: Date; end: Date } {
  const [year, month] = period.split("-").map(Number);
  return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 0)) };
}

/** A day of the month after the period (deadlines such as "the 5th of next month"). */
export function dayOfNextMonth(period: Period, day: number): Date {
  const [year, month] = addMonths(period, 1).split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1, Math.min(day, last)));
}

export function quarterOf(period: Period): string {
  const [year, month] = period.split("-").map(Number);
  return `${year}-Q${Math.ceil(month / 3)}`;
}
