import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/periods/period";
import type { QualityThresholds } from "./quality";

// The quality checklist of lib/meetings/quality.ts written in SQL, for roll-ups
// over thousands of branches: per branch and month, what was held and which
// criteria at least one of its meetings failed. Only failures are counted (a
// criterion the record cannot judge is not a failure), and the quarter's
// thematic meeting is kept apart because whether its absence fails depends on
// the quarter being over (the reader knows today, the roll-up does not).
// tests/integration/meetings-stats.test.ts holds it to the checklist.

const TIME = "'^([01][0-9]|2[0-3]):[0-5][0-9]$'";

function minutesOf(column: string): Prisma.Sql {
  return Prisma.raw(`CASE WHEN ${column} ~ ${TIME} THEN split_part(${column}, ':', 1)::int * 60 + split_part(${column}, ':', 2)::int END`);
}

/** First (offset 1) or last (offset 3) month of the quarter of a "YYYY-MM" column (a name, or any SQL text expression). */
function quarterMonth(column: string | Prisma.Sql, offset: 1 | 3): Prisma.Sql {
  const value = typeof column === "string" ? Prisma.raw(column) : column;
  return Prisma.sql`left(${value}, 5) || lpad((((substr(${value}, 6, 2)::int - 1) / 3) * 3 + ${Prisma.raw(String(offset))})::text, 2, '0')`;
}

/** Whether the branch held a thematic meeting in the quarter of `period` up to that month (both SQL expressions). */
export function thematicQuarterToDateSql(branchId: string, period: string | Prisma.Sql): Prisma.Sql {
  const month = typeof period === "string" ? Prisma.raw(period) : period;
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Meeting" t
    WHERE t."branchId" = ${Prisma.raw(branchId)} AND t.kind = 'THEMATIC'
      AND t.period >= ${quarterMonth(period, 1)} AND t.period <= ${month}
  )`;
}

export type BranchMonthFilter = { periods: Period[]; branchIds?: number[] | null; branchesSql?: Prisma.Sql };

/**
 * `SELECT branch_id, period, present, expected, used_handbook, thematic, held_on,
 * failed, no_thematic_in_quarter, fail_duration … fail_minutes` — one row per
 * branch and month with a meeting (months without one have no row).
 * `branchesSql` (a `SELECT branch_id`) or `branchIds` narrows the branches.
 */
export function branchMonthQualitySql(filter: BranchMonthFilter, thresholds: QualityThresholds): Prisma.Sql {
  const only = filter.branchIds
    ? Prisma.sql`AND m."branchId" = ANY(${filter.branchIds}::int[])`
    : filter.branchesSql
      ? Prisma.sql`AND m."branchId" IN (SELECT branch_id FROM (${filter.branchesSql}) bs)`
      : Prisma.empty;
  const { minMinutes, minMinutesCombined, minAttendancePercent, documentsDaysBefore, scheduleDaysAhead } = thresholds;
  return Prisma.sql`
    SELECT mq.branch_id, mq.period,
      sum(mq.present)::int AS present, sum(mq.expected)::int AS expected,
      bool_or(mq.used_handbook) AS used_handbook, bool_or(mq.kind = 'THEMATIC') AS thematic, min(mq.held_on) AS held_on,
      bool_or(mq.f_duration OR mq.f_committee OR mq.f_schedule OR mq.f_documents OR mq.f_attendance OR mq.f_unexcused OR mq.f_minutes) AS failed,
      NOT bool_or(mq.thematic_in_quarter) AS no_thematic_in_quarter,
      bool_or(mq.f_duration) AS fail_duration, bool_or(mq.f_committee) AS fail_committee, bool_or(mq.f_schedule) AS fail_schedule,
      bool_or(mq.f_documents) AS fail_documents, bool_or(mq.f_attendance) AS fail_attendance, bool_or(mq.f_unexcused) AS fail_unexcused,
      bool_or(mq.f_minutes) AS fail_minutes
    FROM (
      SELECT m."branchId" AS branch_id, m.period, m.kind, m."heldOn" AS held_on, m."usedHandbook" AS used_handbook,
        m."presentCount" AS present, m."expectedCount" AS expected,
        coalesce(dur.required > 0 AND dur.minutes IS NOT NULL AND dur.minutes < dur.required, false) AS f_duration,
        coalesce(m."committeePrepared" = false, false) AS f_committee,
        (${scheduleDaysAhead}::int > 0 AND CASE
          WHEN s.id IS NULL THEN m."startTime" IS NOT NULL
          ELSE m."heldOn" - (s."announcedAt" + interval '7 hours')::date < ${scheduleDaysAhead}::int END) AS f_schedule,
        (${documentsDaysBefore}::int > 0 AND (d.last_sent IS NULL OR d.last_sent > m."heldOn" - ${documentsDaysBefore}::int)) AS f_documents,
        (${minAttendancePercent}::int > 0 AND m."expectedCount" > 0 AND m."presentCount" * 100 < ${minAttendancePercent}::int * m."expectedCount") AS f_attendance,
        m."unexcusedCount" > 0 AS f_unexcused,
        m.minutes IS NULL AS f_minutes,
        EXISTS (
          SELECT 1 FROM "Meeting" t
          WHERE t."branchId" = m."branchId" AND t.period >= ${quarterMonth("m.period", 1)} AND t.period <= ${quarterMonth("m.period", 3)}
            AND (t.kind = 'THEMATIC' OR t."combinedWithThematic")
        ) AS thematic_in_quarter
      FROM "Meeting" m
      CROSS JOIN LATERAL (
        SELECT CASE WHEN m."combinedWithThematic" THEN ${minMinutesCombined}::int ELSE ${minMinutes}::int END AS required,
          CASE WHEN ${minutesOf('m."endTime"')} > ${minutesOf('m."startTime"')} THEN ${minutesOf('m."endTime"')} - ${minutesOf('m."startTime"')} END AS minutes
      ) dur
      LEFT JOIN "MeetingSchedule" s ON s."branchId" = m."branchId" AND s.period = m.period AND s.kind = m.kind
      LEFT JOIN LATERAL (SELECT max(doc."sentOn") AS last_sent FROM "MeetingDocument" doc WHERE doc."meetingId" = m.id) d ON true
      WHERE m.period = ANY(${filter.periods}::text[]) ${only}
    ) mq
    GROUP BY mq.branch_id, mq.period`;
}
