import "server-only";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";

export type Candidate = { id: number; code: string; name: string; level: OrgLevel; parentId: number | null; parentName: string | null };

/**
 * Units the restructuring form offers: every unit in force above branches (city, districts, wards),
 * and the units directly under `within` (the branches of a ward, to split or move them).
 */
export async function listRestructureCandidates(actor: Actor, options: { within?: number } = {}) {
  assertCan(actor, "org.restructure");
  const upper = await db().$queryRaw<Candidate[]>`
    SELECT u.id, u.code, u.name, u.level, u."parentId", p.name AS "parentName"
    FROM "OrgUnit" u LEFT JOIN "OrgUnit" p ON p.id = u."parentId"
    WHERE u.level <> 'BRANCH' AND u."validTo" IS NULL
    ORDER BY u.depth, p.name COLLATE vi_natural NULLS FIRST, u.name COLLATE vi_natural`;
  const within = options.within
    ? await db().$queryRaw<Candidate[]>`
        SELECT u.id, u.code, u.name, u.level, u."parentId", p.name AS "parentName"
        FROM "OrgUnit" u JOIN "OrgUnit" p ON p.id = u."parentId"
        WHERE u."parentId" = ${options.within} AND u."validTo" IS NULL
        ORDER BY u.name COLLATE vi_natural, u.code`
    : [];
  return { upper, within };
}
