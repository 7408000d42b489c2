import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { periodBounds, type Period } from "@/lib/periods/period";

// The seam every roll-up by org unit goes through. Reports of a period group
// branches under the tree as it was in that period (docs/restructuring.md):
// "OrgUnitPlacement" holds where each unit stood (parent, path) over time, and
// restructuring events (lib/org/restructure) close one placement and open the
// next on the effective date, always the first day of a month, so within one
// period every unit has exactly one placement. `mode: "current"` (or no period)
// rolls up under today's tree ("OrgUnit", units in force). Feature queries use
// these fragments instead of writing path joins themselves.

export type TreeMode = "as-of-period" | "current";
type TreeOptions = { period?: Period; mode?: TreeMode };

function validDuring(alias: string, period?: Period): Prisma.Sql {
  if (!period) return Prisma.sql`${Prisma.raw(alias)}."validTo" IS NULL`;
  const { start, end } = periodBounds(period);
  return Prisma.sql`${Prisma.raw(alias)}."validFrom" <= ${end}::date AND (${Prisma.raw(alias)}."validTo" IS NULL OR ${Prisma.raw(alias)}."validTo" > ${start}::date)`;
}

function periodOf(options: TreeOptions): Period | undefined {
  return options.mode === "current" ? undefined : options.period;
}

function lastId(unitPath: string): number | null {
  const ids = unitPath.split("/").filter(Boolean);
  const id = ids.length ? Number(ids[ids.length - 1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * `SELECT path`: where the unit of `unitPath` (its current path; the last id names it) stood
 * during the period — no row when it was not in force then. "/" stands for the whole tree.
 */
export function placedPathSql(unitPath: string, period: Period): Prisma.Sql {
  const id = lastId(unitPath);
  if (id === null) return Prisma.sql`SELECT '/'::text COLLATE "C" AS path`;
  return Prisma.sql`SELECT u.path FROM "OrgUnitPlacement" u WHERE u."unitId" = ${id} AND ${validDuring("u", period)} ORDER BY u."validFrom" DESC LIMIT 1`;
}

// "b.path starts with c.path" written as a range, so that each prefix is one index range scan on
// the path (COLLATE "C") instead of a LIKE evaluated for every pair. Paths end in "/", and "0" is
// the character right after "/", so the range holds exactly the paths with that prefix.
function underRange(branch: string, root: string): Prisma.Sql {
  return Prisma.raw(`${branch}.path >= ${root}.path AND ${branch}.path < left(${root}.path, -1) || '0'`);
}

/** `SELECT branch_id` of every branch under the unit with `unitPath` (itself if it is a branch). */
export function branchesUnderSql(unitPath: string, options: TreeOptions = {}): Prisma.Sql {
  const period = periodOf(options);
  if (!period) {
    return Prisma.sql`SELECT b.id AS branch_id FROM "OrgUnit" b WHERE b.level = 'BRANCH' AND b.path LIKE ${unitPath} || '%' AND ${validDuring("b", period)}`;
  }
  return Prisma.sql`
    SELECT b."unitId" AS branch_id
    FROM (${placedPathSql(unitPath, period)}) up
    JOIN "OrgUnitPlacement" b ON b.level = 'BRANCH' AND ${underRange("b", "up")} AND ${validDuring("b", period)}`;
}

/**
 * `branchesUnderSql` once the unit's path in the period is known (placedPathSql, read first): the
 * range is then given as values, so the planner knows how many branches it holds (a city's: all of
 * them) and joins them to a period's rows by hash instead of probing each branch's row in turn.
 */
export function branchesUnderPlacedPathSql(placedPath: string, period: Period): Prisma.Sql {
  return Prisma.sql`
    SELECT b."unitId" AS branch_id FROM "OrgUnitPlacement" b
    WHERE b.level = 'BRANCH' AND b.path >= ${placedPath} COLLATE "C" AND b.path < left(${placedPath}, -1) || '0' COLLATE "C" AND ${validDuring("b", period)}`;
}

/** CTEs `pm` (period, start_on, end_on, the path the unit of `unitPath` had then) and `under` (the branch placements under those paths, read once). */
function periodsAndPlacementsSql(unitPath: string, periods: Period[]): Prisma.Sql {
  const id = lastId(unitPath);
  const months = Prisma.join(
    periods.map((period) => {
      const { start, end } = periodBounds(period);
      return Prisma.sql`(${period}::text, ${start}::date, ${end}::date)`;
    }),
  );
  const placed =
    id === null
      ? Prisma.sql`'/'::text COLLATE "C"`
      : Prisma.sql`(SELECT u.path FROM "OrgUnitPlacement" u WHERE u."unitId" = ${id} AND u."validFrom" <= v.end_on AND (u."validTo" IS NULL OR u."validTo" > v.start_on) ORDER BY u."validFrom" DESC LIMIT 1)`;
  return Prisma.sql`
    pm AS (SELECT v.period, v.start_on, v.end_on, ${placed} AS path FROM (VALUES ${months}) v(period, start_on, end_on)),
    under AS MATERIALIZED (
      SELECT up.path AS root, b."unitId", b."validFrom", b."validTo"
      FROM (SELECT DISTINCT path FROM pm WHERE path IS NOT NULL) up
      JOIN "OrgUnitPlacement" b ON b.level = 'BRANCH' AND ${underRange("b", "up")}
    )`;
}

/**
 * `SELECT period, branches`: how many branches were under the unit with `unitPath` during each
 * of the (non-empty) periods (no row for a period without any). Placements are read once and
 * counted by validity interval first, so a year of a city is one range scan and a few hundred
 * sums instead of twelve scans.
 */
export function branchCountsByPeriodSql(unitPath: string, periods: Period[]): Prisma.Sql {
  return Prisma.sql`
    WITH ${periodsAndPlacementsSql(unitPath, periods)},
    spans AS (SELECT root, "validFrom", "validTo", count(*) AS n FROM under GROUP BY root, "validFrom", "validTo")
    SELECT pm.period, sum(spans.n)::int AS branches
    FROM pm JOIN spans ON spans.root = pm.path AND spans."validFrom" <= pm.end_on AND (spans."validTo" IS NULL OR spans."validTo" > pm.start_on)
    GROUP BY pm.period`;
}

/** `SELECT child_id, branch_id`: each branch under the unit, paired with the direct child of the unit it belongs to. */
export function branchesByChildSql(parentId: number, options: TreeOptions = {}): Prisma.Sql {
  const period = periodOf(options);
  if (!period) {
    return Prisma.sql`
      SELECT c.id AS child_id, b.id AS branch_id
      FROM "OrgUnit" c
      JOIN "OrgUnit" b ON b.level = 'BRANCH' AND ${underRange("b", "c")} AND ${validDuring("b", period)}
      WHERE c."parentId" = ${parentId} AND ${validDuring("c", period)}`;
  }
  return Prisma.sql`
    SELECT c."unitId" AS child_id, b."unitId" AS branch_id
    FROM "OrgUnitPlacement" c
    JOIN "OrgUnitPlacement" b ON b.level = 'BRANCH' AND ${underRange("b", "c")} AND ${validDuring("b", period)}
    WHERE c."parentId" = ${parentId} AND ${validDuring("c", period)}`;
}

/**
 * `SELECT unit_id, parent_id, unit_level, branch_id`: every unit in force during the period,
 * its parent then, paired with each branch under it (a branch with itself). For roll-ups of
 * every unit at once (lib/stats materializes them per period).
 */
export function unitBranchPairsSql(options: TreeOptions & { branchIds?: number[] } = {}): Prisma.Sql {
  const period = periodOf(options);
  // Only these branches (and the units above them): a writer refreshing a few branches reads a few paths.
  const only = options.branchIds ? Prisma.sql`AND ${Prisma.raw(period ? 'b."unitId"' : "b.id")} = ANY(${options.branchIds}::int[])` : Prisma.empty;
  const branches = period
    ? Prisma.sql`SELECT b."unitId" AS id, b.path FROM "OrgUnitPlacement" b WHERE b.level = 'BRANCH' AND ${validDuring("b", period)} ${only}`
    : Prisma.sql`SELECT b.id, b.path FROM "OrgUnit" b WHERE b.level = 'BRANCH' AND ${validDuring("b", period)} ${only}`;
  // The parent of each unit in that period is the id before it on the branch's path then.
  return Prisma.sql`
    SELECT a.id AS unit_id, p.ids[up.ord::int - 1] AS parent_id, a.level AS unit_level, b.id AS branch_id
    FROM (${branches}) b
    CROSS JOIN LATERAL (SELECT string_to_array(trim(BOTH '/' FROM b.path), '/')::int[] AS ids) p
    CROSS JOIN LATERAL unnest(p.ids) WITH ORDINALITY AS up(id, ord)
    JOIN "OrgUnit" a ON a.id = up.id AND ${validDuring("a", period)}`;
}

/**
 * `SELECT parent_id, branch_id`: each branch under the unit with `unitPath`
 * (itself if it is a branch), paired with the unit it reported to in the
 * period — its ward. Per-branch lists that show or group by ward use this.
 */
export function branchesWithParentSql(unitPath: string, options: TreeOptions = {}): Prisma.Sql {
  const period = periodOf(options);
  if (!period) {
    return Prisma.sql`SELECT b."parentId" AS parent_id, b.id AS branch_id FROM "OrgUnit" b WHERE b.level = 'BRANCH' AND b.path LIKE ${unitPath} || '%' AND ${validDuring("b", period)}`;
  }
  return Prisma.sql`
    SELECT b."parentId" AS parent_id, b."unitId" AS branch_id
    FROM (${placedPathSql(unitPath, period)}) up
    JOIN "OrgUnitPlacement" b ON b.level = 'BRANCH' AND ${underRange("b", "up")} AND ${validDuring("b", period)}`;
}
