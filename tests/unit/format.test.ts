import { formatDate, formatDateTime, formatWaitingDays, formatPeriod, periodOf } from "@/lib/format/date";
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

  it("says 'hôm nay' for a wait of less than a day", () => {
    expect(formatWaitingDays(0)).toBe("từ hôm nay");
    expect(formatWaitingDays(1)).toBe("1 ngày");
    expect(formatWaitingDays(1234)).toBe("1.234 ngày");
  });
});
