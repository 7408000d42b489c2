import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, scopePattern, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/db/sql";
import { findUnitInScope } from "@/lib/org/org-units";
import { parseInput } from "@/lib/validation/parse";
import { FOLLOWER_ROLES } from "./rules";
import { FollowerBoardQuerySchema } from "./schemas";
import { branchFollowersSql } from "./sql";

export type FollowerWorkload = { user: { id: number; name: string; role: string; unitName: string }; units: number; branches: number; waitingDrafts: number };

/**
 * Who follows what under a unit (the actor's scope root by default): each ward
 * with its follower, the branches assigned on their own, and each follower's
 * workload — branches followed and drafts waiting for review (submitted or
 * revised, any month). The board edits it; the other follower roles read it.
 */
export async function getFollowerBoard(actor: Actor, raw: unknown = {}) {
  assertCan(actor, "follower.read");
  const query = parseInput(FollowerBoardQuerySchema, raw, "Tham số truy vấn không hợp lệ.");
  const unit = await findUnitInScope(actor, query.orgUnitId || undefined, "org.read");
  const under = `${escapeLike(unit.path)}%`;
  const followers = branchFollowersSql(unit.path);
  const [wards, branchAssignments, load, candidates] = await Promise.all([
    db().$queryRaw<{ id: number; code: string; name: string; path: string; user_id: number | null; branches: number; waiting: number }[]>`
      SELECT w.id, w.code, w.name, w.path, fa."userId" AS user_id,
        (SELECT count(*)::int FROM "OrgUnit" b WHERE b."parentId" = w.id AND b.level = 'BRANCH' AND b."validTo" IS NULL) AS branches,
        (SELECT count(*)::int FROM "Draft" d JOIN "OrgUnit" b ON b.id = d."branchId" WHERE b."parentId" = w.id AND d.status IN ('SUBMITTED', 'REVISED')) AS waiting
      FROM "OrgUnit" w LEFT JOIN "FollowAssignment" fa ON fa."orgUnitId" = w.id
      WHERE w.level = 'WARD' AND w."validTo" IS NULL AND w.path LIKE ${under}
      ORDER BY w.name COLLATE vi_natural, w.code`,
    db().$queryRaw<{ id: number; code: string; name: string; ward_name: string | null; user_id: number }[]>`
      SELECT b.id, b.code, b.name, w.name AS ward_name, fa."userId" AS user_id
      FROM "FollowAssignment" fa JOIN "OrgUnit" b ON b.id = fa."orgUnitId" LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
      WHERE b.level = 'BRANCH' AND b.path LIKE ${under}
      ORDER BY w.name COLLATE vi_natural, b.name COLLATE vi_natural, b.code`,
    db().$queryRaw<{ user_id: number | null; branches: number; waiting: number }[]>`
      SELECT f.user_id, count(DISTINCT f.branch_id)::int AS branches, count(d.id)::int AS waiting
      FROM (${followers}) f LEFT JOIN "Draft" d ON d."branchId" = f.branch_id AND d.status IN ('SUBMITTED', 'REVISED')
      GROUP BY f.user_id`,
    // Accounts that may follow units here: of a follower role, in the actor's scope, and whose scope reaches this unit or lies under it.
    db().$queryRaw<{ id: number; name: string; role: string; unit_name: string; unit_path: string; units: number }[]>`
      SELECT u.id, u."displayName" AS name, u.role::text AS role, o.name AS unit_name, o.path AS unit_path,
        (SELECT count(*)::int FROM "FollowAssignment" fa JOIN "OrgUnit" x ON x.id = fa."orgUnitId" WHERE fa."userId" = u.id AND x.path LIKE ${under}) AS units
      FROM "User" u JOIN "OrgUnit" o ON o.id = u."orgUnitId"
      WHERE u.active AND u.role::text = ANY(${FOLLOWER_ROLES as string[]}::text[])
        AND o.path LIKE ${scopePattern(actor)} AND (${unit.path} LIKE o.path || '%' OR o.path LIKE ${under})
      ORDER BY o.depth, u."displayName" COLLATE vi_natural, u.id`,
  ]);
  // Inside one ward: each branch with its own follower and the one it follows by (own, else the ward's).
  const branches =
    unit.level === "WARD"
      ? await db().$queryRaw<{ id: number; code: string; name: string; path: string; own_user_id: number | null; user_id: number | null; waiting: number }[]>`
          SELECT b.id, b.code, b.name, b.path, fb."userId" AS own_user_id, f.user_id,
            (SELECT count(*)::int FROM "Draft" d WHERE d."branchId" = b.id AND d.status IN ('SUBMITTED', 'REVISED')) AS waiting
          FROM (${followers}) f JOIN "OrgUnit" b ON b.id = f.branch_id LEFT JOIN "FollowAssignment" fb ON fb."orgUnitId" = b.id
          ORDER BY b.name COLLATE vi_natural, b.code`
      : [];
  const names = new Map(candidates.map((user) => [user.id, user.name]));
  // A follower outside the list (disabled since, or moved): still named, from the accounts table.
  const missing = [...new Set([...wards.map((w) => w.user_id), ...branchAssignments.map((b) => b.user_id), ...load.map((l) => l.user_id), ...branches.map((b) => b.user_id)].filter((id): id is number => id !== null && !names.has(id)))];
  if (missing.length) for (const user of await db().user.findMany({ where: { id: { in: missing } }, select: { id: true, displayName: true } })) names.set(user.id, user.displayName);
  const person = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? `#${id}` });
  const loadOf = new Map(load.map((row) => [row.user_id, row]));
  const workload: FollowerWorkload[] = candidates.map((user) => ({
    user: { id: user.id, name: user.name, role: user.role, unitName: user.unit_name },
    units: user.units,
    branches: loadOf.get(user.id)?.branches ?? 0,
    waitingDrafts: loadOf.get(user.id)?.waiting ?? 0,
  }));
  const unassigned = loadOf.get(null) ?? { branches: 0, waiting: 0 };
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, path: unit.path },
    canAssign: can(actor.role, "follower.assign"),
    wards: wards.map((ward) => ({ id: ward.id, code: ward.code, name: ward.name, path: ward.path, follower: person(ward.user_id), branches: ward.branches, waitingDrafts: ward.waiting })),
    branchAssignments: branchAssignments.map((branch) => ({ id: branch.id, code: branch.code, name: branch.name, wardName: branch.ward_name, follower: person(branch.user_id) })),
    branches: branches.map((branch) => ({ id: branch.id, code: branch.code, name: branch.name, path: branch.path, ownFollower: person(branch.own_user_id), follower: person(branch.user_id), waitingDrafts: branch.waiting })),
    workload,
    unassigned: { branches: unassigned.branches, waitingDrafts: unassigned.waiting },
    /** Who may be chosen for a unit at `path`: their scope must reach it. */
    candidates: candidates.map((user) => ({ id: user.id, name: user.name, role: user.role, unitName: user.unit_name, scopePath: user.unit_path })),
  };
}

export type FollowerBoard = Awaited<ReturnType<typeof getFollowerBoard>>;
