// Test data for handbook statistics: a ward of its own (two branches, five
// members each, three of them installed) with its roll-ups built, and the
// accounts that read or push figures.
import { db } from "@/lib/db/client";
import { refreshHandbookStats, listStatPeriods } from "@/lib/stats/refresh-handbook-stats";
import { prismaRunner } from "@/lib/stats/sql-runner";
import { actorOf, createTestWard, createUser, demoDistrict } from "./factories";

/** Rebuilds the roll-ups of these branches (and the units above) for every month that has roll-ups. */
export async function refreshStatsFor(branchIds: number[]): Promise<void> {
  await db().$transaction(
    async (tx) => {
      const run = prismaRunner(tx);
      await refreshHandbookStats(run, { periods: await listStatPeriods(run), branchIds });
    },
    { timeout: 120_000 },
  );
}

export async function createStatsWard(label = "Thống kê") {
  const ward = await createTestWard(label);
  await refreshStatsFor(ward.branches.map((branch) => branch.id));
  const leader = await actorOf(await createUser("LEADER", ward.ward.id));
  return { ...ward, leader };
}

/** A district board account (may push usage figures and run imports) for the demo district. */
export async function createBoardActor() {
  const district = await demoDistrict();
  return actorOf(await createUser("BOARD_REVIEWER", district.id));
}
