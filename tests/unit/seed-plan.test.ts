import { createRandom } from "@/prisma/seed/random";
import { slugify, vietnameseName } from "@/prisma/seed/names";
import { LONG_BIEN_WARDS, planBranchMembers, planWardBranches } from "@/prisma/seed/district";

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

describe("city data set plan", () => {
  it("reproduces the seed's totals exactly and contains the district demo unchanged", async () => {
    const { planCity, CITY_TARGETS } = await import("@/prisma/seed/city");
    const { planDistrictDemo } = await import("@/prisma/seed");
    const { plan } = planCity();
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
    const district = planDistrictDemo();
    const longBien = plan.members.filter((m) => m.code.startsWith("LB-")).map(({ id: _id, branchId: _b, ...m }) => m);
    expect(longBien).toEqual(district.members.map(({ id: _id, branchId: _b, ...m }) => m));
    expect(new Set(plan.users.map((u) => u.username)).size).toBe(plan.users.length);
    expect(new Set(plan.units.map((u) => u.code)).size).toBe(plan.units.length);
  }, 120_000);
});
