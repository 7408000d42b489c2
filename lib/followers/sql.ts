import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { escapeLike } from "@/lib/db/sql";
import type { Tx } from "@/lib/db/client";

/**
 * Each branch in force under `underPath` with its follower (`user_id`, null when
 * nobody follows it): the branch's own assignment, else its ward's. Columns:
 * branch_id, ward_id, user_id, own (the branch has its own assignment).
 */
export function branchFollowersSql(underPath: string): Prisma.Sql {
  return Prisma.sql`
    SELECT b.id AS branch_id, b."parentId" AS ward_id, COALESCE(fb."userId", fw."userId") AS user_id, fb.id IS NOT NULL AS own
    FROM "OrgUnit" b
    LEFT JOIN "FollowAssignment" fb ON fb."orgUnitId" = b.id
    LEFT JOIN "FollowAssignment" fw ON fw."orgUnitId" = b."parentId"
    WHERE b.level = 'BRANCH' AND b."validTo" IS NULL AND b.path LIKE ${`${escapeLike(underPath)}%`}`;
}

/** The ids of the branches under `underPath` that `userId` follows (one column, branch_id). */
export function followedBranchIdsSql(underPath: string, userId: number): Prisma.Sql {
  return Prisma.sql`SELECT branch_id FROM (${branchFollowersSql(underPath)}) followed WHERE user_id = ${userId}`;
}

/** The follower of one branch (its own assignment, else its ward's), for notifications. */
export async function findBranchFollower(tx: Tx, branchId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ user_id: number }[]>`
    SELECT COALESCE(fb."userId", fw."userId") AS user_id
    FROM "OrgUnit" b
    LEFT JOIN "FollowAssignment" fb ON fb."orgUnitId" = b.id
    LEFT JOIN "FollowAssignment" fw ON fw."orgUnitId" = b."parentId"
    JOIN "User" u ON u.id = COALESCE(fb."userId", fw."userId") AND u.active
    WHERE b.id = ${branchId}`;
  return rows.map((row) => row.user_id);
}
