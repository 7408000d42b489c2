import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentPeriod } from "@/lib/periods/period";
import { listStatPeriods, periodsToRefresh, refreshHandbookStats } from "./refresh-handbook-stats";
import { prismaRunner } from "./sql-runner";

/**
 * Rebuilds every month's roll-ups from the raw data: for changes that did not
 * come through an import or the API (a restructuring, a manual database fix).
 * Administrators only; audited.
 */
export async function rebuildHandbookStats(actor: Actor): Promise<{ periods: number }> {
  assertCan(actor, "settings.manage");
  return db().$transaction(
    async (tx) => {
      const run = prismaRunner(tx);
      const periods = periodsToRefresh(await listStatPeriods(run), [currentPeriod()], { allCovered: true });
      await refreshHandbookStats(run, { periods });
      await recordAuditEvent(tx, actor, { action: "stats.handbook.rebuilt", entityType: "HandbookStat", details: { periods: periods.length } });
      return { periods: periods.length };
    },
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
}
