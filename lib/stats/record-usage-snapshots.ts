import "server-only";
import type { Tx } from "@/lib/db/client";
import { listStatPeriods, lockHandbookStats, periodsToRefresh, refreshHandbookStats } from "./refresh-handbook-stats";
import { prismaRunner } from "./sql-runner";

export type UsageSnapshotInput = { branchId: number; date: string; usedInMeetings: boolean; newsPosts: number; documents: number };
export type UsageWriteResult = { created: number; updated: number; unchanged: number };

/**
 * Upserts snapshots by (branch, date) inside the caller's transaction, then
 * rebuilds the roll-ups of the branches and months that really changed. The
 * same rows twice leave the same state (and the second time change nothing).
 */
export async function recordUsageSnapshots(tx: Tx, rows: UsageSnapshotInput[], source: "import" | "api"): Promise<UsageWriteResult> {
  if (!rows.length) return { created: 0, updated: 0, unchanged: 0 };
  const run = prismaRunner(tx);
  await lockHandbookStats(run);
  const changed = await tx.$queryRaw<{ inserted: boolean; branchId: number; period: string }[]>`
    INSERT INTO "UsageSnapshot" ("branchId", date, period, "usedInMeetings", "newsPosts", documents, source, "createdAt", "updatedAt")
    SELECT t.branch_id, t.day, to_char(t.day, 'YYYY-MM'), t.used, t.news, t.docs, ${source}, now(), now()
    FROM unnest(${rows.map((row) => row.branchId)}::int[], ${rows.map((row) => row.date)}::date[], ${rows.map((row) => row.usedInMeetings)}::boolean[],
                ${rows.map((row) => row.newsPosts)}::int[], ${rows.map((row) => row.documents)}::int[]) AS t(branch_id, day, used, news, docs)
    ON CONFLICT ("branchId", date) DO UPDATE SET
      "usedInMeetings" = EXCLUDED."usedInMeetings", "newsPosts" = EXCLUDED."newsPosts", documents = EXCLUDED.documents,
      source = EXCLUDED.source, "updatedAt" = now()
    WHERE ("UsageSnapshot"."usedInMeetings", "UsageSnapshot"."newsPosts", "UsageSnapshot".documents)
      IS DISTINCT FROM (EXCLUDED."usedInMeetings", EXCLUDED."newsPosts", EXCLUDED.documents)
    RETURNING (xmax = 0) AS inserted, "branchId", period`;
  const created = changed.filter((row) => row.inserted).length;
  if (changed.length) {
    const periods = periodsToRefresh(await listStatPeriods(run), [...new Set(changed.map((row) => row.period))], { allCovered: false });
    await refreshHandbookStats(run, { periods, branchIds: [...new Set(changed.map((row) => row.branchId))] });
  }
  return { created, updated: changed.length - created, unchanged: rows.length - changed.length };
}
