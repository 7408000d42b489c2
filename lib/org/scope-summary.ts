import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { currentPeriod } from "@/lib/periods/period";
import { countUnder, getScopeRoot } from "./org-units";

type Figures = { wards: number; branches: number; members: number; membersExpected: number; installed: number; eligible: number };

/**
 * Figures for the home page: the actor's scope root with its wards, branches, members and handbook installs.
 * They come from the month's roll-up of the root (HandbookStat, kept on every write of members), one row
 * read by key; counting the city's members from Member instead takes about a second. A unit without a
 * roll-up of this month (a new tree, rows from before the active-member figure) is counted from the raw rows.
 */
export async function getScopeSummary(actor: Actor) {
  const root = await getScopeRoot(actor);
  const figures = (await rolledUpFigures(root.id, root.path)) ?? (await countedFigures(root.path));
  return { root, ...figures };
}

async function rolledUpFigures(unitId: number, unitPath: string): Promise<Figures | null> {
  const [row] = await db().$queryRaw<{ wards: number; branches: number; members: number; membersExpected: number; installed: number; eligible: number }[]>`
    SELECT s."branchesTotal" AS branches, s."membersTotal" AS members, s."membersActive" AS "membersExpected",
      s."membersInstalled" AS installed, s."membersEligible" AS eligible,
      -- "path starts with" as a range (see lib/org/tree-sql.ts): one index range scan.
      (SELECT count(*)::int FROM "OrgUnit" w
        WHERE w.path >= ${unitPath} COLLATE "C" AND w.path < left(${unitPath}, -1) || '0' COLLATE "C" AND w.level = 'WARD' AND w."validTo" IS NULL) AS wards
    FROM "HandbookStat" s
    WHERE s."orgUnitId" = ${unitId} AND s.period = ${currentPeriod()} AND s."membersActive" IS NOT NULL`;
  return row ?? null;
}

async function countedFigures(unitPath: string): Promise<Figures> {
  const [counts, handbook] = await Promise.all([
    countUnder([unitPath]),
    db().$queryRaw<{ installed: bigint; eligible: bigint }[]>`
      SELECT count(*) FILTER (WHERE m."handbookInstalledAt" IS NOT NULL) AS installed,
             count(*) FILTER (WHERE m."eligibleForHandbook") AS eligible
      FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId"
      WHERE b.path LIKE ${unitPath} || '%' AND m.status IN ('ACTIVE', 'EXEMPT')`,
  ]);
  const c = counts.get(unitPath)!;
  return {
    wards: c.wards,
    branches: c.branches,
    members: c.members,
    membersExpected: c.membersExpected,
    installed: Number(handbook[0]?.installed ?? 0),
    eligible: Number(handbook[0]?.eligible ?? 0),
  };
}
