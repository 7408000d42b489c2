import { breaksMemberRule, ruleMonths, RULE_MONTHS_THRESHOLD, type RuleEvent } from "@/lib/members/member-rule";
import { belongedInMonth, expectedToPay, feeExemption } from "@/lib/fees/fee-rules";
import { parseFeeAmount, RecordFeesSchema } from "@/lib/fees/schemas";

const absent = (period: string, extra: Partial<RuleEvent> = {}): RuleEvent => ({ period, reason: "ABSENT", ...extra });
const unpaid = (period: string, extra: Partial<RuleEvent> = {}): RuleEvent => ({ period, reason: "UNPAID", ...extra });

describe("the members' rule: 3 months in a year without good reason", () => {
  it("exactly 3 months is a case, 2 is not", () => {
    expect(RULE_MONTHS_THRESHOLD).toBe(3);
    expect(breaksMemberRule([absent("2026-01"), unpaid("2026-04")])).toBe(false);
    expect(breaksMemberRule([absent("2026-01"), unpaid("2026-04"), absent("2026-09")])).toBe(true);
  });

  it("absent and unpaid in the same month count that month once, with both reasons", () => {
    const events = [absent("2026-03"), unpaid("2026-03"), unpaid("2026-05")];
    expect(ruleMonths(events)).toEqual([
      { period: "2026-03", reasons: ["ABSENT", "UNPAID"], branchCodes: [] },
      { period: "2026-05", reasons: ["UNPAID"], branchCodes: [] },
    ]);
    expect(breaksMemberRule(events)).toBe(false);
    // Two meetings in one month (regular + thematic), both missed: still one month.
    expect(ruleMonths([absent("2026-06"), absent("2026-06"), unpaid("2026-06")])).toHaveLength(1);
  });

  it("excused months do not count", () => {
    const events = [absent("2026-01"), absent("2026-02", { excused: true }), unpaid("2026-03", { excused: true }), unpaid("2026-04")];
    expect(ruleMonths(events).map((m) => m.period)).toEqual(["2026-01", "2026-04"]);
    expect(breaksMemberRule(events)).toBe(false);
    // An excused absence does not cancel an unpaid fee in the same month.
    expect(ruleMonths([absent("2026-07", { excused: true }), unpaid("2026-07")])).toEqual([{ period: "2026-07", reasons: ["UNPAID"], branchCodes: [] }]);
  });

  it("counts months from both branches across a transfer, and only the calendar year asked", () => {
    const events = [absent("2026-02", { branchCode: "LB-BD-05" }), unpaid("2026-04", { branchCode: "LB-BD-05" }), unpaid("2026-08", { branchCode: "LB-GT-12" }), absent("2025-12", { branchCode: "LB-BD-05" })];
    const months = ruleMonths(events, 2026);
    expect(months.map((m) => [m.period, m.branchCodes])).toEqual([
      ["2026-02", ["LB-BD-05"]],
      ["2026-04", ["LB-BD-05"]],
      ["2026-08", ["LB-GT-12"]],
    ]);
    expect(breaksMemberRule(events, 2026)).toBe(true);
    // December of the year before does not fill a gap: two months of 2026 from one branch only.
    expect(breaksMemberRule(events.filter((e) => e.branchCode === "LB-BD-05"), 2026)).toBe(false);
  });
});

describe("who pays party fees in a month", () => {
  const member = { status: "ACTIVE", feeExempt: false, joinedBranchOn: "2026-03-15", leftBranchOn: null as string | null };

  it("a member pays for every month they belonged on some day of, including the months they joined and left", () => {
    expect(belongedInMonth(member, "2026-02")).toBe(false);
    expect(belongedInMonth(member, "2026-03")).toBe(true);
    const left = { ...member, leftBranchOn: "2026-06-10" };
    expect(belongedInMonth(left, "2026-06")).toBe(true);
    expect(belongedInMonth(left, "2026-07")).toBe(false);
    // Left on the 1st: did not belong on any day of that month.
    expect(belongedInMonth({ ...member, leftBranchOn: "2026-07-01" }, "2026-07")).toBe(false);
  });

  it("members exempt from fees, and members excused from meetings, are not expected to pay", () => {
    expect(expectedToPay(member, "2026-04")).toBe(true);
    expect(feeExemption({ status: "ACTIVE", feeExempt: true })).toBe("Miễn đóng đảng phí");
    expect(expectedToPay({ ...member, feeExempt: true }, "2026-04")).toBe(false);
    expect(expectedToPay({ ...member, status: "EXEMPT" }, "2026-04")).toBe(false);
  });

  it("reads amounts as Vietnamese write them and refuses the rest", () => {
    expect(parseFeeAmount("50.000")).toBe(50000);
    expect(parseFeeAmount("50000 đ")).toBe(50000);
    expect(parseFeeAmount("1.250.000")).toBe(1250000);
    expect(parseFeeAmount("")).toBeNull();
    expect(parseFeeAmount("50,5")).toBeNaN();
    expect(parseFeeAmount("5.00")).toBeNaN();
  });

  it("the record's schema drops the amount of an unpaid month and the reason of a paid one", () => {
    const parsed = RecordFeesSchema.parse({ period: "2026-11", fees: [{ memberId: 1, paid: false, amount: 5000, reason: "Ốm nằm viện" }, { memberId: 2, paid: true, amount: 30000, reason: "x" }] });
    expect(parsed.fees).toEqual([
      { memberId: 1, paid: false, amount: null, reason: "Ốm nằm viện" },
      { memberId: 2, paid: true, amount: 30000, reason: null },
    ]);
    expect(RecordFeesSchema.safeParse({ period: "2026-11", fees: [{ memberId: 1, paid: true, amount: -1 }] }).success).toBe(false);
  });
});
