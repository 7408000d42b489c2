import "server-only";
import type { Tx } from "@/lib/db/client";

export type Moves = { branches: number; members: number; users: number; tokens: number; openFeedback: number };

/** Branches in force, their current members and their unacknowledged feedback under the given units: what moves with them. */
export async function countMoves(tx: Tx, paths: string[]): Promise<Pick<Moves, "branches" | "members" | "openFeedback">> {
  const patterns = paths.map((path) => `${path}%`);
  const rows = await tx.$queryRaw<{ branches: number; members: number; feedback: number }[]>`
    WITH b AS (SELECT id FROM "OrgUnit" WHERE level = 'BRANCH' AND "validTo" IS NULL AND path LIKE ANY(${patterns}::text[]))
    SELECT (SELECT count(*)::int FROM b) AS branches,
      (SELECT count(*)::int FROM "Member" m WHERE m."branchId" IN (SELECT id FROM b) AND m.status IN ('ACTIVE', 'EXEMPT')) AS members,
      (SELECT count(*)::int FROM "Feedback" f WHERE f."branchId" IN (SELECT id FROM b) AND f."acknowledgedAt" IS NULL) AS feedback`;
  return { branches: rows[0].branches, members: rows[0].members, openFeedback: rows[0].feedback };
}
