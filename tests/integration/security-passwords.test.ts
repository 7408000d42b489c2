// Password rules (ASVS 6.2 / 6.3.2): common passwords refused, 8..128
// characters, compared whole; no default administrator password outside the demo.
import crypto from "node:crypto";
import { hashPassword, passwordProblems, verifyPassword } from "@/lib/auth/password";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createUser as createUserAsAdmin } from "@/lib/users/users";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { createPrismaClient } from "@/lib/db/client";
import { withDatabase } from "@/scripts/db/server";
import { DEFAULT_DEMO_PASSWORD } from "@/prisma/seed/district";
import { actorOf, createTestWard, createUser, uniqueSuffix } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";

afterAll(closeTestDb);
const ip = () => `10.77.${crypto.randomInt(250)}.${crypto.randomInt(250)}`;

describe("password policy", () => {
  it.each(["password", "123456789", "qwertyuiop", "iloveyou", "matkhau123", "Admin@123", "dangvien123"])("refuses the common password %s", (password) => {
    expect(passwordProblems(password)).toContain("Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.");
  });

  it(`counts characters, not bytes: ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH}`, () => {
    expect(passwordProblems("Ngắn-7!")).toEqual([`Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`]);
    expect(passwordProblems("Đủ-tám-!")).toEqual([]);
    expect(passwordProblems("ậ".repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
    expect(passwordProblems("ậ".repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([`Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`]);
    expect(passwordProblems("nguyenvanan", "nguyenvanan")).toContain("Mật khẩu không được trùng tên đăng nhập.");
  });

  it("an administrator cannot give an account a common password", async () => {
    const { district } = await createTestWard();
    const admin = await actorOf(await createUser("ADMIN", district.id));
    await expect(createUserAsAdmin(admin, { username: `u${uniqueSuffix().toLowerCase()}`, displayName: "Người thử", role: "LEADER", orgUnitCode: "LB", password: "password123" })).rejects.toThrow(/quá phổ biến/);
  });
});

describe("passwords are compared whole", () => {
  // 128 Vietnamese characters are over 200 bytes in UTF-8: bcrypt would have compared only the first 72.
  const long = Array.from({ length: PASSWORD_MAX_LENGTH }, (_, i) => "đậmưởngấ"[i % 8]).join("");
  const lastDiffers = `${long.slice(0, -1)}${long.at(-1) === "ấ" ? "a" : "ấ"}`;

  it("by the hash: a 128-character password differing only in its last character fails", async () => {
    const hash = await hashPassword(long);
    expect(Buffer.byteLength(long)).toBeGreaterThan(3 * 72);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, lastDiffers)).toBe(false);
    expect(await verifyPassword(hash, long.slice(0, 72))).toBe(false);
  });

  it("by sign-in", async () => {
    const { wardUser } = await createTestWard();
    await testDb().user.update({ where: { id: wardUser.id }, data: { passwordHash: await hashPassword(long) } });
    expect((await signInWithPassword({ username: wardUser.username, password: lastDiffers, ip: ip() })).ok).toBe(false);
    expect((await signInWithPassword({ username: wardUser.username, password: long, ip: ip() })).ok).toBe(true);
  });
});

describe("no default administrator password outside the demo (ASVS 6.3.2)", () => {
  const env = { ADMIN_USERNAME: process.env.ADMIN_USERNAME, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD };
  const name = `sec_boot_${uniqueSuffix().toLowerCase()}`;
  const url = withDatabase(process.env.DATABASE_URL!, name);
  afterAll(async () => {
    Object.assign(process.env, env);
    if (env.ADMIN_USERNAME === undefined) delete process.env.ADMIN_USERNAME;
    if (env.ADMIN_PASSWORD === undefined) delete process.env.ADMIN_PASSWORD;
    await testDb().$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("a production database gets no demo accounts, and its first administrator must pass the policy", async () => {
    await testDb().$executeRawUnsafe(`CREATE DATABASE "${name}"`);
    process.env.ADMIN_USERNAME = "quantri";
    for (const weak of [DEFAULT_DEMO_PASSWORD.slice(0, 7), "admin123", "quantri"]) {
      process.env.ADMIN_PASSWORD = weak;
      await expect(prepareDatabase(url, { seedDemoWhenEmpty: false })).rejects.toThrow(/ADMIN_PASSWORD không dùng được/);
    }
    process.env.ADMIN_PASSWORD = "Một mật khẩu dài của quản trị 2026";
    await prepareDatabase(url, { seedDemoWhenEmpty: false });
    const db = createPrismaClient(url, 1);
    try {
      const users = await db.user.findMany();
      expect(users.map((user) => ({ username: user.username, role: user.role, mustChangePassword: user.mustChangePassword }))).toEqual([{ username: "quantri", role: "ADMIN", mustChangePassword: true }]);
      // The demo's password opens nothing here.
      expect(await verifyPassword(users[0].passwordHash, DEFAULT_DEMO_PASSWORD)).toBe(false);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
