import { judgeMeetingQuality, meetingDuration, qualityVerdict, type QualityRecord, type QualityThresholds } from "@/lib/meetings/quality";
import { calendarDaysBetween } from "@/lib/format/date";

const thresholds: QualityThresholds = { minMinutes: 90, minMinutesCombined: 120, minAttendancePercent: 85, documentsDaysBefore: 1, scheduleDaysAhead: 7 };

/** A meeting that meets every criterion; each test changes one thing. */
const good: QualityRecord = {
  period: "2026-12",
  heldOn: "2026-12-05",
  startTime: "07:30",
  endTime: "09:15",
  combinedWithThematic: false,
  committeePrepared: true,
  committeePreparedOn: "2026-12-02",
  documentsPostedOn: ["2026-12-03"],
  expected: 40,
  present: 38,
  unexcused: 0,
  hasMinutes: true,
  scheduleAnnouncedOn: "2026-11-20",
  thematicInQuarter: true,
  today: "2026-12-06",
};

const stateOf = (record: Partial<QualityRecord>, key: string, limits = thresholds) =>
  judgeMeetingQuality({ ...good, ...record }, limits).find((result) => result.key === key)?.state;

describe("meeting quality criteria", () => {
  it("a complete record meets every criterion", () => {
    const results = judgeMeetingQuality(good, thresholds);
    expect(results.map((result) => result.state)).toEqual(Array(8).fill("MET"));
    expect(qualityVerdict(results)).toBe("MET");
  });

  it("duration: exactly 90 minutes is enough, 89 is not", () => {
    expect(meetingDuration("19:00", "20:30")).toBe(90);
    expect(stateOf({ startTime: "19:00", endTime: "20:30" }, "DURATION")).toBe("MET");
    expect(stateOf({ startTime: "19:00", endTime: "20:29" }, "DURATION")).toBe("NOT_MET");
  });

  it("duration: a combined regular and thematic meeting needs 120 minutes, so 119 fails and 120 passes", () => {
    expect(stateOf({ combinedWithThematic: true, startTime: "08:00", endTime: "09:59" }, "DURATION")).toBe("NOT_MET");
    expect(stateOf({ combinedWithThematic: true, startTime: "08:00", endTime: "10:00" }, "DURATION")).toBe("MET");
    const reason = judgeMeetingQuality({ ...good, combinedWithThematic: true, startTime: "08:00", endTime: "09:59" }, thresholds).find((r) => r.key === "DURATION")!.reason;
    expect(reason).toBe("Chỉ họp 119 phút; thường kỳ kết hợp chuyên đề cần ít nhất 120 phút.");
  });

  it("duration is unknown on an older record without times, or when the end is not after the start", () => {
    expect(stateOf({ startTime: null, endTime: null }, "DURATION")).toBe("UNKNOWN");
    expect(stateOf({ startTime: "20:00", endTime: "19:00" }, "DURATION")).toBe("UNKNOWN");
  });

  it("documents posted on the day of the meeting are late; the day before is in time", () => {
    expect(stateOf({ documentsPostedOn: ["2026-12-05"] }, "DOCUMENTS_AHEAD")).toBe("NOT_MET");
    expect(stateOf({ documentsPostedOn: ["2026-12-04"] }, "DOCUMENTS_AHEAD")).toBe("MET");
    // Every document counts: one posted late makes the set late.
    expect(stateOf({ documentsPostedOn: ["2026-12-01", "2026-12-05"] }, "DOCUMENTS_AHEAD")).toBe("NOT_MET");
    expect(stateOf({ documentsPostedOn: [] }, "DOCUMENTS_AHEAD")).toBe("NOT_MET");
  });

  it("attendance of exactly 85.0% is met; one member fewer is not", () => {
    expect(stateOf({ expected: 20, present: 17 }, "ATTENDANCE")).toBe("MET");
    expect(stateOf({ expected: 40, present: 34 }, "ATTENDANCE")).toBe("MET");
    expect(stateOf({ expected: 40, present: 33 }, "ATTENDANCE")).toBe("NOT_MET");
    // 0.85 * 60 is 50.99999… in floating point: 51 of 60 is exactly 85%.
    expect(stateOf({ expected: 60, present: 51 }, "ATTENDANCE")).toBe("MET");
    expect(stateOf({ expected: 0, present: 0 }, "ATTENDANCE")).toBe("UNKNOWN");
  });

  it("the schedule must go out the set number of days ahead; an older record has no schedule to judge", () => {
    expect(calendarDaysBetween("2026-11-28", "2026-12-05")).toBe(7);
    expect(stateOf({ scheduleAnnouncedOn: "2026-11-28" }, "SCHEDULE_AHEAD")).toBe("MET");
    expect(stateOf({ scheduleAnnouncedOn: "2026-11-29" }, "SCHEDULE_AHEAD")).toBe("NOT_MET");
    expect(stateOf({ scheduleAnnouncedOn: null }, "SCHEDULE_AHEAD")).toBe("NOT_MET");
    expect(stateOf({ scheduleAnnouncedOn: null, startTime: null, endTime: null }, "SCHEDULE_AHEAD")).toBe("UNKNOWN");
  });

  it("the committee's preparation, unexcused absences and minutes", () => {
    expect(stateOf({ committeePrepared: false }, "COMMITTEE_PREPARED")).toBe("NOT_MET");
    expect(stateOf({ committeePrepared: null }, "COMMITTEE_PREPARED")).toBe("UNKNOWN");
    expect(stateOf({ unexcused: 1 }, "NO_UNEXCUSED")).toBe("NOT_MET");
    expect(stateOf({ hasMinutes: false }, "MINUTES")).toBe("NOT_MET");
  });

  it("a thematic meeting in the quarter: pending in its first months, missing in its last month or after", () => {
    expect(stateOf({ period: "2026-10", heldOn: "2026-10-05", today: "2026-10-10", thematicInQuarter: false }, "THEMATIC_IN_QUARTER")).toBe("UNKNOWN");
    expect(stateOf({ period: "2026-10", heldOn: "2026-10-05", today: "2027-01-10", thematicInQuarter: false }, "THEMATIC_IN_QUARTER")).toBe("NOT_MET");
    expect(stateOf({ period: "2026-12", thematicInQuarter: false }, "THEMATIC_IN_QUARTER")).toBe("NOT_MET");
  });

  it("a threshold of 0 leaves its criterion out, and the verdict follows the worst state", () => {
    const off = { ...thresholds, minMinutes: 0, minMinutesCombined: 0, scheduleDaysAhead: 0 };
    const keys = judgeMeetingQuality(good, off).map((result) => result.key);
    expect(keys).not.toContain("DURATION");
    expect(keys).not.toContain("SCHEDULE_AHEAD");
    expect(qualityVerdict(judgeMeetingQuality({ ...good, committeePrepared: null }, thresholds))).toBe("UNKNOWN");
    expect(qualityVerdict(judgeMeetingQuality({ ...good, committeePrepared: null, unexcused: 2 }, thresholds))).toBe("NOT_MET");
  });
});
