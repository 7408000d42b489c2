import { dayOfMonthIn, formatDate, formatDateTime, formatPeriod, formatWaitingDays, hanoiInstant, periodOf, todayIso } from "@/lib/format/date";
import { openingPeriod, currentPeriod } from "@/lib/periods/period";
import { submissionDeadline } from "@/lib/drafts/deadlines";
import { setClock } from "@/lib/clock";
import { demoAge } from "@/lib/settings/demo-age";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";

describe("vi-VN formats", () => {
  it("groups thousands with dots", () => {
    expect(formatNumber(475880)).toBe("475.880");
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(null)).toBe("—");
  });

  it("writes percentages with a decimal comma and keeps values above 100%", () => {
    expect(formatPercent(442970 / 475880)).toBe("93,1%");
    expect(formatPercent(442970 / 432461, 2)).toBe("102,43%");
    expect(formatPercent(ratio(1, 0))).toBe("—");
  });

  it("formats dates as dd/MM/yyyy in Hà Nội time", () => {
    // 20:00 UTC on 30 Nov is already 1 Dec in Hà Nội.
    expect(formatDate(new Date("2026-11-30T20:00:00Z"))).toBe("01/12/2026");
    expect(formatDateTime(new Date("2026-11-26T01:05:00Z"))).toBe("08:05 26/11/2026");
  });

  it("names periods the way reports do", () => {
    expect(formatPeriod("2026-11")).toBe("Tháng 11/2026");
    expect(formatPeriod("2026-03")).toBe("Tháng 3/2026");
    expect(periodOf(new Date("2026-10-31T18:00:00Z"))).toBe("2026-11");
  });

  it("reads Hà Nội's day and wall-clock times from the time-zone database", () => {
    expect(hanoiInstant("2026-11-25", 23, 59, 59, 999).toISOString()).toBe("2026-11-25T16:59:59.999Z");
    expect(hanoiInstant("2026-12-01").toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(submissionDeadline("2026-12", 25).toISOString()).toBe("2026-11-25T16:59:59.999Z");
    expect(todayIso(new Date("2026-11-30T17:00:00Z"))).toBe("2026-12-01");
    expect(dayOfMonthIn(new Date("2026-11-30T16:59:59Z"))).toBe(30);
    // Without an argument: the clock, which a test sets.
    setClock("2027-02-01T00:30:00+07:00");
    try {
      expect(todayIso()).toBe("2027-02-01");
      expect(currentPeriod()).toBe("2027-02");
    } finally {
      setClock(null);
    }
  });

  it("opens a view on this month, or on the latest month with records while this one has none", () => {
    expect(openingPeriod("2026-12", "2026-12")).toBe("2026-12");
    expect(openingPeriod("2026-11", "2026-12")).toBe("2026-11"); // 1 December: nothing recorded yet
    expect(openingPeriod("2025-06", "2026-12")).toBe("2025-06"); // an old demo
    expect(openingPeriod(null, "2026-12")).toBe("2026-12"); // nothing at all: this month, empty
  });

  it("calls a demo old after a month", () => {
    expect(demoAge("2026-11-26", "2026-12-01")).toEqual({ seededOn: "2026-11-26", days: 5, stale: false });
    expect(demoAge("2026-11-26", "2026-12-27")).toMatchObject({ days: 31, stale: false });
    expect(demoAge("2026-11-26", "2027-11-26")).toMatchObject({ days: 365, stale: true });
  });

  it("says 'hôm nay' for a wait of less than a day", () => {
    expect(formatWaitingDays(0)).toBe("từ hôm nay");
    expect(formatWaitingDays(1)).toBe("1 ngày");
    expect(formatWaitingDays(1234)).toBe("1.234 ngày");
  });
});
