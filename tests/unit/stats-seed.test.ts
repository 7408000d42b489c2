import { planDistrictDemo } from "@/prisma/seed";
// Seed days, not the wall clock: the demo is planned relative to the day it is seeded.
const DEMO_TODAY = new Date(Date.UTC(2026, 10, 26));
const ANOTHER_DAY = new Date(Date.UTC(2028, 2, 1));
import { CITY_USAGE_TARGETS, planUsageHistory, usagePeriods } from "@/prisma/seed/stats";
import { addMonths } from "@/lib/periods/period";

describe("usage history of the demo", () => {
  it("covers the 24 months up to the demo's today, one month's figure per branch, deterministically", () => {
    const plan = planDistrictDemo(DEMO_TODAY);
    const rows = planUsageHistory(plan, DEMO_TODAY);
    expect(usagePeriods(DEMO_TODAY)).toHaveLength(24);
    expect(usagePeriods(DEMO_TODAY).at(-1)).toBe("2026-11");
    expect(usagePeriods(DEMO_TODAY)[0]).toBe("2024-12");
    for (const row of rows) {
      expect(row.date.toISOString().slice(0, 7)).toBe(row.period);
      expect(row.date.getTime()).toBeLessThanOrEqual(DEMO_TODAY.getTime());
      expect(row.newsPosts).toBeGreaterThanOrEqual(0);
    }
    const keys = rows.map((row) => `${row.branchId}:${row.date.toISOString()}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(planUsageHistory(planDistrictDemo(DEMO_TODAY), DEMO_TODAY)).toEqual(rows);
    // Adoption grows: more branches use it in meetings at the end than at the start.
    const using = (period: string) => rows.filter((row) => row.period === period && row.usedInMeetings).length;
    expect(using("2026-11")).toBeGreaterThan(using("2024-12") * 3);
    expect(using("2026-11") / plan.branches().length).toBeGreaterThan(0.6);
  });

  it("follows the seed day: the 24 months up to another day, the same adoption curve", () => {
    const rows = planUsageHistory(planDistrictDemo(ANOTHER_DAY), ANOTHER_DAY);
    expect(usagePeriods(ANOTHER_DAY)).toEqual(usagePeriods(DEMO_TODAY).map((period) => addMonths(period, 16)));
    for (const row of rows) expect(row.date.getTime()).toBeLessThanOrEqual(ANOTHER_DAY.getTime());
    const latest = rows.filter((row) => row.period === "2028-03");
    expect(latest.every((row) => row.date.getTime() === ANOTHER_DAY.getTime())).toBe(true);
    const reference = planUsageHistory(planDistrictDemo(DEMO_TODAY), DEMO_TODAY).filter((row) => row.period === "2026-11");
    expect(latest.filter((row) => row.usedInMeetings).length).toBe(reference.filter((row) => row.usedInMeetings).length);
  });

  it("the city's latest month reproduces the seed exactly on any seed day, Long Biên unchanged inside it", async () => {
    const { planCity } = await import("@/prisma/seed/city");
    const { plan } = planCity(ANOTHER_DAY);
    const rows = planUsageHistory(plan, ANOTHER_DAY);
    const latest = rows.filter((row) => row.period === "2028-03");
    expect({
      branchesUsingInMeetings: latest.filter((row) => row.usedInMeetings).length,
      newsPosts: latest.reduce((sum, row) => sum + row.newsPosts, 0),
      documents: latest.reduce((sum, row) => sum + row.documents, 0),
    }).toEqual(CITY_USAGE_TARGETS);
    expect(new Set(latest.map((row) => row.branchId)).size).toBe(latest.length);
    const longBienIds = new Set(plan.branches().filter((b) => b.code.startsWith("LB-")).map((b) => b.id));
    const district = planUsageHistory(planDistrictDemo(ANOTHER_DAY), ANOTHER_DAY);
    expect(rows.filter((row) => longBienIds.has(row.branchId))).toEqual(district);
  }, 120_000);
});
