import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { getSettings } from "@/lib/settings/app-settings";
import { addMonths, quarterOf, type Period } from "@/lib/periods/period";
import { todayIso } from "@/lib/format/date";
import { judgeMeetingQuality, qualityVerdict, type QualityRecord, type QualityThresholds } from "./quality";
import { QUALITY_DOCUMENTS_DAYS_BEFORE, QUALITY_MIN_ATTENDANCE_PERCENT, QUALITY_MIN_MINUTES, QUALITY_MIN_MINUTES_COMBINED, SCHEDULE_DAYS_AHEAD } from "./settings";

export async function loadQualityThresholds(within?: Pick<Tx, "appSetting">): Promise<QualityThresholds> {
  const [minMinutes, minMinutesCombined, minAttendancePercent, documentsDaysBefore, scheduleDaysAhead] = await getSettings(
    [QUALITY_MIN_MINUTES, QUALITY_MIN_MINUTES_COMBINED, QUALITY_MIN_ATTENDANCE_PERCENT, QUALITY_DOCUMENTS_DAYS_BEFORE, SCHEDULE_DAYS_AHEAD],
    within,
  );
  return { minMinutes, minMinutesCombined, minAttendancePercent, documentsDaysBefore, scheduleDaysAhead };
}

/** The periods of the quarter `period` falls in. */
function quarterPeriods(period: Period): Period[] {
  const quarter = quarterOf(period);
  return [-2, -1, 0, 1, 2].map((offset) => addMonths(period, offset)).filter((candidate) => quarterOf(candidate) === quarter);
}

/** What a meeting of the period brings to its checklist; the rest comes from the period and the branch. */
type JudgedMeeting = Pick<QualityRecord, "heldOn" | "startTime" | "endTime" | "combinedWithThematic" | "committeePrepared" | "committeePreparedOn" | "expected" | "present" | "unexcused" | "hasMinutes"> & {
  kind: "REGULAR" | "THEMATIC";
  documents: { sentOn: string }[];
};

/**
 * The quality checklist of each meeting of one branch's period. The caller has
 * loaded the branch in scope and its schedules of the period; the quarter's
 * thematic meetings are read through it.
 */
export async function judgeBranchPeriod<M extends JudgedMeeting>(branchId: number, period: Period, meetings: M[], schedules: { kind: string; announcedAt: Date }[], today: string) {
  const [thresholds, thematic] = await Promise.all([
    loadQualityThresholds(),
    db().meeting.count({ where: { branchId, period: { in: quarterPeriods(period) }, OR: [{ kind: "THEMATIC" }, { combinedWithThematic: true }] } }),
  ]);
  return meetings.map((meeting) => {
    const schedule = schedules.find((item) => item.kind === meeting.kind);
    const checklist = judgeMeetingQuality(
      {
        period,
        heldOn: meeting.heldOn,
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        combinedWithThematic: meeting.combinedWithThematic,
        committeePrepared: meeting.committeePrepared,
        committeePreparedOn: meeting.committeePreparedOn,
        documentsPostedOn: meeting.documents.map((doc) => doc.sentOn),
        expected: meeting.expected,
        present: meeting.present,
        unexcused: meeting.unexcused,
        hasMinutes: meeting.hasMinutes,
        scheduleAnnouncedOn: schedule ? todayIso(schedule.announcedAt) : null,
        thematicInQuarter: thematic > 0,
        today,
      },
      thresholds,
    );
    return { ...meeting, quality: { checklist, verdict: qualityVerdict(checklist) } };
  });
}
