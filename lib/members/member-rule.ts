// The members' rule (Quy định 24-QĐ/TW, Điều 8) as a plain function: a member
// who, without good reason, misses party activity or does not pay party fees
// in 3 months of a calendar year is considered for removal. Shared by the
// flags query (which pre-counts the same months in SQL) and the unit tests.

/** Months in a calendar year that make a member a case. */
export const RULE_MONTHS_THRESHOLD = 3;

export type RuleReason = "ABSENT" | "UNPAID";

export const RULE_REASON_LABELS: Record<RuleReason, string> = {
  ABSENT: "Vắng sinh hoạt không lý do",
  UNPAID: "Chưa đóng đảng phí",
};

/**
 * One thing a member did or failed to do in a month, from any of their
 * branch records (a transfer keeps the person): an absence from a meeting
 * or an unpaid fee month. `excused` marks a good reason (absence excused,
 * or an unpaid month with a reason recorded); such events never count.
 */
export type RuleEvent = { period: string; reason: RuleReason; excused?: boolean; branchCode?: string };

export type RuleMonth = { period: string; reasons: RuleReason[]; branchCodes: string[] };

/** The months that count, oldest first: a month counts once, whatever and however many reasons it has. */
export function ruleMonths(events: RuleEvent[], year?: number): RuleMonth[] {
  const months = new Map<string, RuleMonth>();
  for (const event of events) {
    if (event.excused) continue;
    if (year !== undefined && event.period.slice(0, 4) !== String(year)) continue;
    const month = months.get(event.period) ?? { period: event.period, reasons: [], branchCodes: [] };
    if (!month.reasons.includes(event.reason)) month.reasons.push(event.reason);
    if (event.branchCode && !month.branchCodes.includes(event.branchCode)) month.branchCodes.push(event.branchCode);
    months.set(event.period, month);
  }
  for (const month of months.values()) month.reasons.sort((a, b) => (a === b ? 0 : a === "ABSENT" ? -1 : 1));
  return [...months.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** The member is a case when the months that count reach the threshold. */
export function breaksMemberRule(events: RuleEvent[], year?: number): boolean {
  return ruleMonths(events, year).length >= RULE_MONTHS_THRESHOLD;
}
