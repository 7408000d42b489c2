import { createRandom } from "@/prisma/seed/random";
import { slugify, vietnameseName } from "@/prisma/seed/names";
import { LONG_BIEN_WARDS, PLAN_REFERENCE_DAY, planBranchMembers, planWardBranches } from "@/prisma/seed/district";
import { planDistrictDemo } from "@/prisma/seed";
import { tetFactor } from "@/prisma/seed/meetings";
import { lunarNewYear } from "@/lib/periods/tet";

describe("demo data plan", () => {
  it("is deterministic for a seed", () => {
    const a = planBranchMembers(createRandom(7), { id: 1, code: "X-01", kind: "RESIDENTIAL" });
    const b = planBranchMembers(createRandom(7), { id: 1, code: "X-01", kind: "RESIDENTIAL" });
    const c = planBranchMembers(createRandom(8), { id: 1, code: "X-01", kind: "RESIDENTIAL" });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("builds about 520 branches across the 14 wards of Long Biên", () => {
    const total = LONG_BIEN_WARDS.reduce((sum, ward) => sum + planWardBranches(`LB-${ward.code}`, ward).length, 0);
    expect(LONG_BIEN_WARDS).toHaveLength(14);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(total).toBeLessThanOrEqual(540);
  });

  it("writes Vietnamese names with diacritics and slugs usernames without them", () => {
    const name = vietnameseName(createRandom(1), "FEMALE");
    expect(name.split(" ").length).toBeGreaterThanOrEqual(3);
    expect(slugify("Thượng Thanh")).toBe("thuong-thanh");
    expect(slugify("Đức Giang")).toBe("duc-giang");
  });

  it("gives members realistic statuses: some exempt, some not eligible, most installed", () => {
    const random = createRandom(3);
    const members = Array.from({ length: 60 }, (_, i) => planBranchMembers(random, { id: i, code: `B-${i}`, kind: "RESIDENTIAL" })).flat();
    const share = (predicate: (m: (typeof members)[number]) => boolean) => members.filter(predicate).length / members.length;
    expect(share((m) => m.status === "EXEMPT")).toBeGreaterThan(0.03);
    expect(share((m) => m.status === "EXEMPT")).toBeLessThan(0.3);
    expect(share((m) => !m.eligibleForHandbook)).toBeGreaterThan(0.02);
    expect(share((m) => m.handbookInstalledAt !== null)).toBeGreaterThan(0.8);
    for (const m of members) if (m.leftBranchOn) expect(m.joinedBranchOn.getTime()).toBeLessThanOrEqual(m.leftBranchOn.getTime());
  });
});

describe("seed day", () => {
  it("moves the same members to the day the demo is seeded: ages, statuses and intervals kept", () => {
    const reference = planDistrictDemo(PLAN_REFERENCE_DAY).members;
    const seedDay = new Date(Date.UTC(2028, 0, 15));
    const moved = planDistrictDemo(seedDay).members;
    const days = Math.round((seedDay.getTime() - PLAN_REFERENCE_DAY.getTime()) / 86_400_000);
    expect(moved).toHaveLength(reference.length);
    for (const [i, member] of moved.entries()) {
      const before = reference[i];
      expect(member.status).toBe(before.status);
      expect(member.birthYear - before.birthYear).toBe(2);
      expect(member.joinedBranchOn.getTime() - before.joinedBranchOn.getTime()).toBe(days * 86_400_000);
      expect(member.joinedBranchOn.getTime()).toBeLessThanOrEqual(seedDay.getTime());
      if (member.handbookInstalledAt) expect(member.handbookInstalledAt.getTime()).toBeLessThanOrEqual(seedDay.getTime());
    }
    // Two machines seeding on the same day plan the same data.
    expect(planDistrictDemo(seedDay).members).toEqual(moved);
  });

  it("finds Tết for any year as the Vietnamese calendar does (UTC+7), not a table", () => {
    const known: Record<number, string> = {
      1985: "1985-01-21", // a month before the Chinese New Year of that year
      2007: "2007-02-17", // a day before China's (the new moon fell before midnight in Hà Nội)
      2024: "2024-02-10",
      2025: "2025-01-29",
      2026: "2026-02-17",
      2027: "2027-02-06",
      2028: "2028-01-26",
      2030: "2030-02-02", // again a day before China's 3 February
      2034: "2034-02-19", // after the leap 11th month of 2033
    };
    for (const [year, date] of Object.entries(known)) expect(lunarNewYear(Number(year))).toBe(date);
    for (let year = 1950; year <= 2100; year++) {
      const tet = lunarNewYear(year);
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
    }
  });

  it("dips meetings around Tết in whichever months the season falls", () => {
    expect(tetFactor("2026-02")).toBe(1);
    expect(tetFactor("2026-01")).toBe(0);
    expect(tetFactor("2025-01")).toBe(1);
    expect(tetFactor("2025-02")).toBeGreaterThan(0.5);
    expect(tetFactor("2031-01")).toBe(1); // Tết on 23 January 2031
    expect(tetFactor("2031-06")).toBe(0);
  });
});

describe("city data set plan", () => {
  it("reproduces the seed's totals exactly on any seed day and contains the district demo unchanged", async () => {
    const { planCity, CITY_TARGETS } = await import("@/prisma/seed/city");
    // A day other than the reference day the members are planned on: the figures must not move.
    const seedDay = new Date(Date.UTC(2027, 11, 1));
    const { plan } = planCity(seedDay);
    const current = plan.members.filter((m) => m.status === "ACTIVE" || m.status === "EXEMPT");
    expect({
      districts: plan.units.filter((u) => u.level === "DISTRICT").length,
      wards: plan.units.filter((u) => u.level === "WARD").length,
      branches: plan.units.filter((u) => u.level === "BRANCH").length,
      members: current.length,
      membersEligible: current.filter((m) => m.eligibleForHandbook).length,
      membersInstalled: current.filter((m) => m.handbookInstalledAt).length,
    }).toEqual(CITY_TARGETS);
    expect(CITY_TARGETS).toMatchObject({ branches: 16_762, members: 475_880, membersEligible: 432_461, membersInstalled: 442_970 });
    const district = planDistrictDemo(seedDay);
    const longBien = plan.members.filter((m) => m.code.startsWith("LB-")).map(({ id: _id, branchId: _b, ...m }) => m);
    expect(longBien).toEqual(district.members.map(({ id: _id, branchId: _b, ...m }) => m));
    expect(new Set(plan.users.map((u) => u.username)).size).toBe(plan.users.length);
    expect(new Set(plan.units.map((u) => u.code)).size).toBe(plan.units.length);
  }, 120_000);
});
