import "server-only";
import { db } from "@/lib/db/client";
import { currentPeriod, openingPeriod, type Period } from "@/lib/periods/period";
import { now as clockNow } from "@/lib/clock";

/**
 * The month the meetings pages (overview, alerts, home panels, API reads) open on:
 * this month, or the latest month with recorded meetings while this month has none.
 * Any branch's record counts: the question is whether the month has started being recorded.
 */
export async function defaultMeetingPeriod(now = clockNow()): Promise<Period> {
  const current = currentPeriod(now);
  const [latest] = await db().$queryRaw<{ period: string | null }[]>`SELECT max(period) AS period FROM "Meeting" WHERE period <= ${current}`;
  return openingPeriod(latest?.period ?? null, current);
}
