// When a period's draft is due and how a submission counts: on time, late,
// missing, or not due yet. Shared by server and client code.
import { addMonths, currentPeriod, type Period } from "@/lib/periods/period";
import { addDays, dayOfMonthIn, hanoiInstant, todayIso } from "@/lib/format/date";
import { now as clockNow } from "@/lib/clock";
import type { Timeliness } from "./labels";

/** End of day `day` of the month before `period`, Hà Nội time, as an instant. */
export function submissionDeadline(period: Period, day: number): Date {
  const previous = addMonths(period, -1);
  const [year, month] = previous.split("-").map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return hanoiInstant(`${previous}-${String(Math.min(day, last)).padStart(2, "0")}`, 23, 59, 59, 999);
}

export function timelinessOf(firstSubmittedAt: Date | string | null, deadline: Date, now = clockNow()): Timeliness {
  if (firstSubmittedAt) return new Date(firstSubmittedAt) <= deadline ? "ON_TIME" : "LATE";
  return now > deadline ? "MISSING" : "NOT_DUE";
}

/**
 * The period the board is reviewing now: next month's drafts from ten days
 * before this month's deadline day on, this month's before that.
 */
export function reviewPeriodAt(now: Date, deadlineDay: number): Period {
  const period = currentPeriod(now);
  return dayOfMonthIn(now) >= Math.max(1, deadlineDay - 10) ? addMonths(period, 1) : period;
}

/** Periods a secretary may submit for: from last month to two months ahead. */
export function submittablePeriods(now = clockNow()): Period[] {
  const period = currentPeriod(now);
  return [addMonths(period, -1), period, addMonths(period, 1), addMonths(period, 2)];
}

/** End of the `days`-th day after `requestedAt`, Hà Nội time: when a branch sent back must have sent its draft again. */
export function resubmitDueAt(requestedAt: Date, days: number): Date {
  return hanoiInstant(addDays(todayIso(requestedAt), days), 23, 59, 59, 999);
}

export type ResubmissionState = "DUE" | "OVERDUE" | "ON_TIME" | "LATE";
export type Resubmission = { dueAt: Date; state: ResubmissionState };

/**
 * The resubmission after a request for changes, counted like the first
 * submission: still to come (due, overdue) while the draft waits for the
 * branch, then on time or late by its latest version — as long as the
 * request is the latest decision (`lastDecision`; a version sent after an
 * approval is no resubmission).
 */
export function resubmissionOf(draft: { status: string; lastDecision: string | null; reviewedAt: Date | string | null; lastSubmittedAt: Date | string | null }, days: number, now: Date): Resubmission | null {
  if (!draft.reviewedAt || draft.lastDecision !== "CHANGES_REQUESTED" || (draft.status !== "CHANGES_REQUESTED" && draft.status !== "REVISED")) return null;
  const dueAt = resubmitDueAt(new Date(draft.reviewedAt), days);
  if (draft.status === "CHANGES_REQUESTED") return { dueAt, state: now > dueAt ? "OVERDUE" : "DUE" };
  return { dueAt, state: draft.lastSubmittedAt && new Date(draft.lastSubmittedAt) > dueAt ? "LATE" : "ON_TIME" };
}
