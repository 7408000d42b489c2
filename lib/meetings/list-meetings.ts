import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/read-replicas";
import type { Actor } from "@/lib/auth/actor";
import type { Period } from "@/lib/periods/period";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { findUnitInScope } from "@/lib/org/org-units";
import { MEETING_SUMMARY_SELECT, toMeetingSummary } from "./meeting-summary";

/** Meetings of the branches under a node (the caller's scope root by default), newest period first. */
export async function listMeetings(actor: Actor, options: { orgUnitId?: number; period?: Period; page: number; pageSize: number }) {
  const unit = await findUnitInScope(actor, options.orgUnitId, "meeting.read");
  // Which branches were under the node in that period; without a period, the tree as it is now.
  const under = branchesUnderSql(unit.path, options.period ? { period: options.period } : { mode: "current" });
  const periodFilter = options.period ? Prisma.sql`AND m.period = ${options.period}` : Prisma.empty;
  const offset = (options.page - 1) * options.pageSize;
  const reader = await readDb(); // a list: from a read replica when there is one
  const [ids, total] = await Promise.all([
    reader.$queryRaw<{ id: number }[]>`
      SELECT m.id FROM "Meeting" m JOIN "OrgUnit" b ON b.id = m."branchId"
      WHERE m."branchId" IN (SELECT branch_id FROM (${under}) u) ${periodFilter}
      ORDER BY m.period DESC, b.code, m.kind
      LIMIT ${options.pageSize} OFFSET ${offset}`,
    reader.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM "Meeting" m
      WHERE m."branchId" IN (SELECT branch_id FROM (${under}) u) ${periodFilter}`,
  ]);
  const meetings = await reader.meeting.findMany({ where: { id: { in: ids.map((row) => row.id) } }, select: MEETING_SUMMARY_SELECT });
  const byId = new Map(meetings.map((meeting) => [meeting.id, toMeetingSummary(meeting)]));
  return { items: ids.map((row) => byId.get(row.id)!).filter(Boolean), total: total[0]?.count ?? 0, page: options.page, pageSize: options.pageSize };
}
