import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { periodBounds, type Period } from "@/lib/periods/period";

// The seam every roll-up by org unit goes through. Reports of a period group
// branches under the tree as it was in that period (DESIGN §2, restructuring);
// until restructuring history exists, that is the current tree restricted to
// units in force during the period. Feature queries use these fragments
// instead of writing path joins themselves, so the rule changes in one place.

export type TreeMode = "as-of-period" | "current";

function validDuring(alias: string, period?: Period): Prisma.Sql {
  if (!period) return Prisma.sql`${Prisma.raw(alias)}."validTo" IS NULL`;
  const { start, end } = periodBounds(period);
  return Prisma.sql`${Prisma.raw(alias)}."validFrom" <= ${end}::date AND (${Prisma.raw(alias)}."validTo" IS NULL OR ${Prisma.raw(alias)}."validTo" > ${start}::date)`;
}

/** `SELECT branch_id` of every branch under the unit with `unitPath` (itself if it is a branch). */
export function branchesUnderSql(unitPath: string, options: { period?: Period; mode?: TreeMode } = {}): Prisma.Sql {
  const period = options.mode === "current" ? undefined : options.period;
  return Prisma.sql`SELECT b.id AS branch_id FROM "OrgUnit" b WHERE b.level = 'BRANCH' AND b.path LIKE ${unitPath} || '%' AND ${validDuring("b", period)}`;
}

/** `SELECT child_id, branch_id`: each branch under the unit, paired with the direct child of the unit it belongs to. */
export function branchesByChildSql(parentId: number, options: { period?: Period; mode?: TreeMode } = {}): Prisma.Sql {
  const period = options.mode === "current" ? undefined : options.period;
  return Prisma.sql`
    SELECT c.id AS child_id, b.id AS branch_id
    FROM "OrgUnit" c
    -- "b.path starts with c.path" written as a range, so that each child is one index range scan on
    -- the path (COLLATE "C") instead of a LIKE evaluated for every child × branch pair. Paths end in
    -- "/", and "0" is the character right after "/", so the range holds exactly the paths with that prefix.
    JOIN "OrgUnit" b ON b.level = 'BRANCH' AND b.path >= c.path AND b.path < left(c.path, -1) || '0' AND ${validDuring("b", period)}
    WHERE c."parentId" = ${parentId} AND ${validDuring("c", period)}`;
}

/**
 * `SELECT unit_id, parent_id, unit_level, branch_id`: every unit in force during the period,
 * its parent then, paired with each branch under it (a branch with itself). For roll-ups of
 * every unit at once (lib/stats materializes them per period).
 */
export function unitBranchPairsSql(options: { period?: Period; mode?: TreeMode } = {}): Prisma.Sql {
  const period = options.mode === "current" ? undefined : options.period;
  return Prisma.sql`
    SELECT a.id AS unit_id, a."parentId" AS parent_id, a.level AS unit_level, b.id AS branch_id
    FROM "OrgUnit" b
    CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM b.path), '/')::int[]) AS up(id)
    JOIN "OrgUnit" a ON a.id = up.id AND ${validDuring("a", period)}
    WHERE b.level = 'BRANCH' AND ${validDuring("b", period)}`;
}

/**
 * `SELECT parent_id, branch_id`: each branch under the unit with `unitPath`
 * (itself if it is a branch), paired with the unit it reported to in the
 * period — its ward. Per-branch lists that show or group by ward use this.
 */
export function branchesWithParentSql(unitPath: string, options: { period?: Period; mode?: TreeMode } = {}): Prisma.Sql {
  const period = options.mode === "current" ? undefined : options.period;
  return Prisma.sql`SELECT b."parentId" AS parent_id, b.id AS branch_id FROM "OrgUnit" b WHERE b.level = 'BRANCH' AND b.path LIKE ${unitPath} || '%' AND ${validDuring("b", period)}`;
}
