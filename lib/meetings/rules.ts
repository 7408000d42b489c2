// The meeting rules as plain functions (no database), shared by server code,
// forms and unit tests. Dates are ISO "YYYY-MM-DD" strings of the Hà Nội calendar.
import { addDays, isoDate } from "@/lib/format/date";
import { addMonths, dayOfNextMonth, periodBounds, type Period } from "@/lib/periods/period";
import type { MeetingState } from "./labels";


/** The last day a branch may record the period's meeting before it counts as missing. */
export function meetingDeadline(period: Period, deadlineDay: number): string {
  return isoDate(dayOfNextMonth(period, deadlineDay));
}

/** Held when there is a record; missing once the deadline day has passed; pending before. */
export function meetingState(period: Period, held: boolean, deadlineDay: number, today: string): MeetingState {
  if (held) return "HELD";
  return today > meetingDeadline(period, deadlineDay) ? "MISSING" : "PENDING";
}

export function periodEnd(period: Period): string {
  return isoDate(periodBounds(period).end);
}

export function isDateInPeriod(date: string, period: Period): boolean {
  return date.slice(0, 7) === period;
}

export type EditingWindow =
  | { state: "OPEN"; until: string }
  | { state: "REOPENED"; until: string }
  | { state: "LOCKED"; since: string }
  | { state: "FUTURE" };

/**
 * A period can be recorded from its first day until `editDays` days after its
 * last day; after that only while a board reopening lasts.
 */
export function editingWindow(options: { period: Period; editDays: number; reopenedUntil?: string | null; today: string }): EditingWindow {
  const { period, editDays, reopenedUntil, today } = options;
  if (period > today.slice(0, 7)) return { state: "FUTURE" };
  const until = addDays(periodEnd(period), editDays);
  if (today <= until) return { state: "OPEN", until };
  if (reopenedUntil && today <= reopenedUntil) return { state: "REOPENED", until: reopenedUntil };
  return { state: "LOCKED", since: addDays(until, 1) };
}

export function isEditable(window: EditingWindow): boolean {
  return window.state === "OPEN" || window.state === "REOPENED";
}

type Membership = { status: string; joinedBranchOn: Date | string; leftBranchOn: Date | string | null };

function asIso(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : isoDate(value);
}

/** A member belonged to the branch on `date` when they had joined and not yet left. */
export function belongedOn(member: Membership, date: string): boolean {
  return asIso(member.joinedBranchOn) <= date && (member.leftBranchOn === null || asIso(member.leftBranchOn) > date);
}

/** Expected at a meeting: belonged on the day and not excused from meetings (EXEMPT). */
export function expectedOn(member: Membership, date: string): boolean {
  return member.status !== "EXEMPT" && belongedOn(member, date);
}

/** Months a compliance page shows: the period and the 11 before it. */
const WINDOW_MONTHS = 12;

/** Periods of the `months` (12 unless said) ending with `period` (oldest first). */
export function lastMonths(period: Period, months = WINDOW_MONTHS): Period[] {
  return Array.from({ length: months }, (_, i) => addMonths(period, i - months + 1));
}
