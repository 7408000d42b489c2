import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { todayIso, isoDate } from "@/lib/format/date";
import { defaultReviewPeriod } from "@/lib/drafts/list-review-queue";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { judgeBranchPeriod } from "@/lib/meetings/meeting-quality";
import { toMeetingConduct } from "@/lib/meetings/meeting-summary";
import type { DraftStatus, MeetingKind } from "@/lib/generated/prisma/enums";
import { followedBranchIdsSql } from "./sql";

/**
 * "Chi bộ tôi phụ trách": the branches the acting user follows, within their own
 * scope (an assignment narrows the view, never widens it), each with its draft
 * of the review month, its next announced meeting, the quality checklist of the
 * month's meetings and its open data-quality alerts. API tokens follow nothing.
 */
export async function listFollowedBranches(actor: Actor) {
  assertCan(actor, "follower.read");
  const [reviewPeriod, meetingPeriod] = await Promise.all([defaultReviewPeriod(), defaultMeetingPeriod()]);
  const empty = { reviewPeriod, meetingPeriod, branches: [], waitingDrafts: 0 };
  if (actor.kind !== "user") return empty;
  const branches = await db().$queryRaw<{ id: number; code: string; name: string; ward_id: number | null; ward_name: string | null }[]>`
    SELECT b.id, b.code, b.name, w.id AS ward_id, w.name AS ward_name
    FROM "OrgUnit" b LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
    WHERE b.id IN (${followedBranchIdsSql(actor.scopePath, actor.id)})
    ORDER BY w.name COLLATE vi_natural, b.name COLLATE vi_natural, b.code`;
  if (!branches.length) return empty;
  const ids = branches.map((branch) => branch.id);
  const today = todayIso();
  const current = currentPeriod();
  const [drafts, waiting, schedules, meetings, alerts] = await Promise.all([
    db().draft.findMany({ where: { branchId: { in: ids }, period: reviewPeriod }, select: { id: true, branchId: true, status: true, currentVersionNo: true, lastSubmittedAt: true } }),
    db().draft.count({ where: { branchId: { in: ids }, status: { in: ["SUBMITTED", "REVISED"] } } }),
    db().meetingSchedule.findMany({
      where: { branchId: { in: ids }, period: { in: [...new Set([meetingPeriod, current, addMonths(current, 1)])] } },
      orderBy: [{ plannedOn: "asc" }, { kind: "asc" }],
    }),
    db().meeting.findMany({
      where: { branchId: { in: ids }, period: meetingPeriod },
      orderBy: { kind: "asc" },
      select: {
        id: true, branchId: true, kind: true, heldOn: true, minutes: true, expectedCount: true, presentCount: true, unexcusedCount: true,
        startTime: true, endTime: true, place: true, committeePrepared: true, committeePreparedOn: true, combinedWithThematic: true,
        documents: { select: { sentOn: true } },
      },
    }),
    // Alerts are read per ward (one query set each), then kept for the followed branches only.
    Promise.all(
      [...new Set(branches.map((branch) => branch.ward_id ?? branch.id))].map((unitId) =>
        findDataQualityAlerts(actor, { orgUnitId: unitId, period: meetingPeriod }).then((result) => result.items),
      ),
    ).then((lists) => lists.flat().filter((alert) => ids.includes(alert.branch.id) && !alert.dismissal)),
  ]);
  const judged = await Promise.all(
    branches.map(async (branch) => {
      const own = meetings.filter((meeting) => meeting.branchId === branch.id);
      if (!own.length) return [];
      const input = own.map((meeting) => ({
        id: meeting.id,
        kind: meeting.kind,
        heldOn: isoDate(meeting.heldOn),
        ...toMeetingConduct(meeting),
        expected: meeting.expectedCount,
        present: meeting.presentCount,
        unexcused: meeting.unexcusedCount,
        hasMinutes: meeting.minutes !== null,
        documents: meeting.documents.map((doc) => ({ sentOn: isoDate(doc.sentOn) })),
      }));
      return judgeBranchPeriod(branch.id, meetingPeriod, input, schedules.filter((schedule) => schedule.branchId === branch.id && schedule.period === meetingPeriod), today);
    }),
  );
  return {
    reviewPeriod,
    meetingPeriod,
    waitingDrafts: waiting,
    branches: branches.map((branch, index) => {
      const draft = drafts.find((item) => item.branchId === branch.id) ?? null;
      const own = schedules.filter((schedule) => schedule.branchId === branch.id);
      // The next meeting announced; once it has passed, the latest one announced.
      const schedule = own.find((item) => isoDate(item.plannedOn) >= today) ?? own[own.length - 1] ?? null;
      return {
        branch: { id: branch.id, code: branch.code, name: branch.name },
        ward: branch.ward_id ? { id: branch.ward_id, name: branch.ward_name! } : null,
        draft: draft ? { id: draft.id, status: draft.status as DraftStatus, versionNo: draft.currentVersionNo, lastSubmittedAt: draft.lastSubmittedAt } : null,
        schedule: schedule
          ? { period: schedule.period, kind: schedule.kind as MeetingKind, plannedOn: isoDate(schedule.plannedOn), startTime: schedule.startTime, place: schedule.place, agenda: schedule.agenda, upcoming: isoDate(schedule.plannedOn) >= today }
          : null,
        meetings: judged[index].map((meeting) => ({ id: meeting.id, kind: meeting.kind, heldOn: meeting.heldOn, quality: meeting.quality })),
        alerts: alerts.filter((alert) => alert.branch.id === branch.id).map((alert) => ({ kind: alert.kind, title: alert.title, explanation: alert.explanation, meetingId: alert.meetingId })),
      };
    }),
  };
}

export type FollowedBranches = Awaited<ReturnType<typeof listFollowedBranches>>;
