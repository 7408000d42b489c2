import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getSetting } from "@/lib/settings/app-settings";
import type { Period } from "@/lib/periods/period";
import { MISSING_MEETING_DEADLINE_DAY } from "./settings";
import { belongedOn, meetingDeadline, meetingState } from "./rules";
import { findBranchInScope } from "./find-branch";
import { unitAncestors } from "@/lib/org/org-units";
import { loadEditingWindow } from "./load-editing-window";
import { MEETING_SUMMARY_SELECT, toMeetingConduct, toMeetingSummary } from "./meeting-summary";
import { judgeBranchPeriod } from "./meeting-quality";
import { todayIso, isoDate } from "@/lib/format/date";
import { displayNamesFor } from "@/lib/users/display-names";
import { describeMinutesMismatch, minutesMismatches } from "./minutes-check";

/**
 * Everything about one branch's period: its meetings with attendance (member
 * names only for roles that may read members), documents, minutes, the
 * editing window and the board's reopenings.
 */
export async function getMeetingPeriod(actor: Actor, branchId: number, period: Period, options: { now?: Date } = {}) {
  assertCan(actor, "meeting.read");
  const branch = await findBranchInScope(actor, branchId);
  const today = todayIso(options.now);
  const showMembers = can(actor.role, "member.read");
  const [deadlineDay, window, ancestors, meetings, reopenings, schedules] = await Promise.all([
    getSetting(MISSING_MEETING_DEADLINE_DAY),
    loadEditingWindow(branch.id, period, today),
    unitAncestors(actor, branch.path),
    db().meeting.findMany({
      where: { branchId: branch.id, period },
      orderBy: { kind: "asc" },
      select: {
        ...MEETING_SUMMARY_SELECT,
        startTime: true,
        endTime: true,
        place: true,
        committeePrepared: true,
        committeePreparedOn: true,
        combinedWithThematic: true,
        documents: { select: { id: true, title: true, sentOn: true }, orderBy: { sentOn: "asc" } },
      },
    }),
    db().meetingReopening.findMany({ where: { branchId: branch.id, period }, orderBy: { createdAt: "desc" } }),
    db().meetingSchedule.findMany({ where: { branchId: branch.id, period }, orderBy: { kind: "asc" } }),
  ]);
  const [exempt, rows] = showMembers
    ? await Promise.all([
        db().member.findMany({ where: { branchId: branch.id, status: "EXEMPT" }, select: { id: true, fullName: true, code: true }, orderBy: { fullName: "asc" } }),
        // Attendance is read through its meetings, which were loaded through the branch in scope.
        db().attendance.findMany({
          where: { meetingId: { in: meetings.map((meeting) => meeting.id) } },
          select: { meetingId: true, status: true, reason: true, member: { select: { id: true, code: true, fullName: true, status: true, joinedBranchOn: true, leftBranchOn: true } } },
        }),
      ])
    : [[], []];
  const nameOf = await displayNamesFor([...meetings.map((meeting) => meeting.recordedByLabel), ...reopenings.map((reopening) => reopening.reopenedByLabel), ...schedules.map((schedule) => schedule.announcedByLabel)]);
  const judged = await judgeBranchPeriod(
    branch.id,
    period,
    meetings.map((meeting) => {
      const heldOn = isoDate(meeting.heldOn);
      const attendance = rows
        .filter((row) => row.meetingId === meeting.id)
        .map((row) => ({ member: { id: row.member.id, code: row.member.code, fullName: row.member.fullName }, status: row.status, reason: row.reason, belonged: belongedOn(row.member, heldOn) }))
        .sort((a, b) => givenNameKey(a.member.fullName).localeCompare(givenNameKey(b.member.fullName), "vi"));
      const summary = toMeetingSummary(meeting);
      return {
        ...summary,
        notes: meeting.notes,
        minutes: meeting.minutes,
        /** Where the minutes state other attendance figures than the roll call (corrected after they were written). */
        minutesWarning: describeMinutesMismatch(minutesMismatches(meeting.minutes, summary)),
        recordedBy: nameOf(meeting.recordedByLabel),
        ...toMeetingConduct(meeting),
        documents: meeting.documents.map((doc) => ({ id: doc.id, title: doc.title, sentOn: isoDate(doc.sentOn) })),
        attendance,
      };
    }),
    schedules,
    today,
  );
  return {
    branch,
    ancestors,
    period,
    deadline: meetingDeadline(period, deadlineDay),
    state: meetingState(period, meetings.length > 0, deadlineDay, today),
    window,
    showMembers,
    exempt,
    reopenings: reopenings.map((reopening) => ({ id: reopening.id, openUntil: isoDate(reopening.openUntil), reason: reopening.reason, by: nameOf(reopening.reopenedByLabel), at: reopening.createdAt })),
    meetings: judged,
    schedules: schedules.map((schedule) => ({
      id: schedule.id,
      kind: schedule.kind,
      plannedOn: isoDate(schedule.plannedOn),
      startTime: schedule.startTime,
      place: schedule.place,
      agenda: schedule.agenda,
      announcedOn: todayIso(schedule.announcedAt),
      announcedBy: nameOf(schedule.announcedByLabel),
      versionNo: schedule.versionNo,
    })),
  };
}

export type MeetingPeriod = Awaited<ReturnType<typeof getMeetingPeriod>>;
export type PeriodMeeting = MeetingPeriod["meetings"][number];

/** Vietnamese lists sort by given name (the last word), then the full name. */
export function givenNameKey(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return `${parts[parts.length - 1]} ${fullName}`;
}
