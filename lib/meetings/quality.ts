// The quality checklist of one meeting, computed from its record: what the
// 2018 guidance on branch meetings and the 2025 directive and guidance ask of
// it (docs/meetings.md names the source of each). Plain functions, shared by
// server code, pages and unit tests. Dates are "YYYY-MM-DD" of the Hà Nội calendar.
import { addMonths, quarterOf, type Period } from "@/lib/periods/period";
import { formatDate, addDays, calendarDaysBetween } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";

export const QUALITY_CRITERIA = ["DURATION", "COMMITTEE_PREPARED", "SCHEDULE_AHEAD", "DOCUMENTS_AHEAD", "ATTENDANCE", "NO_UNEXCUSED", "MINUTES", "THEMATIC_IN_QUARTER"] as const;
export type QualityCriterion = (typeof QUALITY_CRITERIA)[number];

export const QUALITY_CRITERION_LABELS: Record<QualityCriterion, string> = {
  DURATION: "Đủ thời lượng",
  COMMITTEE_PREPARED: "Chi ủy họp chuẩn bị trước",
  SCHEDULE_AHEAD: "Thông báo lịch trước",
  DOCUMENTS_AHEAD: "Đăng tài liệu trước",
  ATTENDANCE: "Đủ tỷ lệ dự họp",
  NO_UNEXCUSED: "Không có vắng không lý do",
  MINUTES: "Có biên bản đầy đủ",
  THEMATIC_IN_QUARTER: "Có sinh hoạt chuyên đề trong quý",
};

/** MET and NOT_MET are judged from the record; UNKNOWN when the record lacks what the criterion needs (older records). */
export type CriterionState = "MET" | "NOT_MET" | "UNKNOWN";

export const CRITERION_STATE_LABELS: Record<CriterionState, string> = { MET: "Đạt", NOT_MET: "Chưa đạt", UNKNOWN: "Chưa rõ" };

export type CriterionResult = { key: QualityCriterion; label: string; state: CriterionState; reason: string };

/** Thresholds from the settings; 0 turns a criterion off (it is left out of the checklist). */
export type QualityThresholds = {
  minMinutes: number;
  minMinutesCombined: number;
  minAttendancePercent: number;
  documentsDaysBefore: number;
  scheduleDaysAhead: number;
};

export type QualityRecord = {
  period: Period;
  heldOn: string;
  /** "HH:MM"; null on records made before times were kept. */
  startTime: string | null;
  endTime: string | null;
  combinedWithThematic: boolean;
  committeePrepared: boolean | null;
  committeePreparedOn: string | null;
  /** Days the documents were posted for the members (one per document). */
  documentsPostedOn: string[];
  expected: number;
  present: number;
  unexcused: number;
  hasMinutes: boolean;
  /** The day the meeting was first announced, or null when it never was. */
  scheduleAnnouncedOn: string | null;
  /** The branch held a thematic meeting (alone or combined) in the quarter of `period`. */
  thematicInQuarter: boolean;
  today: string;
};

/** "07:30" → 450; null when it is not a time of day. */
function minutesOfDay(time: string | null): number | null {
  if (!time) return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Length of a meeting in minutes; null without both times. A meeting ends on the day it starts. */
export function meetingDuration(startTime: string | null, endTime: string | null): number | null {
  const start = minutesOfDay(startTime);
  const end = minutesOfDay(endTime);
  return start === null || end === null || end <= start ? null : end - start;
}

/** The last month of the quarter `period` falls in. */
function lastPeriodOfQuarter(period: Period): Period {
  const quarter = quarterOf(period);
  let last = period;
  while (quarterOf(addMonths(last, 1)) === quarter) last = addMonths(last, 1);
  return last;
}

function judge(key: QualityCriterion, state: CriterionState, reason: string): CriterionResult {
  return { key, label: QUALITY_CRITERION_LABELS[key], state, reason };
}

/** The checklist of one meeting: every criterion that is switched on, with its state and the reason. */
export function judgeMeetingQuality(record: QualityRecord, thresholds: QualityThresholds): CriterionResult[] {
  const results: CriterionResult[] = [];

  const required = record.combinedWithThematic ? thresholds.minMinutesCombined : thresholds.minMinutes;
  if (required > 0) {
    const duration = meetingDuration(record.startTime, record.endTime);
    const what = record.combinedWithThematic ? "thường kỳ kết hợp chuyên đề" : "sinh hoạt";
    if (duration === null) results.push(judge("DURATION", "UNKNOWN", "Chưa ghi giờ bắt đầu và giờ kết thúc."));
    else if (duration >= required) results.push(judge("DURATION", "MET", `Họp ${formatNumber(duration)} phút (${what} cần ít nhất ${formatNumber(required)} phút).`));
    else results.push(judge("DURATION", "NOT_MET", `Chỉ họp ${formatNumber(duration)} phút; ${what} cần ít nhất ${formatNumber(required)} phút.`));
  }

  if (record.committeePrepared === null) results.push(judge("COMMITTEE_PREPARED", "UNKNOWN", "Chưa ghi chi ủy có họp chuẩn bị hay không."));
  else if (record.committeePrepared) {
    const when = record.committeePreparedOn ? ` ngày ${formatDate(record.committeePreparedOn)}` : "";
    results.push(judge("COMMITTEE_PREPARED", "MET", `Chi ủy đã họp chuẩn bị${when}.`));
  } else results.push(judge("COMMITTEE_PREPARED", "NOT_MET", "Chi ủy không họp chuẩn bị trước buổi sinh hoạt."));

  if (thresholds.scheduleDaysAhead > 0) {
    const need = thresholds.scheduleDaysAhead;
    if (record.scheduleAnnouncedOn === null) {
      // Records from before schedules were kept carry no start time either: their schedule is unknown, not missing.
      if (record.startTime === null) results.push(judge("SCHEDULE_AHEAD", "UNKNOWN", "Bản ghi cũ: không có thông tin thông báo lịch."));
      else results.push(judge("SCHEDULE_AHEAD", "NOT_MET", "Không thông báo lịch sinh hoạt trước."));
    } else {
      const ahead = calendarDaysBetween(record.scheduleAnnouncedOn, record.heldOn);
      const when = `Thông báo ngày ${formatDate(record.scheduleAnnouncedOn)}, trước ${formatNumber(ahead)} ngày`;
      if (ahead >= need) results.push(judge("SCHEDULE_AHEAD", "MET", `${when}.`));
      else results.push(judge("SCHEDULE_AHEAD", "NOT_MET", `${when}; cần trước ít nhất ${formatNumber(need)} ngày.`));
    }
  }

  if (thresholds.documentsDaysBefore > 0) {
    const need = thresholds.documentsDaysBefore;
    if (!record.documentsPostedOn.length) results.push(judge("DOCUMENTS_AHEAD", "NOT_MET", "Không có tài liệu đăng trước buổi họp."));
    else {
      const latest = [...record.documentsPostedOn].sort().at(-1)!;
      const deadline = addDays(record.heldOn, -need);
      if (latest <= deadline) results.push(judge("DOCUMENTS_AHEAD", "MET", `Tài liệu đăng xong ngày ${formatDate(latest)}.`));
      else results.push(judge("DOCUMENTS_AHEAD", "NOT_MET", `Tài liệu đăng ngày ${formatDate(latest)}; cần đăng chậm nhất ngày ${formatDate(deadline)}.`));
    }
  }

  if (thresholds.minAttendancePercent > 0) {
    const need = thresholds.minAttendancePercent;
    if (record.expected === 0) results.push(judge("ATTENDANCE", "UNKNOWN", "Không có đảng viên phải dự."));
    else {
      const rate = `Có mặt ${formatNumber(record.present)}/${formatNumber(record.expected)} (${formatPercent(record.present / record.expected)})`;
      // Whole numbers, so exactly 85.0% is met without rounding doubt.
      if (record.present * 100 >= need * record.expected) results.push(judge("ATTENDANCE", "MET", `${rate}, đạt từ ${formatNumber(need)}%.`));
      else results.push(judge("ATTENDANCE", "NOT_MET", `${rate}, dưới ${formatNumber(need)}%.`));
    }
  }

  if (record.unexcused === 0) results.push(judge("NO_UNEXCUSED", "MET", "Không ai vắng không lý do."));
  else results.push(judge("NO_UNEXCUSED", "NOT_MET", `${formatNumber(record.unexcused)} đảng viên vắng không lý do.`));

  results.push(record.hasMinutes ? judge("MINUTES", "MET", "Đã có biên bản.") : judge("MINUTES", "NOT_MET", "Chưa có biên bản."));

  const quarterEnd = lastPeriodOfQuarter(record.period);
  if (record.thematicInQuarter) results.push(judge("THEMATIC_IN_QUARTER", "MET", "Chi bộ đã sinh hoạt chuyên đề trong quý."));
  else if (record.period === quarterEnd || record.today.slice(0, 7) > quarterEnd) results.push(judge("THEMATIC_IN_QUARTER", "NOT_MET", "Quý này chi bộ không sinh hoạt chuyên đề."));
  else results.push(judge("THEMATIC_IN_QUARTER", "UNKNOWN", "Quý chưa hết: chưa có buổi sinh hoạt chuyên đề."));

  return results;
}

/** MET when every criterion is met; NOT_MET when one is not; UNKNOWN when none fails but some cannot be judged. */
export function qualityVerdict(results: CriterionResult[]): CriterionState {
  if (results.some((result) => result.state === "NOT_MET")) return "NOT_MET";
  return results.every((result) => result.state === "MET") ? "MET" : "UNKNOWN";
}
