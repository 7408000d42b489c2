import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { findMeetingInScope } from "./find-meeting";
import { getMeetingPeriod } from "./meeting-period";

/** One meeting with its attendance and documents, loaded through its branch in scope. */
export async function getMeetingDetail(actor: Actor, meetingId: number, options: { now?: Date } = {}) {
  const found = await findMeetingInScope(actor, meetingId);
  const period = await getMeetingPeriod(actor, found.branchId, found.period, options);
  const meeting = period.meetings.find((item) => item.id === found.id);
  if (!meeting) throw new NotFoundError("Không tìm thấy cuộc họp.");
  return { ...meeting, window: period.window, attendance: period.showMembers ? meeting.attendance : undefined };
}
