import { planDistrictDemo } from "@/prisma/seed";
import { DEMO_TODAY } from "@/prisma/seed/district";
import { CITY_USAGE_TARGETS, planUsageHistory, usagePeriods } from "@/prisma/seed/stats";

describe("usage history of the demo", () => {
  it("covers the 24 months up to the demo's today, one month's figure per branch, deterministically", () => {
    const plan = planDistrictDemo();
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
    expect(planUsageHistory(planDistrictDemo(), DEMO_TODAY)).toEqual(rows);
    // Adoption grows: more branches use it in meetings at the end than at the start.
    const using = (period: string) => rows.filter((row) => row.period === period && row.usedInMeetings).length;
    expect(using("2026-11")).toBeGreaterThan(using("2024-12") * 3);
    expect(using("2026-11") / plan.branches().length).toBeGreaterThan(0.6);
  });

  it("the city's latest month reproduces the seed exactly, Long Biên unchanged inside it", async () => {
    const { planCity } = await import("@/prisma/seed/city");
    const { plan } = planCity();
    const rows = planUsageHistory(plan, DEMO_TODAY);
    const latest = rows.filter((row) => row.period === "2026-11");
    expect({
      branchesUsingInMeetings: latest.filter((row) => row.usedInMeetings).length,
      newsPosts: latest.reduce((sum, row) => sum + row.newsPosts, 0),
      documents: latest.reduce((sum, row) => sum + row.documents, 0),
    }).toEqual(CITY_USAGE_TARGETS);
    expect(new Set(latest.map((row) => row.branchId)).size).toBe(latest.length);
    const longBienIds = new Set(plan.branches().filter((b) => b.code.startsWith("LB-")).map((b) => b.id));
    const district = planUsageHistory(planDistrictDemo(), DEMO_TODAY);
    expect(rows.filter((row) => longBienIds.has(row.branchId))).toEqual(district);
  }, 120_000);
});
