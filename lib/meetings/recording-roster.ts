import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { MeetingKind } from "@/lib/generated/prisma/enums";
import type { Period } from "@/lib/periods/period";
import { findBranchInScope } from "./find-branch";
import { loadEditingWindow } from "./load-editing-window";
import { periodEnd } from "./rules";
import { givenNameKey } from "./meeting-period";
import { toMeetingConduct } from "./meeting-summary";
import { todayIso, isoDate } from "@/lib/format/date";
import { belongedInMonth, feeExemption } from "@/lib/fees/fee-rules";
import { branchMemberItem } from "@/lib/members/api-shapes";

/**
 * What the recording form needs: the members who belonged to the branch at
 * some time during the period (the form works out who is expected on the
 * chosen date), and the meeting as recorded so far.
 */
export async function getRecordingRoster(actor: Actor, branchId: number, period: Period, kind: MeetingKind, options: { now?: Date } = {}) {
  assertCan(actor, "meeting.record");
  assertCan(actor, "member.read");
  const branch = await findBranchInScope(actor, branchId);
  const today = todayIso(options.now);
  const start = new Date(`${period}-01T00:00:00Z`);
  const end = new Date(`${periodEnd(period)}T00:00:00Z`);
  const [window, meeting, schedule] = await Promise.all([
    loadEditingWindow(branch.id, period, today),
    db().meeting.findUnique({
      where: { branchId_period_kind: { branchId: branch.id, period, kind } },
      include: { attendance: { select: { memberId: true, status: true, reason: true } } },
    }),
    db().meetingSchedule.findUnique({ where: { branchId_period_kind: { branchId: branch.id, period, kind } }, select: { plannedOn: true, startTime: true, place: true } }),
  ]);
  const recordedIds = meeting?.attendance.map((row) => row.memberId) ?? [];
  const members = await db().member.findMany({
    where: {
      branchId: branch.id,
      OR: [{ joinedBranchOn: { lte: end }, OR: [{ leftBranchOn: null }, { leftBranchOn: { gt: start } }] }, { id: { in: recordedIds } }],
    },
    select: { id: true, code: true, fullName: true, status: true, feeExempt: true, joinedBranchOn: true, leftBranchOn: true },
  });
  // The month's fees, so the form's "Đã nộp đảng phí" boxes start from what the fee sheet has.
  const fees = await db().partyFee.findMany({ where: { period, memberId: { in: members.map((member) => member.id) } }, select: { memberId: true, paid: true, amount: true } });
  const feeByMember = new Map(fees.map((fee) => [fee.memberId, fee]));
  members.sort((a, b) => givenNameKey(a.fullName).localeCompare(givenNameKey(b.fullName), "vi"));
  const suggestedHeldOn = today.slice(0, 7) === period ? today : "";
  return {
    branch,
    period,
    kind,
    today,
    window,
    members: members.map((member) => ({
      ...branchMemberItem(member),
      fee: {
        /** The branch records this member's fee for the month (belonged in it). */
        due: belongedInMonth(member, period),
        exemption: feeExemption(member),
        paid: feeByMember.get(member.id)?.paid ?? null,
        amount: feeByMember.get(member.id)?.amount ?? null,
      },
    })),
    meeting: meeting
      ? {
          id: meeting.id,
          versionNo: meeting.versionNo,
          heldOn: isoDate(meeting.heldOn),
          usedHandbook: meeting.usedHandbook,
          notes: meeting.notes,
          attendance: meeting.attendance.map((row) => ({ memberId: row.memberId, status: row.status, reason: row.reason })),
        }
      : null,
    conduct: meeting
      ? toMeetingConduct(meeting)
      : schedule
        ? { startTime: schedule.startTime, endTime: null, place: schedule.place, committeePrepared: null, committeePreparedOn: null, combinedWithThematic: false }
        : null,
    suggestedHeldOn: meeting ? isoDate(meeting.heldOn) : schedule && isoDate(schedule.plannedOn) <= today ? isoDate(schedule.plannedOn) : suggestedHeldOn,
  };
}
