import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db/client";

// The writes a restructuring event is made of. Each keeps "OrgUnit" (the current
// placement) and "OrgUnitPlacement" (placements over time) in step: the open
// placement of a unit ends on the effective date and the next one starts there.
// A placement opened on the same date by an earlier step is replaced instead, so
// chains of steps on one date never leave empty placements behind.

export type UnitRow = { id: number; code: string; name: string; level: OrgLevel; parentId: number | null; path: string; depth: number; validFrom: Date; validTo: Date | null };

/** Direct writes to OrgUnit would otherwise be taken as corrections by the placement trigger (see the migration). */
export async function beginRestructuring(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.restructuring', 'on', true)`;
  // One restructuring at a time: two events never interleave their moves.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(6062026)`;
}

/** Ends the open placements of the units given by `where` on `date` (drops those that would start on or after it). */
async function endOpenPlacements(tx: Tx, unitsWhere: Prisma.Sql, date: string): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "OrgUnitPlacement" p USING "OrgUnit" u
    WHERE p."unitId" = u.id AND p."validTo" IS NULL AND p."validFrom" >= ${date}::date AND ${unitsWhere}`;
  await tx.$executeRaw`
    UPDATE "OrgUnitPlacement" p SET "validTo" = ${date}::date FROM "OrgUnit" u
    WHERE p."unitId" = u.id AND p."validTo" IS NULL AND ${unitsWhere}`;
}

/** Creates a unit in force from `date` under `parent`. */
export async function createUnit(tx: Tx, data: { code: string; name: string; level: OrgLevel }, parent: UnitRow, date: string, eventId: number): Promise<UnitRow> {
  const created = await tx.orgUnit.create({
    data: { code: data.code, name: data.name, level: data.level, parentId: parent.id, path: "/", depth: parent.depth + 1, validFrom: new Date(`${date}T00:00:00Z`) },
  });
  const unit = await tx.orgUnit.update({ where: { id: created.id }, data: { path: `${parent.path}${created.id}/` } });
  await tx.$executeRaw`
    INSERT INTO "OrgUnitPlacement" ("unitId", "parentId", level, path, name, "validFrom", "eventId")
    VALUES (${unit.id}, ${parent.id}, ${unit.level}::"OrgLevel", ${unit.path}, ${unit.name}, ${date}::date, ${eventId})`;
  return unit;
}

/**
 * Moves `unit` and everything under it below `newParent` from `date`. Units in force get a
 * new placement; closed ones below keep their history, and their current path follows so that
 * scopes (path prefixes) stay true.
 */
export async function moveSubtree(tx: Tx, unit: UnitRow, newParent: UnitRow, date: string, eventId: number): Promise<void> {
  const oldPrefix = unit.path;
  const newPrefix = `${newParent.path}${unit.id}/`;
  const depthDelta = newParent.depth + 1 - unit.depth;
  const subtree = Prisma.sql`u.path LIKE ${oldPrefix} || '%' AND u."validTo" IS NULL`;
  await endOpenPlacements(tx, subtree, date);
  await tx.$executeRaw`
    INSERT INTO "OrgUnitPlacement" ("unitId", "parentId", level, path, name, "validFrom", "eventId")
    SELECT u.id, CASE WHEN u.id = ${unit.id} THEN ${newParent.id} ELSE u."parentId" END, u.level,
      ${newPrefix} || substr(u.path, ${oldPrefix.length + 1}), u.name, ${date}::date, ${eventId}
    FROM "OrgUnit" u WHERE ${subtree}`;
  await tx.$executeRaw`
    UPDATE "OrgUnit" u SET path = ${newPrefix} || substr(u.path, ${oldPrefix.length + 1}), depth = u.depth + ${depthDelta},
      "parentId" = CASE WHEN u.id = ${unit.id} THEN ${newParent.id} ELSE u."parentId" END, "updatedAt" = now()
    WHERE u.path LIKE ${oldPrefix} || '%'`;
}

/** Closes a unit on `date`: no longer in force from that day. */
export async function closeUnit(tx: Tx, unit: UnitRow, date: string): Promise<void> {
  await tx.$executeRaw`UPDATE "OrgUnit" SET "validTo" = ${date}::date, "updatedAt" = now() WHERE id = ${unit.id}`;
  await tx.$executeRaw`UPDATE "OrgUnitPlacement" SET "validTo" = ${date}::date WHERE "unitId" = ${unit.id} AND "validTo" IS NULL`;
}

/** Gives a unit a new name (and code) from `date`; its earlier placements keep the old name. */
export async function renameUnit(tx: Tx, unit: UnitRow, name: string, code: string, date: string, eventId: number): Promise<void> {
  await endOpenPlacements(tx, Prisma.sql`u.id = ${unit.id}`, date);
  await tx.$executeRaw`
    INSERT INTO "OrgUnitPlacement" ("unitId", "parentId", level, path, name, "validFrom", "eventId")
    VALUES (${unit.id}, ${unit.parentId}, ${unit.level}::"OrgLevel", ${unit.path}, ${name}, ${date}::date, ${eventId})`;
  await tx.$executeRaw`UPDATE "OrgUnit" SET name = ${name}, code = ${code}, "updatedAt" = now() WHERE id = ${unit.id}`;
}

/** The latest start of an open placement among the given units and everything under them. */
export async function latestPlacementStart(tx: Tx, paths: string[], ids: number[]): Promise<string | null> {
  const rows = await tx.$queryRaw<{ latest: string | null }[]>`
    SELECT to_char(max(p."validFrom"), 'YYYY-MM-DD') AS latest
    FROM "OrgUnitPlacement" p JOIN "OrgUnit" u ON u.id = p."unitId"
    WHERE p."validTo" IS NULL AND (u.id = ANY(${ids}::int[]) OR u.path LIKE ANY(${paths.map((path) => `${path}%`)}::text[]))`;
  return rows[0]?.latest ?? null;
}
