import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { findUnitInScope } from "@/lib/org/org-units";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { RULE_MONTHS_THRESHOLD, ruleMonths, type RuleEvent } from "./member-rule";

/** The Party rule's case: this many months of a calendar year without good reason. */
const UNEXCUSED_MONTHS_THRESHOLD = RULE_MONTHS_THRESHOLD;

/**
 * Members who, in 3 or more months of a calendar year and without good reason,
 * were absent from their branch's meetings or did not pay party fees, with
 * those months and the reason of each (lib/members/member-rule.ts). An unpaid
 * fee counts once its month is over; an absence counts from the meeting.
 *
 * Months are counted per person, across transfers: every branch record of the
 * person (same `personCode`, or the record's own code) adds its months, each
 * only while the record belonged to its branch. The person is listed once,
 * under their latest record, and belongs to the unit of that record's branch.
 * The SQL counts the same months as ruleMonths (which builds the reasons).
 */
/**
 * The year the list opens on: the latest with three months over, the fewest
 * that can make a case — the year before until the end of March (in January
 * the ward acts on the year that just ended), this year from April.
 */
export function defaultFlagsYear(now?: Date): number {
  return Number(addMonths(currentPeriod(now), -3).slice(0, 4));
}

export async function findAbsenceFlags(actor: Actor, rawOptions: { year?: number; orgUnitId?: number; page?: number; pageSize?: number; now?: Date }) {
  assertCan(actor, "member.read");
  const options = { ...rawOptions, year: rawOptions.year ?? defaultFlagsYear(rawOptions.now) };
  const unit = await findUnitInScope(actor, options.orgUnitId, "org.read");
  const from = `${options.year}-01`;
  const to = `${options.year}-12`;
  // Branches as the tree stood at the year's last month (or now, for the current year).
  const thisMonth = currentPeriod(options.now);
  const asOf = thisMonth < to ? thisMonth : to;
  const under = branchesUnderSql(unit.path, { period: asOf < from ? from : asOf });
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? 50;
  const rows = await db().$queryRaw<
    {
      member_id: number;
      code: string;
      full_name: string;
      status: string;
      joined: Date;
      left_on: Date | null;
      branch_id: number;
      branch_code: string;
      branch_name: string;
      ward_id: number | null;
      ward_name: string | null;
      events: { period: string; reason: "ABSENT" | "UNPAID"; branchCode: string }[];
      total: number;
    }[]
  >`
    WITH people AS (
      SELECT DISTINCT coalesce(x."personCode", x.code) AS person FROM "Member" x WHERE x."branchId" IN (SELECT branch_id FROM (${under}) u)
    ),
    records AS (
      SELECT mb.id, coalesce(mb."personCode", mb.code) AS person FROM "Member" mb
      WHERE coalesce(mb."personCode", mb.code) IN (SELECT person FROM people)
    ),
    events AS (
      SELECT r.person, m.period, 'ABSENT' AS reason, b.code AS branch_code
      FROM records r
      JOIN "Attendance" a ON a."memberId" = r.id AND a.status = 'UNEXCUSED'
      JOIN "Meeting" m ON m.id = a."meetingId"
      JOIN "Member" mb ON mb.id = r.id
      JOIN "OrgUnit" b ON b.id = m."branchId"
      WHERE m.period >= ${from} AND m.period <= ${to}
        AND mb."branchId" = m."branchId"
        AND mb."joinedBranchOn" <= m."heldOn"
        AND (mb."leftBranchOn" IS NULL OR mb."leftBranchOn" > m."heldOn")
      UNION ALL
      SELECT r.person, f.period, 'UNPAID', b.code
      FROM records r
      JOIN "PartyFee" f ON f."memberId" = r.id AND NOT f.paid AND f.reason IS NULL
      JOIN "Member" mb ON mb.id = r.id
      JOIN "OrgUnit" b ON b.id = mb."branchId"
      -- A month's fee can still be paid until the month is over: only ended months count.
      WHERE f.period >= ${from} AND f.period <= ${to} AND f.period < ${thisMonth} AND NOT mb."feeExempt" AND mb.status <> 'EXEMPT'
    ),
    flagged AS (
      SELECT person, json_agg(json_build_object('period', period, 'reason', reason, 'branchCode', branch_code)) AS events
      FROM events GROUP BY person
      HAVING count(DISTINCT period) >= ${UNEXCUSED_MONTHS_THRESHOLD}
    ),
    latest AS (
      SELECT DISTINCT ON (f.person) f.person, f.events, mb.id AS member_id, mb."branchId" AS branch_id
      FROM flagged f JOIN "Member" mb ON (mb."personCode" = f.person OR mb.code = f.person)
      ORDER BY f.person, mb."joinedBranchOn" DESC, mb.id DESC
    )
    SELECT l.member_id, mb.code, mb."fullName" AS full_name, mb.status::text AS status, mb."joinedBranchOn" AS joined, mb."leftBranchOn" AS left_on,
      b.id AS branch_id, b.code AS branch_code, b.name AS branch_name, w.id AS ward_id, w.name AS ward_name, l.events,
      (count(*) OVER ())::int AS total
    FROM latest l
    JOIN "Member" mb ON mb.id = l.member_id
    JOIN "OrgUnit" b ON b.id = mb."branchId"
    LEFT JOIN "OrgUnit" w ON w.id = b."parentId"
    WHERE l.branch_id IN (SELECT branch_id FROM (${under}) u)
    ORDER BY w.name COLLATE vi_natural, b.code COLLATE vi_natural, json_array_length(l.events) DESC,
      regexp_replace(mb."fullName", '^.* ', '') COLLATE "vi-VN-x-icu", mb."fullName" COLLATE "vi-VN-x-icu"
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    threshold: UNEXCUSED_MONTHS_THRESHOLD,
    total: rows[0]?.total ?? (page > 1 ? await countFlags(actor, options) : 0),
    page,
    pageSize,
    items: rows.map((row) => {
      const months = ruleMonths(row.events as RuleEvent[], options.year);
      return {
        member: { id: row.member_id, code: row.code, fullName: row.full_name, status: row.status, joinedBranchOn: row.joined.toISOString().slice(0, 10), leftBranchOn: row.left_on ? row.left_on.toISOString().slice(0, 10) : null },
        branch: { id: row.branch_id, code: row.branch_code, name: row.branch_name },
        ward: row.ward_id ? { id: row.ward_id, name: row.ward_name! } : null,
        months: months.map((month) => month.period),
        /** Each month with its reasons and the branch(es) it was counted in (another one after a transfer). */
        monthDetails: months,
      };
    }),
  };
}

async function countFlags(actor: Actor, options: { year?: number; orgUnitId?: number; now?: Date }): Promise<number> {
  const first = await findAbsenceFlags(actor, { ...options, page: 1, pageSize: 1 });
  return first.total;
}
