import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { findUnitInScope } from "@/lib/org/org-units";

export type UsageSnapshotItem = {
  date: string;
  period: string;
  usedInMeetings: boolean;
  newsPosts: number;
  documents: number;
  source: string;
  updatedAt: string;
  /** The latest snapshot of its month: the one the month's figures use. */
  countsForMonth: boolean;
};

/** The usage snapshots one branch reported, newest first (the last `limit`), loaded through the branch in scope. */
export async function listBranchUsageSnapshots(actor: Actor, branchId: number, limit = 60): Promise<UsageSnapshotItem[]> {
  const branch = await findUnitInScope(actor, branchId, "stats.read");
  if (branch.level !== "BRANCH") throw new NotFoundError("Không tìm thấy chi bộ.");
  const rows = await db().usageSnapshot.findMany({ where: { branchId: branch.id }, orderBy: { date: "desc" }, take: Math.min(Math.max(limit, 1), 500) });
  const seen = new Set<string>();
  return rows.map((row) => {
    const countsForMonth = !seen.has(row.period);
    seen.add(row.period);
    return {
      date: row.date.toISOString().slice(0, 10),
      period: row.period,
      usedInMeetings: row.usedInMeetings,
      newsPosts: row.newsPosts,
      documents: row.documents,
      source: row.source,
      updatedAt: row.updatedAt.toISOString(),
      countsForMonth,
    };
  });
}
