import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, ValidationError, type ErrorDetail } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod, todayIso, addDays, isoDate } from "@/lib/format/date";
import { RecordMeetingSchema } from "./schemas";
import { findBranchInScope } from "./find-branch";
import { buildMeetingStatMonths, refreshMeetingStatsAfterWrite } from "./meeting-stats";
import { assertPeriodEditable } from "./load-editing-window";
import { belongedOn, expectedOn, periodEnd } from "./rules";
import { countAttendance, MEETING_SUMMARY_SELECT, toMeetingSummary } from "./meeting-summary";
import { now as clockNow } from "@/lib/clock";
import { checkFees, saveFees, type CheckedFees } from "@/lib/fees/record-fees";

type Entry = { memberId: number; status: "PRESENT" | "EXCUSED" | "UNEXCUSED"; reason: string | null };
type BranchMember = { id: number; fullName: string; status: string; joinedBranchOn: Date; leftBranchOn: Date | null };

/** How far from its period a meeting may be dated (dates outside the period are accepted and raise a data-quality alert). */
const MAX_DAYS_OUTSIDE_PERIOD = 31;

/**
 * Records a branch's meeting for a period and kind with the attendance of
 * every expected member (idempotent upsert on branch + period + kind: the same
 * input twice changes nothing the second time). Members excused from meetings
 * are not expected and cannot be marked; members who did not belong to the
 * branch on the day are accepted and raise a data-quality alert.
 * `options.fees` (the meeting form's fee boxes, recordFees' entries) are
 * checked by lib/fees before anything is written and saved for the meeting's
 * month in the same transaction: a refused fee writes no meeting either.
 */
export async function recordMeeting(actor: Actor, raw: unknown, options: { now?: Date; fees?: unknown[] } = {}) {
  assertCan(actor, "meeting.record");
  const input = parseInput(RecordMeetingSchema, raw);
  const branch = await findBranchInScope(actor, input.branchId);
  const today = todayIso(options.now);
  await assertPeriodEditable(branch.id, input.period, today);
  if (input.heldOn > today) throw new ValidationError("Ngày họp không được sau ngày hôm nay.", [{ field: "heldOn", message: "Ngày họp không được sau ngày hôm nay." }]);
  const earliest = addDays(`${input.period}-01`, -MAX_DAYS_OUTSIDE_PERIOD);
  const latest = addDays(periodEnd(input.period), MAX_DAYS_OUTSIDE_PERIOD);
  if (input.heldOn < earliest || input.heldOn > latest) {
    const message = `Ngày họp cách ${formatPeriod(input.period)} quá xa (chỉ nhận từ ${earliest} đến ${latest}). Kiểm tra lại kỳ hoặc ngày họp.`;
    throw new ValidationError(message, [{ field: "heldOn", message }]);
  }

  const members = await db().member.findMany({
    where: { branchId: branch.id },
    select: { id: true, fullName: true, status: true, joinedBranchOn: true, leftBranchOn: true },
  });
  const attendance = input.attendance as Entry[];
  checkRoster(members, attendance, input.heldOn);
  const checkedFees: CheckedFees | null = options.fees?.length ? await checkFees(actor, branch.id, { period: input.period, fees: options.fees }, options) : null;
  const exemptCount = members.filter((member) => member.status === "EXEMPT" && belongedOn(member, input.heldOn)).length;

  const write = () =>
    db().$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM "Meeting" WHERE "branchId" = ${branch.id} AND period = ${input.period} AND kind = ${input.kind}::"MeetingKind" FOR UPDATE`;
      const existing = locked
        ? await tx.meeting.findUniqueOrThrow({ where: { id: locked.id }, include: { attendance: true, documents: true } })
        : null;
      const fees = checkedFees ? await saveFees(tx, actor, checkedFees) : null;
      const counts = countAttendance(attendance);
      const heldOn = new Date(`${input.heldOn}T00:00:00Z`);
      const closing = input.minutes ? { minutes: input.minutes, closedAt: existing?.closedAt ?? clockNow() } : {};
      const notes = input.notes === undefined ? {} : { notes: input.notes || null };
      const conduct = conductOf(input);

      if (existing) {
        const changes = describeChanges(existing, input, attendance);
        if (!changes.length) return { meetingId: existing.id, created: false, changed: false, fees };
        if (input.expectedVersionNo !== undefined && input.expectedVersionNo !== existing.versionNo) {
          throw new ConflictError(`Cuộc họp đã được cập nhật (phiên bản ${existing.versionNo}) sau khi bạn mở. Tải lại trang rồi ghi lại.`);
        }
        await tx.meeting.update({
          where: { id: existing.id },
          data: { heldOn, usedHandbook: input.usedHandbook, ...notes, ...conduct, ...closing, ...counts, exemptCount, versionNo: { increment: 1 }, recordedByLabel: actor.label },
        });
        await replaceRows(tx, existing.id, attendance, input.documents);
        await recordAuditEvent(tx, actor, {
          action: "meeting.updated",
          entityType: "Meeting",
          entityId: existing.id,
          orgUnitId: branch.id,
          details: { period: input.period, kind: input.kind, changes, versionNo: existing.versionNo + 1, ...counts },
        });
        const unbuilt = await refreshMeetingStatsAfterWrite(tx, [{ branchId: branch.id, period: input.period }]);
        return { meetingId: existing.id, created: false, changed: true, unbuilt, fees };
      }

      const created = await tx.meeting.create({
        data: { branchId: branch.id, period: input.period, kind: input.kind, heldOn, usedHandbook: input.usedHandbook, ...notes, ...conduct, ...closing, ...counts, exemptCount, recordedByLabel: actor.label },
      });
      await replaceRows(tx, created.id, attendance, input.documents);
      await recordAuditEvent(tx, actor, {
        action: "meeting.recorded",
        entityType: "Meeting",
        entityId: created.id,
        orgUnitId: branch.id,
        details: { period: input.period, kind: input.kind, heldOn: input.heldOn, usedHandbook: input.usedHandbook, closed: !!input.minutes, ...counts },
      });
      const unbuilt = await refreshMeetingStatsAfterWrite(tx, [{ branchId: branch.id, period: input.period }]);
      return { meetingId: created.id, created: true, changed: true, unbuilt, fees };
    });

  let outcome: { meetingId: number; created: boolean; changed: boolean; unbuilt?: string[]; fees: { changed: boolean; changedCount: number } | null };
  try {
    outcome = await write();
  } catch (error) {
    // Two writers created the same meeting at once: the second one now finds it and updates (or sees no change).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") outcome = await write();
    else throw error;
  }
  await buildMeetingStatMonths(outcome.unbuilt ?? []);
  const meeting = await db().meeting.findUniqueOrThrow({ where: { id: outcome.meetingId }, select: MEETING_SUMMARY_SELECT });
  return { meeting: toMeetingSummary(meeting), created: outcome.created, changed: outcome.changed, fees: outcome.fees };
}

function checkRoster(members: BranchMember[], attendance: Entry[], heldOn: string): void {
  const byId = new Map(members.map((member) => [member.id, member]));
  const details: ErrorDetail[] = [];
  attendance.forEach((entry, index) => {
    const member = byId.get(entry.memberId);
    if (!member) details.push({ field: `attendance.${index}.memberId`, message: `Đảng viên #${entry.memberId} không thuộc chi bộ này.` });
    else if (member.status === "EXEMPT") details.push({ field: `attendance.${index}.memberId`, message: `${member.fullName} được miễn sinh hoạt: không điểm danh.` });
  });
  const listed = new Set(attendance.map((entry) => entry.memberId));
  const missing = members.filter((member) => expectedOn(member, heldOn) && !listed.has(member.id));
  if (missing.length) {
    const names = missing.slice(0, 10).map((member) => member.fullName).join(", ");
    details.push({ field: "attendance", message: `Thiếu điểm danh của ${missing.length} đảng viên: ${names}${missing.length > 10 ? ", …" : ""}.` });
  }
  if (details.length) throw new ValidationError(details.length === 1 ? details[0].message : "Danh sách điểm danh chưa đúng.", details);
}

async function replaceRows(tx: Tx, meetingId: number, attendance: Entry[], documents: { title: string; sentOn: string }[] | undefined) {
  await tx.attendance.deleteMany({ where: { meetingId } });
  if (attendance.length) await tx.attendance.createMany({ data: attendance.map((entry) => ({ meetingId, memberId: entry.memberId, status: entry.status, reason: entry.reason })) });
  if (documents) {
    await tx.meetingDocument.deleteMany({ where: { meetingId } });
    if (documents.length) await tx.meetingDocument.createMany({ data: documents.map((doc) => ({ meetingId, title: doc.title, sentOn: new Date(`${doc.sentOn}T00:00:00Z`) })) });
  }
}

type ConductInput = {
  startTime?: string | null;
  endTime?: string | null;
  place?: string | null;
  committeePrepared?: boolean | null;
  committeePreparedOn?: string | null;
  combinedWithThematic?: boolean;
};

/** The conduct fields the input carries; a field left out keeps what is stored (older clients send none). */
function conductOf(input: ConductInput) {
  const data: { startTime?: string | null; endTime?: string | null; place?: string | null; committeePrepared?: boolean | null; committeePreparedOn?: Date | null; combinedWithThematic?: boolean } = {};
  if (input.startTime !== undefined) data.startTime = input.startTime;
  if (input.endTime !== undefined) data.endTime = input.endTime;
  if (input.place !== undefined) data.place = input.place || null;
  if (input.committeePrepared !== undefined) data.committeePrepared = input.committeePrepared;
  if (input.committeePreparedOn !== undefined) data.committeePreparedOn = input.committeePreparedOn ? new Date(`${input.committeePreparedOn}T00:00:00Z`) : null;
  if (input.combinedWithThematic !== undefined) data.combinedWithThematic = input.combinedWithThematic;
  return data;
}

type Existing = {
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  committeePrepared: boolean | null;
  committeePreparedOn: Date | null;
  combinedWithThematic: boolean;
  heldOn: Date;
  usedHandbook: boolean;
  notes: string | null;
  minutes: string | null;
  attendance: { memberId: number; status: string; reason: string | null }[];
  documents: { title: string; sentOn: Date }[];
};

/** What the input would change; empty when it describes the meeting as it is. */
function describeChanges(existing: Existing, input: ConductInput & { heldOn: string; usedHandbook: boolean; notes?: string | null; minutes?: string | null; documents?: { title: string; sentOn: string }[] }, attendance: Entry[]): string[] {
  const changes: string[] = [];
  const conduct = conductOf(input);
  for (const [field, value] of Object.entries(conduct)) {
    const before = existing[field as keyof typeof conduct];
    const same = before instanceof Date || value instanceof Date ? (before ? isoDate(before as Date) : null) === (value ? isoDate(value as Date) : null) : (before ?? null) === (value ?? null);
    if (!same) changes.push(field);
  }
  if (isoDate(existing.heldOn) !== input.heldOn) changes.push("heldOn");
  if (existing.usedHandbook !== input.usedHandbook) changes.push("usedHandbook");
  if (input.notes !== undefined && (existing.notes ?? null) !== (input.notes || null)) changes.push("notes");
  if (input.minutes && existing.minutes !== input.minutes) changes.push("minutes");
  const key = (entry: { memberId: number; status: string; reason: string | null }) => `${entry.memberId}:${entry.status}:${entry.reason ?? ""}`;
  const before = existing.attendance.map(key).sort().join("|");
  const after = attendance.map(key).sort().join("|");
  if (before !== after) changes.push("attendance");
  if (input.documents) {
    const docKey = (doc: { title: string; sentOn: string }) => `${doc.sentOn}:${doc.title}`;
    const docsBefore = existing.documents.map((doc) => docKey({ title: doc.title, sentOn: isoDate(doc.sentOn) })).sort().join("|");
    if (docsBefore !== input.documents.map(docKey).sort().join("|")) changes.push("documents");
  }
  return changes;
}

