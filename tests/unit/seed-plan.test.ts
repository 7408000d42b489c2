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
