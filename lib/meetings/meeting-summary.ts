import "server-only";
import type { AttendanceStatus, MeetingKind } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/format/date";

export const MEETING_SUMMARY_SELECT = {
  id: true,
  branchId: true,
  period: true,
  kind: true,
  heldOn: true,
  usedHandbook: true,
  notes: true,
  minutes: true,
  closedAt: true,
  expectedCount: true,
  presentCount: true,
  excusedCount: true,
  unexcusedCount: true,
  exemptCount: true,
  versionNo: true,
  recordedByLabel: true,
  updatedAt: true,
  branch: { select: { id: true, code: true, name: true } },
} as const;

type MeetingRow = {
  id: number;
  period: string;
  kind: MeetingKind;
  heldOn: Date;
  usedHandbook: boolean;
  minutes: string | null;
  closedAt: Date | null;
  expectedCount: number;
  presentCount: number;
  excusedCount: number;
  unexcusedCount: number;
  exemptCount: number;
  versionNo: number;
  updatedAt: Date;
  branch: { id: number; code: string; name: string };
};

/** The shape of a meeting in lists and in the API (`expected`, `present`, `excused`, `unexcused`). */
export function toMeetingSummary(meeting: MeetingRow) {
  return {
    id: meeting.id,
    branch: meeting.branch,
    period: meeting.period,
    kind: meeting.kind,
    heldOn: isoDate(meeting.heldOn),
    usedHandbook: meeting.usedHandbook,
    expected: meeting.expectedCount,
    present: meeting.presentCount,
    excused: meeting.excusedCount,
    unexcused: meeting.unexcusedCount,
    exempt: meeting.exemptCount,
    attendanceRate: meeting.expectedCount > 0 ? meeting.presentCount / meeting.expectedCount : null,
    hasMinutes: meeting.minutes !== null,
    closedAt: meeting.closedAt?.toISOString() ?? null,
    versionNo: meeting.versionNo,
    updatedAt: meeting.updatedAt.toISOString(),
  };
}


export function countAttendance(rows: { status: AttendanceStatus }[]) {
  const count = (status: AttendanceStatus) => rows.filter((row) => row.status === status).length;
  return { expectedCount: rows.length, presentCount: count("PRESENT"), excusedCount: count("EXCUSED"), unexcusedCount: count("UNEXCUSED") };
}

/** What the quality criteria judge beyond attendance, as the pages and the form show it. */
export function toMeetingConduct(meeting: { startTime: string | null; endTime: string | null; place: string | null; committeePrepared: boolean | null; committeePreparedOn: Date | null; combinedWithThematic: boolean }) {
  return {
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    committeePrepared: meeting.committeePrepared,
    committeePreparedOn: meeting.committeePreparedOn ? isoDate(meeting.committeePreparedOn) : null,
    combinedWithThematic: meeting.combinedWithThematic,
  };
}
