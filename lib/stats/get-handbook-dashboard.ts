import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findUnitInScope, unitAncestors } from "@/lib/org/org-units";
import { getHandbookOverview, type HandbookOverview } from "./get-handbook-overview";
import { getHandbookSeries, type HandbookSeries } from "./get-handbook-series";
import { getHandbookThresholds, listLaggingBranches } from "./list-lagging-branches";
import { listBranchUsageSnapshots, type UsageSnapshotItem } from "./list-branch-usage-snapshots";
import type { Thresholds } from "./handbook-figures";

const LAGGING_PAGE_SIZE = 20;

export type HandbookDashboard = {
  overview: HandbookOverview;
  series: HandbookSeries;
  thresholds: Thresholds;
  /** Units above, from the top; those outside the actor's scope are not links. */
  ancestors: { id: number; name: string; inScope: boolean }[];
  lagging: Awaited<ReturnType<typeof listLaggingBranches>> | null;
  snapshots: UsageSnapshotItem[] | null;
};

/** Everything the handbook dashboard page shows for one unit and month. */
export async function getHandbookDashboard(actor: Actor, options: { orgUnitId?: number; period?: string; laggingPage?: number }): Promise<HandbookDashboard> {
  const overview = await getHandbookOverview(actor, { orgUnitId: options.orgUnitId, period: options.period });
  const unit = overview.orgUnit;
  const isBranch = unit.level === "BRANCH";
  const [series, thresholds, ancestors, lagging, snapshots] = await Promise.all([
    getHandbookSeries(actor, { orgUnitId: unit.id, to: overview.period }),
    getHandbookThresholds(),
    findUnitInScope(actor, unit.id, "stats.read").then((found) => unitAncestors(actor, found.path)),
    isBranch ? null : listLaggingBranches(actor, { orgUnitId: unit.id, period: overview.period, page: options.laggingPage ?? 1, pageSize: LAGGING_PAGE_SIZE }),
    isBranch ? listBranchUsageSnapshots(actor, unit.id) : null,
  ]);
  return { overview, series, thresholds, ancestors, lagging, snapshots };
}
