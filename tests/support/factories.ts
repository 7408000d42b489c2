// Each test builds the units and accounts it needs, with unique codes, so
// that tests run in parallel on one database without seeing each other.
import crypto from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { actorFromUser } from "@/lib/auth/actor-from-user";
import type { Actor } from "@/lib/auth/actor";
import { testDb } from "./db";

export const TEST_PASSWORD = "Mật khẩu thử nghiệm 2026!";
let passwordHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return crypto.randomBytes(4).toString("hex").toUpperCase();
}

async function sharedHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

async function createUnit(data: { code: string; name: string; level: "CITY" | "DISTRICT" | "WARD" | "BRANCH" }, parent: { id: number; path: string } | null) {
  const db = testDb();
  const created = await db.orgUnit.create({ data: { ...data, parentId: parent?.id ?? null, path: "/", depth: parent ? parent.path.split("/").filter(Boolean).length : 0, validFrom: new Date("2020-01-01") } });
  return db.orgUnit.update({ where: { id: created.id }, data: { path: `${parent?.path ?? "/"}${created.id}/` } });
}

export async function demoDistrict() {
  return testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB" } });
}

export async function createUser(role: Role, orgUnitId: number, username = `u-${uniqueSuffix().toLowerCase()}`) {
  return testDb().user.create({
    data: { username, displayName: `Người dùng ${username}`, role, orgUnitId, passwordHash: await sharedHash() },
    include: { orgUnit: true },
  });
}

export async function actorOf(user: Parameters<typeof actorFromUser>[0]): Promise<Actor> {
  return actorFromUser(user);
}

/** A new ward under the demo district with two branches, five members each, and one account per role. */
export async function createTestWard(label = "Thử nghiệm") {
  const district = await demoDistrict();
  const suffix = uniqueSuffix();
  const ward = await createUnit({ code: `T-${suffix}`, name: `Phường ${label} ${suffix}`, level: "WARD" }, district);
  const branches = [];
  for (const n of [1, 2]) {
    const branch = await createUnit({ code: `T-${suffix}-0${n}`, name: `Chi bộ Tổ dân phố số ${n} (${suffix})`, level: "BRANCH" }, ward);
    await testDb().member.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        code: `${branch.code}-${i + 1}`,
        branchId: branch.id,
        fullName: `Đảng viên ${i + 1} ${suffix}`,
        status: i === 4 ? ("EXEMPT" as const) : ("ACTIVE" as const),
        eligibleForHandbook: true,
        handbookInstalledAt: i < 3 ? new Date("2025-05-01") : null,
        joinedBranchOn: new Date("2015-01-01"),
      })),
    });
    branches.push(branch);
  }
  const wardUser = await createUser("WARD_COMMITTEE", ward.id);
  const secretary = await createUser("BRANCH_SECRETARY", branches[0].id);
  return { district, ward, branches, wardUser, secretary, wardActor: await actorOf(wardUser), secretaryActor: await actorOf(secretary) };
}
