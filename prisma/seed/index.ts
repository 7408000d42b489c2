// Demo data: the district demo (default, seeded by `npm start` on an empty
// embedded database) or the whole city (`npm run seed -- --scale city`),
// as of the day it is seeded (the clock, lib/clock.ts): the same day gives the
// same data on every machine. The day is recorded (DEMO_SEEDED_ON_KEY) so that
// the app can say when a demo has grown old.
// The foundation writes the org tree, members and accounts; each feature adds
// its history as a step. Everything is one transaction: a failure leaves the
// database empty.
import pg from "pg";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { createRandom } from "./random";
import { DEFAULT_DEMO_PASSWORD, DEMO_SEED, demoDay, planLongBien, shiftMembersTo } from "./district";
import { planCity } from "./city";
import { PlanBuilder } from "./plan";
import { writePlan } from "./write";
import { statsSeedStep } from "./stats";
import { MEETINGS_SEED_STEP } from "./meetings";
import { FEES_SEED_STEP } from "./fees";
import { draftsSeedStep } from "./drafts";
import { followersSeedStep } from "./followers";
import { DEMO_SEEDED_ON_KEY } from "../../lib/settings/demo-age";

export type SeedScale = "district" | "city";
export type SeedLog = (message: string) => void;

export type SeedContext = {
  /** One connection inside the seed's transaction; use lib/db/copy.ts for bulk rows. */
  client: pg.ClientBase;
  scale: SeedScale;
  plan: PlanBuilder;
  /** The demo's "today" (the seed day, UTC midnight): history ends here. */
  today: Date;
  log: SeedLog;
};

export type DemoSeedStep = { name: string; run: (context: SeedContext) => Promise<void> };

/** Feature areas append their steps (meetings, drafts, usage history); they run in this order. */
const DEMO_SEED_STEPS: DemoSeedStep[] = [draftsSeedStep, MEETINGS_SEED_STEP, FEES_SEED_STEP, statsSeedStep, followersSeedStep];

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.orgUnit.count()) === 0 && (await db.user.count()) === 0;
}

export function planDistrictDemo(seedDay: Date = demoDay()): PlanBuilder {
  const plan = new PlanBuilder();
  const city = plan.addUnit({ code: "HN", name: "Thành phố Hà Nội", level: "CITY" }, null);
  plan.addUser({ username: "admin", displayName: "Quản trị hệ thống", role: "ADMIN" }, city);
  plan.addUser({ username: "lanhdao-thanhpho", displayName: "Lãnh đạo Thành ủy Hà Nội", role: "LEADER" }, city);
  planLongBien(plan, city, createRandom(DEMO_SEED));
  shiftMembersTo(plan.members, seedDay);
  return plan;
}

export async function seedDemo(url: string, options: { passwordHash: string; scale?: SeedScale; log?: SeedLog; today?: Date }): Promise<PlanBuilder> {
  const log = options.log ?? (() => undefined);
  const scale = options.scale ?? "district";
  const today = options.today ?? demoDay();
  const started = Date.now();
  log(scale === "city" ? "Lập dữ liệu cả thành phố: 30 quận, huyện, 579 phường, xã, 16.762 chi bộ, 475.880 đảng viên ..." : "Lập dữ liệu quận Long Biên: 14 phường, 523 chi bộ ...");
  const plan = scale === "city" ? planCity(today).plan : planDistrictDemo(today);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await writePlan(client, plan, options.passwordHash, today, log);
    for (const step of DEMO_SEED_STEPS) {
      log(`Dữ liệu demo: ${step.name} ...`);
      await step.run({ client, scale, plan, today, log });
    }
    const seededOn = JSON.stringify(today.toISOString().slice(0, 10));
    await client.query(
      `INSERT INTO "AppSetting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [DEMO_SEEDED_ON_KEY, seededOn],
    );
    await client.query("COMMIT");
    // After a bulk load one VACUUM sets the visibility map, so that the roll-ups that read an index
    // alone (the drafts summary, the meeting roll-up) do not visit every row until autovacuum passes.
    await client.query(`VACUUM (ANALYZE) "Draft", "Meeting"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  log(`Dữ liệu demo xong sau ${((Date.now() - started) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây.`);
  return plan;
}
