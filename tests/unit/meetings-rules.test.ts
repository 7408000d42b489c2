import { belongedOn, editingWindow, expectedOn, isDateInPeriod, lastMonths, meetingDeadline, meetingState } from "@/lib/meetings/rules";
import { sumFigures } from "@/lib/meetings/figures";
import { CloseMeetingSchema, IsoDateSchema, RecordMeetingSchema } from "@/lib/meetings/schemas";
import { todayIso, addDays } from "@/lib/format/date";

describe("deadline and missing meetings", () => {
  it("the deadline is a day of the next month, clamped to short months", () => {
    expect(meetingDeadline("2026-10", 5)).toBe("2026-11-05");
    expect(meetingDeadline("2026-12", 5)).toBe("2027-01-05");
    expect(meetingDeadline("2026-01", 28)).toBe("2026-02-28");
  });

  it("a branch without a record is pending up to the deadline day and missing from the next day", () => {
    expect(meetingState("2026-10", false, 5, "2026-11-05")).toBe("PENDING");
    expect(meetingState("2026-10", false, 5, "2026-11-06")).toBe("MISSING");
    expect(meetingState("2026-10", true, 5, "2027-03-01")).toBe("HELD");
  });

  it("sums branches into held, missing or pending and rates attendance over expected members only", () => {
    const cells = [
      { branches: 1, held: 1, present: 30, expected: 32, usedHandbook: 1, thematic: 0 },
      { branches: 1, held: 0, present: 0, expected: 0, usedHandbook: 0, thematic: 0 },
      { branches: 1, held: 1, present: 8, expected: 8, usedHandbook: 0, thematic: 1 },
    ];
    expect(sumFigures(cells, "2026-10", 5, "2026-11-02")).toMatchObject({ branches: 3, held: 2, missing: 0, pending: 1, attendanceRate: 38 / 40, usedHandbook: 1, thematic: 1 });
    expect(sumFigures(cells, "2026-10", 5, "2026-11-06")).toMatchObject({ missing: 1, pending: 0 });
    expect(sumFigures([], "2026-10", 5, "2026-11-06").attendanceRate).toBeNull();
  });
});

describe("editing window", () => {
  it("is open during the period and the configured days after it, then locked unless reopened", () => {
    expect(editingWindow({ period: "2026-10", editDays: 10, today: "2026-10-03" })).toEqual({ state: "OPEN", until: "2026-11-10" });
    expect(editingWindow({ period: "2026-10", editDays: 10, today: "2026-11-10" }).state).toBe("OPEN");
    expect(editingWindow({ period: "2026-10", editDays: 10, today: "2026-11-11" })).toEqual({ state: "LOCKED", since: "2026-11-11" });
    expect(editingWindow({ period: "2026-10", editDays: 10, reopenedUntil: "2026-12-01", today: "2026-11-20" })).toEqual({ state: "REOPENED", until: "2026-12-01" });
    expect(editingWindow({ period: "2026-10", editDays: 10, reopenedUntil: "2026-12-01", today: "2026-12-02" }).state).toBe("LOCKED");
    expect(editingWindow({ period: "2026-12", editDays: 10, today: "2026-11-30" })).toEqual({ state: "FUTURE" });
    expect(editingWindow({ period: "2026-10", editDays: 0, today: "2026-11-01" }).state).toBe("LOCKED");
  });
});

describe("who is expected at a meeting", () => {
  const member = { status: "ACTIVE", joinedBranchOn: new Date("2026-03-10T00:00:00Z"), leftBranchOn: new Date("2026-09-01T00:00:00Z") };
  it("counts a member only from the day they joined until the day before they left", () => {
    expect(belongedOn(member, "2026-03-09")).toBe(false);
    expect(belongedOn(member, "2026-03-10")).toBe(true);
    expect(belongedOn(member, "2026-08-31")).toBe(true);
    expect(belongedOn(member, "2026-09-01")).toBe(false);
  });
  it("does not expect members excused from meetings", () => {
    expect(expectedOn({ ...member, status: "EXEMPT" }, "2026-05-01")).toBe(false);
    expect(expectedOn(member, "2026-05-01")).toBe(true);
  });
});

describe("dates and periods", () => {
  it("uses the Hà Nội calendar for today", () => {
    expect(todayIso(new Date("2026-11-26T18:30:00Z"))).toBe("2026-11-27");
    expect(todayIso(new Date("2026-11-26T16:59:00Z"))).toBe("2026-11-26");
  });
  it("lists the 12 months ending with a period and tells dates inside a period", () => {
    expect(lastMonths("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(lastMonths("2026-11")).toHaveLength(12);
    expect(isDateInPeriod("2026-11-30", "2026-11")).toBe(true);
    expect(isDateInPeriod("2026-12-01", "2026-11")).toBe(false);
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
  });
});

describe("recording input", () => {
  const base = { branchId: 1, period: "2026-11", kind: "REGULAR", heldOn: "2026-11-12", usedHandbook: true };
  it("needs a reason for an excused absence and drops reasons of present members", () => {
    const refused = RecordMeetingSchema.safeParse({ ...base, attendance: [{ memberId: 1, status: "EXCUSED" }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["attendance", 0, "reason"], message: "Vắng có lý do: nhập lý do." });
    const parsed = RecordMeetingSchema.parse({ ...base, attendance: [{ memberId: 1, status: "PRESENT", reason: "x" }, { memberId: 2, status: "EXCUSED", reason: " Ốm " }] });
    expect(parsed.attendance).toEqual([
      { memberId: 1, status: "PRESENT", reason: null },
      { memberId: 2, status: "EXCUSED", reason: "Ốm" },
    ]);
  });
  it("refuses a member listed twice, unknown statuses and kinds, and impossible dates", () => {
    expect(RecordMeetingSchema.safeParse({ ...base, attendance: [{ memberId: 1, status: "PRESENT" }, { memberId: 1, status: "UNEXCUSED" }] }).error?.issues[0].message).toBe("Đảng viên #1 được điểm danh hai lần.");
    expect(RecordMeetingSchema.safeParse({ ...base, attendance: [{ memberId: 1, status: "LATE" }] }).success).toBe(false);
    expect(RecordMeetingSchema.safeParse({ ...base, kind: "SPECIAL", attendance: [] }).success).toBe(false);
    expect(IsoDateSchema.safeParse("2026-02-30").success).toBe(false);
    expect(IsoDateSchema.safeParse("12/11/2026").success).toBe(false);
  });
  it("closing needs real minutes", () => {
    expect(CloseMeetingSchema.safeParse({ minutes: "  ngắn  ", documents: [] }).error?.issues[0].message).toMatch(/ít nhất 20 ký tự/);
  });
});
