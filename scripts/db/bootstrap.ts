// Brings a database to a usable state: extensions, migrations, demo data or a
// first administrator, and the shared auth secret. Used by `npm start`,
// `npm run seed` and the test setup.
import crypto from "node:crypto";
import { applyMigrations } from "./migrations";
import { ensureExtensions } from "./server";
import { createPrismaClient } from "@/lib/db/client";
import { hashPassword, passwordProblems } from "@/lib/auth/password";
import { demoPassword, isDatabaseEmpty, seedDemo } from "@/prisma/seed";
import { now as clockNow } from "@/lib/clock";
import { formatDate } from "@/lib/format/date";
import { DEMO_SEEDED_ON_KEY, demoAge } from "@/lib/settings/demo-age";

type Log = (message: string) => void;

type PrepareOptions = {
  /** Seed the district demo when the database is empty (embedded database, tests). */
  seedDemoWhenEmpty: boolean;
  log?: Log;
};

type PreparedDatabase = { authSecret: string; seeded: boolean; applied: string[] };

const AUTH_SECRET_KEY = "auth.secret";

export async function prepareDatabase(url: string, options: PrepareOptions): Promise<PreparedDatabase> {
  const log = options.log ?? (() => undefined);
  await ensureExtensions(url);
  const applied = await applyMigrations(url);
  if (applied.length) log(`Đã áp dụng ${applied.length} migration.`);
  const db = createPrismaClient(url, 4);
  try {
    let seeded = false;
    if (await isDatabaseEmpty(db)) {
      if (options.seedDemoWhenEmpty) {
        log("Cơ sở dữ liệu trống: nạp dữ liệu demo quận Long Biên ...");
        await seedDemo(url, { passwordHash: await hashPassword(demoPassword()), log });
        seeded = true;
      } else {
        await createFirstAdministrator(db, log);
      }
    } else {
      const seededOn = (await db.appSetting.findUnique({ where: { key: DEMO_SEEDED_ON_KEY } }))?.value;
      const age = typeof seededOn === "string" ? demoAge(seededOn) : null;
      if (age?.stale) log(`Dữ liệu demo nạp ngày ${formatDate(`${age.seededOn}T00:00:00Z`)} (${age.days} ngày trước). Nạp lại theo ngày hôm nay: npm run seed -- --reset`);
    }
    return { authSecret: await ensureAuthSecret(db), seeded, applied };
  } finally {
    await db.$disconnect();
  }
}

/** The JWT signing secret, shared through the database by every app instance unless NEXTAUTH_SECRET is set. */
async function ensureAuthSecret(db: ReturnType<typeof createPrismaClient>): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const candidate = crypto.randomBytes(48).toString("base64url");
  await db.appSetting.upsert({ where: { key: AUTH_SECRET_KEY }, create: { key: AUTH_SECRET_KEY, value: candidate }, update: {} });
  const stored = await db.appSetting.findUniqueOrThrow({ where: { key: AUTH_SECRET_KEY } });
  return String(stored.value);
}

/**
 * An empty external database gets no demo accounts: its first administrator
 * comes from ADMIN_USERNAME / ADMIN_PASSWORD, or `npm run admin:create`.
 */
async function createFirstAdministrator(db: ReturnType<typeof createPrismaClient>, log: Log): Promise<void> {
  const username = process.env.ADMIN_USERNAME?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!username || !password) {
    log(
      "Cơ sở dữ liệu trống và không có dữ liệu demo. Tạo quản trị viên đầu tiên bằng biến ADMIN_USERNAME và ADMIN_PASSWORD, " +
        "hoặc: npm run admin:create -- --username <tên> --unit-code <mã> --unit-name <tên đơn vị gốc>",
    );
    return;
  }
  const problems = passwordProblems(password, username);
  if (problems.length) throw new Error(`ADMIN_PASSWORD không dùng được: ${problems.join(" ")}`);
  await createAdministrator(db, {
    username,
    password,
    rootCode: process.env.ADMIN_UNIT_CODE ?? "HN",
    rootName: process.env.ADMIN_UNIT_NAME ?? "Thành phố Hà Nội",
  });
  log(`Đã tạo quản trị viên "${username}".`);
}

export async function createAdministrator(
  db: ReturnType<typeof createPrismaClient>,
  input: { username: string; password: string; rootCode: string; rootName: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    let root = await tx.orgUnit.findFirst({ where: { parentId: null, validTo: null }, orderBy: { id: "asc" } });
    if (!root) {
      const created = await tx.orgUnit.create({
        data: { code: input.rootCode, name: input.rootName, level: "CITY", path: "/", depth: 0, validFrom: clockNow() },
      });
      root = await tx.orgUnit.update({ where: { id: created.id }, data: { path: `/${created.id}/` } });
    }
    const user = await tx.user.create({
      data: { username: input.username, displayName: "Quản trị hệ thống", role: "ADMIN", orgUnitId: root.id, passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
    });
    await tx.auditEvent.create({
      data: { actorLabel: "system", action: "user.created", entityType: "User", entityId: String(user.id), orgUnitId: root.id, details: { username: user.username, role: "ADMIN", via: "bootstrap" } },
    });
  });
}
