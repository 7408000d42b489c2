import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUsersCovering } from "@/lib/notifications/find-recipients";
import { findBranchFollower } from "@/lib/followers/sql";
import { ConflictError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatDate, formatPeriod, todayIso, addDays, isoDate } from "@/lib/format/date";
import { now } from "@/lib/clock";
import { refreshMeetingStatsAfterWrite } from "./meeting-stats";
import { AnnounceMeetingSchema } from "./schemas";
import { findBranchInScope } from "./find-branch";
import { periodEnd } from "./rules";
import { MEETING_KIND_LABELS } from "./labels";

/**
 * The secretary announces the branch's next meeting: date, start time, place
 * and content. Upsert per branch + period + kind; the first announcement's
 * time stays (it is what "sent ahead" is judged by), later edits bump the
 * version. The ward committee that reviews the branch and the branch's
 * follower (docs/followers.md) are notified.
 */
export async function announceMeeting(actor: Actor, raw: unknown) {
  assertCan(actor, "meeting.record");
  const input = parseInput(AnnounceMeetingSchema, raw);
  const branch = await findBranchInScope(actor, input.branchId);
  const today = todayIso();
  if (input.plannedOn < today) throw new ValidationError("Ngày họp dự kiến đã qua: thông báo lịch cho buổi họp sắp tới.", [{ field: "plannedOn", message: "Ngày họp dự kiến không được trước hôm nay." }]);
  const earliest = addDays(`${input.period}-01`, -31);
  const latest = addDays(periodEnd(input.period), 31);
  if (input.plannedOn < earliest || input.plannedOn > latest) {
    const message = `Ngày họp dự kiến cách ${formatPeriod(input.period)} quá xa. Kiểm tra lại kỳ hoặc ngày họp.`;
    throw new ValidationError(message, [{ field: "plannedOn", message }]);
  }
  const plannedOn = new Date(`${input.plannedOn}T00:00:00Z`);
  const data = { plannedOn, startTime: input.startTime, place: input.place, agenda: input.agenda };
  const auditDetails = { period: input.period, kind: input.kind, plannedOn: input.plannedOn, startTime: input.startTime };

  const write = () =>
    db().$transaction(async (tx) => {
      const existing = await tx.meetingSchedule.findUnique({ where: { branchId_period_kind: { branchId: branch.id, period: input.period, kind: input.kind } } });
      if (existing) {
        const same = isoDate(existing.plannedOn) === input.plannedOn && existing.startTime === input.startTime && existing.place === input.place && existing.agenda === input.agenda;
        if (same) return { schedule: existing, created: false, changed: false };
        if (input.expectedVersionNo !== undefined && input.expectedVersionNo !== existing.versionNo) {
          throw new ConflictError(`Lịch họp đã được sửa (phiên bản ${existing.versionNo}) sau khi bạn mở. Tải lại trang rồi sửa lại.`);
        }
        const schedule = await tx.meetingSchedule.update({ where: { id: existing.id }, data: { ...data, versionNo: { increment: 1 }, announcedByLabel: actor.label } });
        await recordAuditEvent(tx, actor, { action: "meeting.schedule.updated", entityType: "MeetingSchedule", entityId: schedule.id, orgUnitId: branch.id, details: auditDetails });
        await notify(tx, "Lịch sinh hoạt thay đổi");
        return { schedule, created: false, changed: true };
      }
      const schedule = await tx.meetingSchedule.create({
        data: { branchId: branch.id, period: input.period, kind: input.kind, ...data, announcedAt: now(), announcedById: actor.kind === "user" ? actor.id : null, announcedByLabel: actor.label },
      });
      await recordAuditEvent(tx, actor, { action: "meeting.announced", entityType: "MeetingSchedule", entityId: schedule.id, orgUnitId: branch.id, details: auditDetails });
      await notify(tx, "Lịch sinh hoạt chi bộ");
      // A meeting recorded before its schedule is judged again (announced late).
      await refreshMeetingStatsAfterWrite(tx, [{ branchId: branch.id, period: input.period }]);
      return { schedule, created: true, changed: true };
    });

  const notify = async (tx: Tx, title: string) =>
    createNotification(tx, {
      userIds: [...(await findUsersCovering(tx, branch.path, ["WARD_COMMITTEE"])), ...(await findBranchFollower(tx, branch.id))],
      kind: "meeting.schedule",
      title: `${title}: ${branch.name}`,
      body: `${MEETING_KIND_LABELS[input.kind]} lúc ${input.startTime} ngày ${formatDate(input.plannedOn)} tại ${input.place}.`,
      href: `/meetings/branch/${branch.id}/${input.period}`,
      orgUnitId: branch.id,
      exceptUserId: actor.kind === "user" ? actor.id : null,
    });

  try {
    return toSchedule(await write());
  } catch (error) {
    // Two announcements created at once: the second finds the first and updates it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return toSchedule(await write());
    throw error;
  }
}

function toSchedule(outcome: { schedule: { id: number; branchId: number; period: string; kind: string; plannedOn: Date; startTime: string; place: string; agenda: string; announcedAt: Date; versionNo: number }; created: boolean; changed: boolean }) {
  const { schedule } = outcome;
  return {
    id: schedule.id,
    branchId: schedule.branchId,
    period: schedule.period,
    kind: schedule.kind,
    plannedOn: isoDate(schedule.plannedOn),
    startTime: schedule.startTime,
    place: schedule.place,
    agenda: schedule.agenda,
    announcedAt: schedule.announcedAt.toISOString(),
    versionNo: schedule.versionNo,
    created: outcome.created,
    changed: outcome.changed,
  };
}
