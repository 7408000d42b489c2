import "server-only";
import { cache } from "react";
import { Prisma, type OrgUnit } from "@/lib/generated/prisma/client";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertCan, inScope, orgUnitScopeWhere, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { escapeLike } from "@/lib/db/sql";
import { sessionContextOf } from "@/lib/auth/session-context";

export type OrgUnitSummary = {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  path: string;
};

export type OrgCounts = { wards: number; branches: number; members: number; membersExpected: number; children: number };

const SUMMARY_SELECT = { id: true, code: true, name: true, level: true, parentId: true, path: true } as const;

export function pathIds(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

/**
 * The one scope lookup for a unit: unit `id` if the actor holds `permission` and the unit lies in the
 * actor's subtree (the subtree is part of the query); no id asked for: the root of the actor's scope.
 * Without the permission: forbidden. Out of scope or no such unit: "not found", so the answer does not
 * reveal that it exists.
 */
export async function findUnitInScope(actor: Actor, id: number | undefined, permission: Permission): Promise<OrgUnit> {
  assertCan(actor, permission);
  if (id === undefined) return getScopeRoot(actor);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError("Không tìm thấy đơn vị.");
  const unit = await readUnitInScope(id, actor.scopePath);
  if (!unit) throw new NotFoundError("Không tìm thấy đơn vị.");
  return { ...unit };
}

// A page's cards each look their unit up in scope (the dashboard of a city: six times); once per
// server render for the same unit and scope (React cache; a plain read elsewhere).
const readUnitInScope = cache((id: number, scopePath: string) => db().orgUnit.findFirst({ where: { id, ...orgUnitScopeWhere({ scopePath }) } }));

/**
 * The units above the unit at `path`, from the top: what every breadcrumb shows. Those above the
 * actor's scope are listed (by name) but marked, so a page does not link to them.
 */
export async function unitAncestors(actor: Actor, path: string) {
  const ids = pathIds(path).slice(0, -1);
  if (!ids.length) return [];
  const ancestors = await db().orgUnit.findMany({ where: { id: { in: ids } }, select: SUMMARY_SELECT });
  ancestors.sort((a, b) => a.path.length - b.path.length);
  return ancestors.map((ancestor) => ({ ...ancestor, inScope: inScope(actor, ancestor.path) }));
}

/** The unit at the root of the actor's scope (administrators: the top of the tree). */
export async function getScopeRoot(actor: Actor) {
  assertCan(actor, "org.read");
  // Loaded with the session of a signed-in user (lib/auth/session-context.ts).
  const known = sessionContextOf(actor)?.scopeRoot;
  if (known) return known;
  if (actor.scopePath !== "/") return findUnitInScope(actor, actor.orgUnitId, "org.read");
  const root = await db().orgUnit.findFirst({ where: { parentId: null, validTo: null }, orderBy: { id: "asc" } });
  if (!root) throw new NotFoundError("Chưa có đơn vị nào.");
  return root;
}

/** Counts under each given unit: wards, branches in force, current members (and those expected at meetings). */
export async function countUnder(unitPaths: string[]): Promise<Map<string, OrgCounts>> {
  const result = new Map<string, OrgCounts>();
  if (!unitPaths.length) return result;
  const rows = await db().$queryRaw<{ path: string; wards: bigint; branches: bigint; members: bigint; expected: bigint; children: bigint }[]>`
    WITH roots AS (SELECT unnest(${unitPaths}::text[]) COLLATE "C" AS path)
    -- "path starts with r.path" as a range (see lib/org/tree-sql.ts): one index range scan per root.
    SELECT r.path,
      (SELECT count(*) FROM "OrgUnit" w WHERE w.path >= r.path AND w.path < left(r.path, -1) || '0' AND w.level = 'WARD' AND w."validTo" IS NULL) AS wards,
      (SELECT count(*) FROM "OrgUnit" b WHERE b.path >= r.path AND b.path < left(r.path, -1) || '0' AND b.level = 'BRANCH' AND b."validTo" IS NULL) AS branches,
      (SELECT count(*) FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId"
         WHERE b.path >= r.path AND b.path < left(r.path, -1) || '0' AND m.status IN ('ACTIVE', 'EXEMPT')) AS members,
      (SELECT count(*) FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId"
         WHERE b.path >= r.path AND b.path < left(r.path, -1) || '0' AND m.status = 'ACTIVE') AS expected,
      (SELECT count(*) FROM "OrgUnit" c JOIN "OrgUnit" p ON p.id = c."parentId"
         WHERE p.path = r.path AND c."validTo" IS NULL) AS children
    FROM roots r`;
  for (const row of rows) {
    result.set(row.path, {
      wards: Number(row.wards),
      branches: Number(row.branches),
      members: Number(row.members),
      membersExpected: Number(row.expected),
      children: Number(row.children),
    });
  }
  return result;
}

const EMPTY_COUNTS: OrgCounts = { wards: 0, branches: 0, members: 0, membersExpected: 0, children: 0 };

/** One unit with its breadcrumb and counts. */
export async function getOrgUnitDetail(actor: Actor, id: number) {
  const unit = await findUnitInScope(actor, id, "org.read");
  const [ancestors, counts] = await Promise.all([unitAncestors(actor, unit.path), countUnder([unit.path])]);
  return { unit, ancestors, counts: counts.get(unit.path) ?? EMPTY_COUNTS };
}

/** Children of a unit in scope (or the scope root itself when no parent is given), with counts. */
export async function listChildUnits(actor: Actor, parentId?: number) {
  if (parentId === undefined) {
    const root = await getScopeRoot(actor);
    const counts = await countUnder([root.path]);
    return [{ ...pick(root), counts: counts.get(root.path) ?? EMPTY_COUNTS }];
  }
  const parent = await findUnitInScope(actor, parentId, "org.read");
  const children = await db().$queryRaw<OrgUnitSummary[]>`
    SELECT id, code, name, level, "parentId", path FROM "OrgUnit"
    WHERE "parentId" = ${parent.id} AND "validTo" IS NULL
    ORDER BY level, name COLLATE vi_natural, code`;
  const counts = await countUnder(children.map((child) => child.path));
  return children.map((child) => ({ ...child, counts: counts.get(child.path) ?? EMPTY_COUNTS }));
}

/** Children of a unit in scope, without counts: what a filter's list of units needs. */
export async function listChildUnitNames(actor: Actor, parentId: number): Promise<OrgUnitSummary[]> {
  const parent = await findUnitInScope(actor, parentId, "org.read");
  return db().$queryRaw<OrgUnitSummary[]>`
    SELECT id, code, name, level, "parentId", path FROM "OrgUnit"
    WHERE "parentId" = ${parent.id} AND "validTo" IS NULL
    ORDER BY level, name COLLATE vi_natural, code`;
}

function pick(unit: OrgUnitSummary): OrgUnitSummary {
  return { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId, path: unit.path };
}

/** Units in scope whose name or code matches, with or without Vietnamese diacritics. */
export async function searchOrgUnits(actor: Actor, query: string, limit = 20): Promise<OrgUnitSummary[]> {
  assertCan(actor, "org.read");
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const pattern = escapeLike(q);
  const scope = actor.scopePath === "/" ? "/" : actor.scopePath;
  return db().$queryRaw<OrgUnitSummary[]>`
    SELECT id, code, name, level, "parentId", path FROM "OrgUnit"
    WHERE path LIKE ${scope} || '%' AND "validTo" IS NULL
      AND (vn_fold(name) LIKE '%' || vn_fold(${pattern}) || '%' OR lower(code) = lower(${q}))
    ORDER BY level, name COLLATE vi_natural
    LIMIT ${Prisma.raw(String(Math.min(Math.max(limit, 1), 100)))}`;
}
