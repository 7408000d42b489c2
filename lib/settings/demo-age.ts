import "server-only";
import { db } from "@/lib/db/client";
import { todayIso } from "@/lib/format/date";

/** AppSetting key the demo seed writes: the day the demo describes ("YYYY-MM-DD"). Absent on real data. */
export const DEMO_SEEDED_ON_KEY = "demo.seededOn";

/** Past a month the demo's "this month" views no longer match its data: the app says so. */
const DEMO_STALE_AFTER_DAYS = 31;

export type DemoAge = { seededOn: string; days: number; stale: boolean };

/** How old a demo seeded on `seededOn` is on `today` (Hà Nội days). */
export function demoAge(seededOn: string, today: string = todayIso()): DemoAge {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${seededOn}T00:00:00Z`)) / 86_400_000);
  return { seededOn, days, stale: days > DEMO_STALE_AFTER_DAYS };
}

/** The age of the demo data in this database, or null when the data is not a demo. */
export async function readDemoAge(): Promise<DemoAge | null> {
  const row = await db().appSetting.findUnique({ where: { key: DEMO_SEEDED_ON_KEY } });
  const value = row?.value;
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? demoAge(value) : null;
}
