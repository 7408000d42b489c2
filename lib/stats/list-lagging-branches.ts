import "server-only";
import { Prisma, type OrgUnit } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { handbookStatRevisionSql, readRevisions, recall, rememberedValues, treeRevisionSql } from "@/lib/db/remembered";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { getSetting } from "@/lib/settings/app-settings";
import { figuresOf, type HandbookFigures, type Thresholds } from "./handbook-figures";
import { LaggingQuerySchema } from "./schemas";
import { HANDBOOK_THRESHOLDS } from "./settings";
import { findUnitInScope } from "@/lib/org/org-units";
import { listUnitStatPeriods, pickPeriod } from "./find-stats-unit";

export type LaggingBranch = {
  branch: { id: number; code: string; name: string };
  ward: { id: number; name: string } | null;
  /** Why it is listed: installs below the low threshold, and/or no use in meetings this month. */
  reasons: ("LOW_INSTALL" | "NOT_IN_MEETINGS")[];
} & HandbookFigures;

export type LaggingBranches = {
  orgUnit: Pick<OrgUnit, "id" | "code" | "name" | "level">;
  period: string;
  thresholds: Thresholds;
  items: LaggingBranch[];
  total: number;
  page: number;
  pageSize: number;
};

// A city's lagging branches are found among its 16,762 branch rows of the month (≈ 13 ms, a tenth
// of what the city dashboard costs); pages of them are remembered while neither the roll-up nor the
// tree has changed (their revisions, lib/db/remembered.ts).
const remembered = rememberedValues<LaggingBranches>(2_000);

export async function getHandbookThresholds(): Promise<Thresholds> {
  const [low, high] = await getSetting(HANDBOOK_THRESHOLDS);
  return { low, high };
}

/**
 * Branches under a unit that lag in a month: fewer members installed than the
 * low threshold, or no use of the handbook in meetings. Lowest install rate first.
 * `all` returns every such branch (exports) instead of one page.
 */
export async function listLaggingBranches(actor: Actor, rawQuery: unknown = {}, options: { all?: boolean } = {}): Promise<LaggingBranches> {
  const query = parseInput(LaggingQuerySchema, rawQuery, "Tham số truy vấn không hợp lệ.");
  const unit = await findUnitInScope(actor, query.orgUnitId, "stats.read");
  const [periods, thresholds, revisions] = await Promise.all([listUnitStatPeriods(unit.id), getHandbookThresholds(), readRevisions([handbookStatRevisionSql, treeRevisionSql])]);
  const period = pickPeriod(unit.name, periods, query.period);
  // An export reads every lagging branch once; a page is remembered while the roll-up and the tree hold.
  const key = !options.all && revisions ? [revisions, unit.id, unit.path, period, thresholds.low, query.page, query.pageSize].join("|") : null;
  return recall(remembered, key, () => readLaggingBranches(unit, period, thresholds, query, options));
}

async function readLaggingBranches(unit: OrgUnit, period: string, thresholds: Thresholds, query: { page: number; pageSize: number }, options: { all?: boolean }): Promise<LaggingBranches> {
  const offset = (query.page - 1) * query.pageSize;
  // The lagging set is found on the roll-ups alone; names are joined for the one page shown.
  const lagWhere = Prisma.sql`(s."branchesUsingInMeetings" = 0 OR s."membersInstalled" * 100 < ${thresholds.low} * s."membersTotal")`;
  // Above a ward (thousands of branches) the month's lagging branch rows are read once and
  // hash-joined with the branches under the unit; probing the roll-up once per branch (what the
  // planner picks, as it cannot tell how many branches the tree seam returns) took ~0.25 s for the city.
  const lagRows = unit.level === "WARD" || unit.level === "BRANCH"
    ? Prisma.sql`
      SELECT s."orgUnitId", s."parentId", s."membersTotal", s."membersEligible", s."membersInstalled", s."branchesTotal", s."branchesReporting",
        s."branchesUsingInMeetings", s."newsPosts", s.documents, s."membersInstalled"::float8 / NULLIF(s."membersTotal", 0) AS rate
      FROM (${branchesUnderSql(unit.path, { period })}) under
      JOIN "HandbookStat" s ON s."orgUnitId" = under.branch_id AND s.period = ${period} AND s.level = 'BRANCH'
      WHERE ${lagWhere}`
    : Prisma.sql`
      SELECT s.* FROM (
        SELECT s."orgUnitId", s."parentId", s."membersTotal", s."membersEligible", s."membersInstalled", s."branchesTotal", s."branchesReporting",
          s."branchesUsingInMeetings", s."newsPosts", s.documents, s."membersInstalled"::float8 / NULLIF(s."membersTotal", 0) AS rate
        FROM "HandbookStat" s WHERE s.period = ${period} AND s.level = 'BRANCH' AND ${lagWhere}
        OFFSET 0) s
      JOIN (${branchesUnderSql(unit.path, { period })}) under ON under.branch_id = s."orgUnitId"`;
  const rows = await db().$queryRaw<
    {
      id: number; code: string; name: string; wardId: number | null; wardName: string | null; total: bigint;
      membersTotal: number; membersEligible: number; membersInstalled: number; branchesTotal: number; branchesReporting: number; branchesUsingInMeetings: number; newsPosts: number; documents: number;
    }[]
  >`
    WITH lag AS MATERIALIZED (${lagRows}),
    page AS (
      SELECT * FROM lag ORDER BY rate ASC NULLS FIRST, "branchesUsingInMeetings", "orgUnitId"
      ${options.all ? Prisma.sql`LIMIT 50000` : Prisma.sql`LIMIT ${query.pageSize} OFFSET ${offset}`}
    )
    SELECT o.id, o.code, o.name, w.id AS "wardId", w.name AS "wardName", (SELECT count(*) FROM lag) AS total,
      p."membersTotal", p."membersEligible", p."membersInstalled", p."branchesTotal", p."branchesReporting", p."branchesUsingInMeetings", p."newsPosts", p.documents
    FROM page p
    JOIN "OrgUnit" o ON o.id = p."orgUnitId"
    LEFT JOIN "OrgUnit" w ON w.id = p."parentId"
    ORDER BY p.rate ASC NULLS FIRST, p."branchesUsingInMeetings", p."orgUnitId"`;
  const items: LaggingBranch[] = rows.map((row) => {
    const figures = figuresOf(row);
    const reasons: LaggingBranch["reasons"] = [];
    if (row.membersInstalled * 100 < thresholds.low * row.membersTotal) reasons.push("LOW_INSTALL");
    if (row.branchesUsingInMeetings === 0) reasons.push("NOT_IN_MEETINGS");
    return { branch: { id: row.id, code: row.code, name: row.name }, ward: row.wardId ? { id: row.wardId, name: row.wardName ?? "" } : null, reasons, ...figures };
  });
  const total = rows.length ? Number(rows[0].total) : offset > 0 ? await countLagging(unit.path, period, thresholds) : 0;
  return { orgUnit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level }, period, thresholds, items, total, page: query.page, pageSize: query.pageSize };
}

async function countLagging(unitPath: string, period: string, thresholds: Thresholds): Promise<number> {
  const [row] = await db().$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM (${branchesUnderSql(unitPath, { period })}) under
    JOIN "HandbookStat" s ON s."orgUnitId" = under.branch_id AND s.period = ${period}
    WHERE s."branchesUsingInMeetings" = 0 OR s."membersInstalled" * 100 < ${thresholds.low} * s."membersTotal"`;
  return Number(row.total);
}
