// The day the shared test database's demo was seeded (the seed records it):
// tests about the demo's contents compute their months from it, never from a fixed date.
import { testDb } from "./db";
import { DEMO_SEEDED_ON_KEY } from "@/lib/settings/demo-age";
import { hanoiInstant } from "@/lib/format/date";
import { reviewPeriodAt } from "@/lib/drafts/deadlines";

/** "YYYY-MM-DD" */
export async function demoSeededOn(): Promise<string> {
  const row = await testDb().appSetting.findUniqueOrThrow({ where: { key: DEMO_SEEDED_ON_KEY } });
  return String(row.value);
}

/** The drafts period the demo left open for review (the seed uses the app's rule and the default deadline day, 25). */
export async function demoReviewPeriod(): Promise<string> {
  return reviewPeriodAt(hanoiInstant(await demoSeededOn(), 7), 25);
}
