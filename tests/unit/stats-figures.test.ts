import fc from "fast-check";
import { figuresOf, rateTone } from "@/lib/stats/handbook-figures";
import { parseDateCell, parseYesNoCell } from "@/lib/stats/csv-cells";
import { periodsToRefresh, nextMonthStart } from "@/lib/stats/refresh-handbook-stats";
import { UsageImportRowSchema, UsagePushSchema, DashboardParamsSchema, oldestUsageDate } from "@/lib/stats/schemas";
import { memberRowMessage, type MemberRowProblem } from "@/lib/members/schemas";
import { HANDBOOK_THRESHOLDS } from "@/lib/stats/settings";
import { dashboardHref } from "@/components/stats/dashboard-href";
import { sortChildren } from "@/components/stats/child-units-figures-table";
import { formatPercent } from "@/lib/format/number";
import { setClock } from "@/lib/clock";

const row = (installed: number, total: number, eligible = total) => ({
  membersTotal: total,
  membersEligible: eligible,
  membersInstalled: installed,
  branchesTotal: 4,
  branchesReporting: 3,
  branchesUsingInMeetings: 3,
  newsPosts: 0,
  documents: 0,
});

describe("handbook figures", () => {
  it("computes the seed's rates and shows the one above 100% as it is", () => {
    const figures = figuresOf(row(442_970, 475_880, 432_461));
    expect(formatPercent(figures.installRate)).toBe("93,1%");
    expect(formatPercent(figures.eligibleInstallRate, 2)).toBe("102,43%");
    expect(figures.meetingUsageRate).toBe(0.75);
    expect(figuresOf(row(0, 0)).installRate).toBeNull();
  });

  it("colours a rate against the thresholds: red below the first, amber up to the second, green from it", () => {
    const thresholds = { low: 50, high: 80 };
    expect(rateTone(0.4999, thresholds)).toBe("bad");
    expect(rateTone(0.5, thresholds)).toBe("warn");
    expect(rateTone(0.7999, thresholds)).toBe("warn");
    expect(rateTone(0.8, thresholds)).toBe("ok");
    expect(rateTone(1.0243, thresholds)).toBe("ok");
    expect(rateTone(null, thresholds)).toBe("neutral");
  });

  it("thresholds are a setting: two ascending whole percentages", () => {
    expect(HANDBOOK_THRESHOLDS.defaultValue).toEqual([50, 80]);
    expect(HANDBOOK_THRESHOLDS.schema.safeParse(["60", "90"]).data).toEqual([60, 90]);
    expect(HANDBOOK_THRESHOLDS.schema.safeParse(["90", "60"]).success).toBe(false);
    expect(HANDBOOK_THRESHOLDS.schema.safeParse(["50"]).success).toBe(false);
    expect(HANDBOOK_THRESHOLDS.schema.safeParse(["0", "101"]).success).toBe(false);
  });
});

describe("CSV cells", () => {
  it("reads dates as Vietnamese users type them and refuses impossible days", () => {
    expect(parseDateCell("2026-11-26")).toBe("2026-11-26");
    expect(parseDateCell("26/11/2026")).toBe("2026-11-26");
    expect(parseDateCell("5/3/2026")).toBe("2026-03-05");
    expect(parseDateCell("2026-02-29")).toBeNull();
    expect(parseDateCell("31/04/2026")).toBeNull();
    expect(parseDateCell("hôm qua")).toBeNull();
  });

  it("reads yes and no with or without diacritics", () => {
    for (const yes of ["Có", "co", "CÓ", "x", "1", "true"]) expect(parseYesNoCell(yes)).toBe(true);
    for (const no of ["Không", "khong", "0", "false", "chưa"]) expect(parseYesNoCell(no)).toBe(false);
    expect(parseYesNoCell("có lẽ")).toBeNull();
  });

  it("a date always round-trips through both spellings", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-");
        expect(parseDateCell(iso)).toBe(iso);
        expect(parseDateCell(`${d}/${m}/${y}`)).toBe(iso);
      }),
    );
  });
});

describe("row schemas", () => {
  it("a usage line: code upper-cased, counts with thousands dots, empty counts are zero", () => {
    const parsed = UsageImportRowSchema.parse({ branchCode: " lb-bd-05 ", date: "01/11/2026", usedInMeetings: "Có", newsPosts: "1.200" });
    expect(parsed).toEqual({ branchCode: "LB-BD-05", date: "2026-11-01", usedInMeetings: true, newsPosts: 1200, documents: 0 });
  });

  it("a usage line is accepted back to the oldest allowed date of the day it is read, and no further", () => {
    setClock("2026-11-26T10:00:00+07:00");
    try {
      expect(oldestUsageDate()).toBe("2021-12-01");
      expect(UsageImportRowSchema.safeParse({ branchCode: "X", date: oldestUsageDate("2026-11-26"), usedInMeetings: "có" }).success).toBe(true);
      expect(UsageImportRowSchema.safeParse({ branchCode: "X", date: "30/11/2021", usedInMeetings: "có" }).success).toBe(false);
      // A month later the window has moved on by a month.
      setClock("2026-12-01T00:30:00+07:00");
      expect(UsageImportRowSchema.safeParse({ branchCode: "X", date: "01/12/2021", usedInMeetings: "có" }).success).toBe(false);
      expect(UsageImportRowSchema.safeParse({ branchCode: "X", date: "01/01/2022", usedInMeetings: "có" }).success).toBe(true);
    } finally {
      setClock(null);
    }
  });

  it("a push body refuses duplicates and names the row", () => {
    const result = UsagePushSchema.safeParse({ date: "2026-11-01", rows: [{ branchCode: "A", usedInMeetings: true }, { branchCode: "a", usedInMeetings: false }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["rows", 1, "branchCode"]);
    expect(UsagePushSchema.safeParse({ date: "2026-11-01", rows: [{ branchCode: "A", usedInMeetings: "có" }] }).success).toBe(false);
  });

  it("a refused member line: cell problems in column order first, then the rules across cells, then the branch, then a repeated code", () => {
    const clean = { row: 7, code: "LB-1", branchCode: "LB", status: "ACTIVE", joined: null, leftOn: null, installed: null, duplicateOf: null, formatOk: true, branchOk: true } as const;
    const none = { code_problem: null, branchCode_problem: null, fullName_problem: null, status_problem: null, eligibleForHandbook_problem: null, handbookInstalledAt_problem: null, gender_problem: null, birthYear_problem: null, joinedBranchOn_problem: null, leftBranchOn_problem: null };
    const line = (extra: Partial<MemberRowProblem>): MemberRowProblem => ({ ...clean, ...none, ...extra });
    expect(memberRowMessage(line({ formatOk: false, gender_problem: "format", gender_raw: "Khác", code_problem: "missing", handbookInstalledAt_problem: "future", installed: "2999-01-01" }))).toEqual([
      { row: 7, field: "code", message: "Nhập mã đảng viên." },
      { row: 7, field: "handbookInstalledAt", message: "Ngày cài Sổ tay 2999-01-01 ở tương lai." },
      { row: 7, field: "gender", message: 'Giới tính "Khác" không hợp lệ: ghi Nam hoặc Nữ.' },
    ]);
    expect(memberRowMessage(line({ formatOk: false, birthYear_problem: "max" }))[0].message).toBe("Năm sinh tối đa 9.999.");
    expect(memberRowMessage(line({ leftOn: "2026-01-01", joined: "2026-02-01", branchOk: false })).map((error) => error.message)).toEqual([
      "Đảng viên đang sinh hoạt hoặc miễn sinh hoạt thì không có ngày rời chi bộ.",
      "Ngày rời chi bộ trước ngày vào chi bộ.",
    ]);
    expect(memberRowMessage(line({ branchOk: false, duplicateOf: 3 }))).toEqual([{ row: 7, field: "branchCode", message: "Không có chi bộ mã LB đang hoạt động trong phạm vi của bạn." }]);
    expect(memberRowMessage(line({ duplicateOf: 3 }))).toEqual([{ row: 7, field: "code", message: "Trùng mã đảng viên LB-1 với dòng 3." }]);
  });

  it("dashboard parameters fall back to defaults instead of failing", () => {
    expect(DashboardParamsSchema.parse({ period: "bad", metric: "nope", sort: "x", page: "-3" })).toEqual({ period: undefined, metric: "install", sort: "name", page: 1 });
    expect(DashboardParamsSchema.parse({ period: "2026-10", metric: "meetings", sort: "install", page: "2" })).toEqual({ period: "2026-10", metric: "meetings", sort: "install", page: 2 });
  });
});

describe("which months a refresh rebuilds", () => {
  it("only touched months after usage changes; every month after member changes; gaps filled", () => {
    const covered = ["2026-09", "2026-10", "2026-11"];
    expect(periodsToRefresh(covered, ["2026-10"], { allCovered: false })).toEqual(["2026-10"]);
    expect(periodsToRefresh(covered, [], { allCovered: true })).toEqual(covered);
    expect(periodsToRefresh(covered, ["2027-01"], { allCovered: false })).toEqual(["2026-12", "2027-01"]);
    expect(periodsToRefresh([], ["2026-11"], { allCovered: true })).toEqual(["2026-11"]);
    expect(nextMonthStart("2026-12")).toBe("2027-01-01");
  });
});

describe("dashboard links and sorting", () => {
  it("keep the month and view in the URL, leaving defaults out", () => {
    expect(dashboardHref(7)).toBe("/dashboard/7");
    expect(dashboardHref(7, { period: "2026-10", metric: "install", sort: "name", page: 1 })).toBe("/dashboard/7?period=2026-10");
    expect(dashboardHref(7, { metric: "meetings", sort: "install", page: 3 })).toBe("/dashboard/7?metric=meetings&sort=install&page=3");
  });

  it("rates sort lowest first, counts largest first, names keep the server's Vietnamese order", () => {
    const unit = (id: number, name: string) => ({ id, code: String(id), name, level: "WARD" as const, parentId: 1 });
    const rows = [
      { orgUnit: unit(1, "Phường A"), ...figuresOf(row(9, 10)) },
      { orgUnit: unit(2, "Phường B"), ...figuresOf({ ...row(5, 10), newsPosts: 7 }) },
      { orgUnit: unit(3, "Phường C"), ...figuresOf(row(0, 0)) },
    ];
    expect(sortChildren(rows, "install").map((r) => r.orgUnit.id)).toEqual([3, 2, 1]);
    expect(sortChildren(rows, "news").map((r) => r.orgUnit.id)).toEqual([2, 1, 3]);
    expect(sortChildren(rows, "name")).toBe(rows);
  });
});
