import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb } from "@/lib/db/read-replicas";
import type { Actor } from "@/lib/auth/actor";
import type { Period } from "@/lib/periods/period";
import { getSetting } from "@/lib/settings/app-settings";
import { TIME_ZONE, isoDate } from "@/lib/format/date";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { findUnitInScope } from "@/lib/org/org-units";
import { SCHEDULE_DAYS_AHEAD } from "./settings";
import { SCHEDULE_STATES, type ScheduleState } from "./labels";

type Row = {
  branch_id: number;
  code: string;
  name: string;
  schedule_id: number | null;
  planned_on: Date | null;
  start_time: string | null;
  place: string | null;
  agenda: string | null;
  announced_at: Date | null;
  state: ScheduleState;
};

/**
 * The regular meetings announced for a period under a unit (the caller's scope
 * root by default): each branch with its schedule and whether it went out in
 * time (at least the set number of days ahead), late, or not at all.
 */
export async function listMeetingSchedules(actor: Actor, options: { orgUnitId?: number; period: Period; state?: ScheduleState; page: number; pageSize: number }) {
  const unit = await findUnitInScope(actor, options.orgUnitId, "meeting.read");
  const daysAhead = await getSetting(SCHEDULE_DAYS_AHEAD);
  const under = branchesUnderSql(unit.path, { period: options.period });
  const stateFilter = options.state ? Prisma.sql`WHERE state = ${options.state}` : Prisma.empty;
  const offset = (options.page - 1) * options.pageSize;
  const rows = Prisma.sql`
    SELECT b.id AS branch_id, b.code, b.name, s.id AS schedule_id, s."plannedOn" AS planned_on, s."startTime" AS start_time, s.place, s.agenda, s."announcedAt" AS announced_at,
      CASE WHEN s.id IS NULL THEN 'NOT_ANNOUNCED'
           WHEN ((s."announcedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${TIME_ZONE})::date > s."plannedOn" - ${daysAhead}::int THEN 'LATE'
           ELSE 'ON_TIME' END AS state
    FROM "OrgUnit" b
    LEFT JOIN "MeetingSchedule" s ON s."branchId" = b.id AND s.period = ${options.period} AND s.kind = 'REGULAR'
    WHERE b.id IN (SELECT branch_id FROM (${under}) u)`;
  const reader = await readDb(); // a list: from a read replica when there is one
  const [items, counts] = await Promise.all([
    reader.$queryRaw<Row[]>`
      SELECT * FROM (${rows}) r ${stateFilter}
      ORDER BY CASE state WHEN 'NOT_ANNOUNCED' THEN 0 WHEN 'LATE' THEN 1 ELSE 2 END, planned_on NULLS LAST, code
      LIMIT ${options.pageSize} OFFSET ${offset}`,
    reader.$queryRaw<{ state: ScheduleState; count: number }[]>`SELECT state, count(*)::int AS count FROM (${rows}) r GROUP BY state`,
  ]);
  const byState = Object.fromEntries(SCHEDULE_STATES.map((state) => [state, counts.find((row) => row.state === state)?.count ?? 0])) as Record<ScheduleState, number>;
  const branches = SCHEDULE_STATES.reduce((sum, state) => sum + byState[state], 0);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    period: options.period,
    daysAhead,
    counts: { branches, ...byState },
    items: items.map((row) => ({
      branch: { id: row.branch_id, code: row.code, name: row.name },
      state: row.state,
      schedule:
        row.schedule_id === null
          ? null
          : { id: row.schedule_id, plannedOn: isoDate(row.planned_on!), startTime: row.start_time!, place: row.place!, agenda: row.agenda!, announcedAt: row.announced_at!.toISOString() },
    })),
    total: options.state ? byState[options.state] : branches,
    page: options.page,
    pageSize: options.pageSize,
  };
}
