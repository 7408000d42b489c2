// The demo data set: the district foundation plus whatever each feature adds
// (meetings, drafts, usage history). `npm start` runs it on an empty embedded
// database; `npm run seed` runs it on demand.
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { seedDistrictDemo, DEFAULT_DEMO_PASSWORD, type SeededDistrict } from "./district";

export type SeedLog = (message: string) => void;
export type DemoSeedStep = {
  name: string;
  run: (db: Prisma.TransactionClient, district: SeededDistrict, log: SeedLog) => Promise<void>;
};

/** Feature issues append their steps here; each runs after the district foundation. */
export const DEMO_SEED_STEPS: DemoSeedStep[] = [];

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.orgUnit.count()) === 0 && (await db.user.count()) === 0;
}

/** Seeds the district demo in one transaction: a failure leaves the database empty. */
export async function seedDemo(db: PrismaClient, options: { passwordHash: string; log?: SeedLog }): Promise<SeededDistrict> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const district = await db.$transaction(
    async (tx) => {
      const seeded = await seedDistrictDemo(tx, { passwordHash: options.passwordHash, log });
      for (const step of DEMO_SEED_STEPS) {
        log(`Dữ liệu demo: ${step.name} ...`);
        await step.run(tx, seeded, log);
      }
      return seeded;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  log(`Dữ liệu demo xong sau ${((Date.now() - started) / 1000).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} giây.`);
  return district;
}
