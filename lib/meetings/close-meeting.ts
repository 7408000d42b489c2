import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { CloseMeetingSchema } from "./schemas";
import { findMeetingInScope } from "./find-meeting";
import { refreshMeetingStatsAfterWrite } from "./meeting-stats";
import { assertPeriodEditable } from "./load-editing-window";
import { MEETING_SUMMARY_SELECT, toMeetingSummary } from "./meeting-summary";
import { todayIso } from "@/lib/format/date";
import { now as clockNow } from "@/lib/clock";

/** Closes a meeting with its minutes (required) and the documents sent to members beforehand; can be corrected while the period is open. */
export async function closeMeeting(actor: Actor, meetingId: number, raw: unknown, options: { now?: Date } = {}) {
  assertCan(actor, "meeting.record");
  const input = parseInput(CloseMeetingSchema, raw);
  const meeting = await findMeetingInScope(actor, meetingId);
  await assertPeriodEditable(meeting.branchId, meeting.period, todayIso(options.now));
  await db().$transaction(async (tx) => {
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, ...(input.expectedVersionNo !== undefined ? { versionNo: input.expectedVersionNo } : {}) },
      data: { minutes: input.minutes, closedAt: meeting.closedAt ?? clockNow(), versionNo: { increment: 1 }, recordedByLabel: actor.label },
    });
    if (updated.count === 0) throw new ConflictError("Cuộc họp đã được cập nhật sau khi bạn mở. Tải lại trang rồi ghi lại biên bản.");
    await tx.meetingDocument.deleteMany({ where: { meetingId: meeting.id } });
    if (input.documents.length) {
      await tx.meetingDocument.createMany({ data: input.documents.map((doc) => ({ meetingId: meeting.id, title: doc.title, sentOn: new Date(`${doc.sentOn}T00:00:00Z`) })) });
    }
    await recordAuditEvent(tx, actor, {
      action: meeting.closedAt ? "meeting.minutes.updated" : "meeting.closed",
      entityType: "Meeting",
      entityId: meeting.id,
      orgUnitId: meeting.branchId,
      details: { period: meeting.period, kind: meeting.kind, minutesLength: input.minutes.length, documents: input.documents.length },
    });
    await refreshMeetingStatsAfterWrite(tx, [{ branchId: meeting.branchId, period: meeting.period }]);
  });
  return toMeetingSummary(await db().meeting.findUniqueOrThrow({ where: { id: meeting.id }, select: MEETING_SUMMARY_SELECT }));
}
