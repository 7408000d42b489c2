import { testDb, closeTestDb } from "../support/db";
import { LONG_BIEN_WARDS } from "@/prisma/seed/district";
import { slugify } from "@/prisma/seed/names";
import { verifyPassword } from "@/lib/auth/password";
import { DEFAULT_DEMO_PASSWORD } from "@/prisma/seed/district";

afterAll(closeTestDb);

describe("district demo data", () => {
  it("has the city, Quận Long Biên and its 14 named wards", async () => {
    const district = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB" }, include: { parent: true } });
    expect(district.name).toBe("Quận Long Biên");
    expect(district.parent?.name).toBe("Thành phố Hà Nội");
    const wards = await testDb().orgUnit.findMany({ where: { parentId: district.id, code: { startsWith: "LB-" } } });
    expect(wards.map((ward) => ward.name).sort()).toEqual(LONG_BIEN_WARDS.map((ward) => `Phường ${ward.name}`).sort());
  });

  it("has about 520 branches and 18,000 members with exempt and ineligible members", async () => {
    const branches = await testDb().orgUnit.count({ where: { level: "BRANCH", code: { startsWith: "LB-" } } });
    expect(branches).toBeGreaterThanOrEqual(500);
    expect(branches).toBeLessThanOrEqual(540);
    const members = await testDb().member.count({ where: { code: { startsWith: "LB-" } } });
    expect(members).toBeGreaterThan(16_500);
    expect(members).toBeLessThan(19_500);
    expect(await testDb().member.count({ where: { code: { startsWith: "LB-" }, status: "EXEMPT" } })).toBeGreaterThan(300);
    expect(await testDb().member.count({ where: { code: { startsWith: "LB-" }, eligibleForHandbook: false } })).toBeGreaterThan(200);
  });

  it("has the README's demo accounts with the demo password", async () => {
    const usernames = ["admin", "bantochuc", "lanhdao", "lanhdao-thanhpho", ...LONG_BIEN_WARDS.map((ward) => `phuong-${slugify(ward.name)}`), "chibo-lb-bd-01"];
    const users = await testDb().user.findMany({ where: { username: { in: usernames } }, include: { orgUnit: true } });
    expect(users.map((user) => user.username).sort()).toEqual([...usernames].sort());
    const byName = new Map(users.map((user) => [user.username, user]));
    expect(byName.get("phuong-thuong-thanh")?.orgUnit.name).toBe("Phường Thượng Thanh");
    expect(byName.get("lanhdao-thanhpho")?.orgUnit.level).toBe("CITY");
    expect(byName.get("chibo-lb-bd-01")?.orgUnit.code).toBe("LB-BD-01");
    expect(await verifyPassword(byName.get("admin")!.passwordHash, DEFAULT_DEMO_PASSWORD)).toBe(true);
    const secretaries = await testDb().user.count({ where: { role: "BRANCH_SECRETARY", username: { startsWith: "chibo-lb-" } } });
    expect(secretaries).toBe(await testDb().orgUnit.count({ where: { level: "BRANCH", code: { startsWith: "LB-" } } }));
  });
});
