import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { findOrgUnitInScope, getScopeRoot } from "@/lib/org/org-units";
import { currentPeriod } from "@/lib/periods/period";

/** The Party statutes' case: absent without excuse in this many months of a calendar year. */
export const UNEXCUSED_MONTHS_THRESHOLD = 3;

/**
 * Members absent without excuse in 3 or more months of a calendar year, with
 * those months, for the branches under a node. An absence counts only if the
 * member belonged to the branch on the meeting day (joined on or before it,
 * left after it): members who transferred in or out mid-year are counted only
 * while they belonged.
 */
export async function findAbsenceFlags(actor: Actor, options: { year: number; orgUnitId?: number; page?: number; pageSize?: number; now?: Date }) {
  assertCan(actor, "member.read");
  const unit = options.orgUnitId === undefined ? await getScopeRoot(actor) : await findOrgUnitInScope(actor, options.orgUnitId);
  const from = `${options.year}-01`;
  const to = `${options.year}-12`;
  // Branches as the tree stood at the year's last month (or now, for the current year).
  const asOf = currentPeriod(options.now) < to ? currentPeriod(options.now) : to;
  const under = branchesUnderSql(unit.path, { period: asOf < from ? from : asOf });
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? 50;
  const rows = await db().$queryRaw<
    { member_id: number; code: string; full_name: string; status: string; joined: Date; left_on: Date | null; branch_id: number; branch_code: string; branch_name: string; ward_id: number | null; ward_name: string | null; months: string[]; total: number }[]
  >`
    WITH flagged AS (
      SELECT a."memberId" AS member_id, array_agg(DISTINCT m.period ORDER BY m.period) AS months
      FROM "Attendance" a
      JOIN "Meeting" m ON m.id = a."meetingId"
      JOIN "Member" mb ON mb.id = a."memberId"
      WHERE a.status = 'UNEXCUSED'
        AND m.period >= ${from} AND m.period <= ${to}
        AND m."branchId" IN (SELECT branch_id FROM (${under}) u)
        AND mb."branchId" = m."branchId"
        AND mb."joinedBranchOn" <= m."heldOn"
        AND (mb."leftBranchOn" IS NULL OR mb."leftBranchOn" > m."heldOn")
      GROUP BY a."memberId"
      HAVING count(DISTINCT m.period) >= ${UNEXCUSED_MONTHS_THRESHOLD}
    )
    SELECT f.member_id, mb.code, mb."fullName" AS full_name, mb.status::text AS status, mb."joinedBranchOn" AS joined, mb."leftBranchOn" AS left_on,
      b.id AS branch_id, b.code AS branch_code, b.name AS branch_name, w.id AS ward_id, w.name AS ward_name, f.months,
      (count(*) OVER ())::int AS total
    FROM flagged f
    JOIN "Member" mb ON mb.id = f.member_id
    JOIN "OrgUnit" b ON b.id = mb."branchId"
    LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
    ORDER BY w.name COLLATE vi_natural, b.code COLLATE vi_natural, cardinality(f.months) DESC,
      regexp_replace(mb."fullName", '^.* ', '') COLLATE "vi-VN-x-icu", mb."fullName" COLLATE "vi-VN-x-icu"
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    threshold: UNEXCUSED_MONTHS_THRESHOLD,
    total: rows[0]?.total ?? (page > 1 ? await countFlags(actor, options) : 0),
    page,
    pageSize,
    items: rows.map((row) => ({
      member: { id: row.member_id, code: row.code, fullName: row.full_name, status: row.status, joinedBranchOn: row.joined.toISOString().slice(0, 10), leftBranchOn: row.left_on ? row.left_on.toISOString().slice(0, 10) : null },
      branch: { id: row.branch_id, code: row.branch_code, name: row.branch_name },
      ward: row.ward_id ? { id: row.ward_id, name: row.ward_name! } : null,
      months: row.months,
    })),
  };
}

async function countFlags(actor: Actor, options: { year: number; orgUnitId?: number; now?: Date }): Promise<number> {
  const first = await findAbsenceFlags(actor, { ...options, page: 1, pageSize: 1 });
  return first.total;
}
