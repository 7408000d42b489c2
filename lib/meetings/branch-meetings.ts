import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { getSetting } from "@/lib/settings/app-settings";
import type { Period } from "@/lib/periods/period";
import { EDIT_DAYS_AFTER_PERIOD, MISSING_MEETING_DEADLINE_DAY } from "./settings";
import { editingWindow, lastMonths, meetingDeadline, meetingState } from "./rules";
import { findBranchInScope } from "./find-branch";
import { unitAncestors } from "@/lib/org/org-units";
import { MEETING_SUMMARY_SELECT, toMeetingSummary } from "./meeting-summary";
import { todayIso, isoDate } from "@/lib/format/date";

/** A branch's meetings month by month (latest first) with each month's state and editing window. */
export async function getBranchMeetingHistory(actor: Actor, branchId: number, options: { period: Period; months?: number; now?: Date }) {
  assertCan(actor, "meeting.read");
  const branch = await findBranchInScope(actor, branchId);
  const today = todayIso(options.now);
  const periods = lastMonths(options.period, options.months);
  const [deadlineDay, editDays, meetings, reopenings, ancestors] = await Promise.all([
    getSetting(MISSING_MEETING_DEADLINE_DAY),
    getSetting(EDIT_DAYS_AFTER_PERIOD),
    db().meeting.findMany({
      where: { branchId: branch.id, period: { gte: periods[0], lte: periods[periods.length - 1] } },
      select: MEETING_SUMMARY_SELECT,
      orderBy: [{ period: "desc" }, { kind: "asc" }],
    }),
    db().meetingReopening.findMany({ where: { branchId: branch.id, period: { in: periods } }, select: { period: true, openUntil: true } }),
    unitAncestors(actor, branch.path),
  ]);
  const reopenedUntil = new Map<string, string>();
  for (const reopening of reopenings) {
    const until = isoDate(reopening.openUntil);
    if ((reopenedUntil.get(reopening.period) ?? "") < until) reopenedUntil.set(reopening.period, until);
  }
  const months = [...periods].reverse().map((period) => {
    const own = meetings.filter((meeting) => meeting.period === period).map(toMeetingSummary);
    return {
      period,
      deadline: meetingDeadline(period, deadlineDay),
      state: meetingState(period, own.length > 0, deadlineDay, today),
      window: editingWindow({ period, editDays, reopenedUntil: reopenedUntil.get(period) ?? null, today }),
      meetings: own,
    };
  });
  return { branch, ancestors, months };
}
