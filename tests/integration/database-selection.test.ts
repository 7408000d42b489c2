import crypto from "node:crypto";
import pg from "pg";
import { openAppDatabase, withDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { createPrismaClient } from "@/lib/db/client";

const testUrl = process.env.DATABASE_URL!;

async function dropDatabase(name: string) {
  const client = new pg.Client({ connectionString: withDatabase(testUrl, "postgres") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

describe("database selection", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("DATABASE_URL switches to that server and creates the database if it is missing", async () => {
    const name = `ext_${crypto.randomBytes(4).toString("hex")}`;
    process.env.DATABASE_URL = withDatabase(testUrl, name);
    const handle = await openAppDatabase();
    try {
      expect(handle).toMatchObject({ embedded: false, url: process.env.DATABASE_URL });
      // An external database gets migrations but no demo accounts.
      const prepared = await prepareDatabase(handle.url, { seedDemoWhenEmpty: false });
      expect(prepared.seeded).toBe(false);
      expect(prepared.authSecret.length).toBeGreaterThanOrEqual(32);
      const db = createPrismaClient(handle.url, 1);
      expect(await db.user.count()).toBe(0);
      expect(await db.orgUnit.count()).toBe(0);
      // The first administrator comes from ADMIN_USERNAME / ADMIN_PASSWORD, and must change the password.
      process.env.ADMIN_USERNAME = "quantri";
      process.env.ADMIN_PASSWORD = "Quản trị viên đầu tiên 2026";
      const again = await prepareDatabase(handle.url, { seedDemoWhenEmpty: false });
      expect(again.authSecret).toBe(prepared.authSecret);
      const admin = await db.user.findUniqueOrThrow({ where: { username: "quantri" }, include: { orgUnit: true } });
      expect(admin).toMatchObject({ role: "ADMIN", mustChangePassword: true, orgUnit: { level: "CITY", name: "Thành phố Hà Nội" } });
      await db.$disconnect();
    } finally {
      await handle.release();
      await dropDatabase(name);
    }
  });

  it("refuses a weak ADMIN_PASSWORD with a clear message", async () => {
    const name = `ext_${crypto.randomBytes(4).toString("hex")}`;
    process.env.DATABASE_URL = withDatabase(testUrl, name);
    process.env.ADMIN_USERNAME = "quantri";
    process.env.ADMIN_PASSWORD = "123456";
    const handle = await openAppDatabase();
    try {
      await expect(prepareDatabase(handle.url, { seedDemoWhenEmpty: false })).rejects.toThrow("ADMIN_PASSWORD không dùng được");
    } finally {
      await handle.release();
      await dropDatabase(name);
    }
  });

  it("reports an unreachable server instead of hanging", async () => {
    process.env.DATABASE_URL = "postgresql://nobody:x@127.0.0.1:1/none";
    await expect(openAppDatabase()).rejects.toThrow("Không kết nối được PostgreSQL theo DATABASE_URL");
  });
});
