import "server-only";
import type { DataQualityAlertKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { branchesUnderSql } from "@/lib/org/tree-sql";
import { formatDate, formatPeriod, todayIso, addDays, isoDate } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import type { Period } from "@/lib/periods/period";
import { getSetting } from "@/lib/settings/app-settings";
import { findUnitInScope } from "@/lib/org/org-units";
import { MISSING_MEETING_DEADLINE_DAY } from "./settings";
import { isDateInPeriod, lastMonths, meetingDeadline, periodEnd } from "./rules";
import { ALERT_KINDS, ALERT_KIND_LABELS, MEETING_KIND_LABELS } from "./labels";
import { loadQualityThresholds } from "./meeting-quality";
import { meetingDuration } from "./quality";

/** Meetings in a row at 100% with nobody ever excused before "perfect attendance" looks suspicious. */
const PERFECT_ATTENDANCE_MIN_MEETINGS = 6;

export type DataQualityAlert = {
  kind: DataQualityAlertKind;
  subjectKey: string;
  title: string;
  explanation: string;
  period: Period;
  meetingId: number | null;
  branch: { id: number; code: string; name: string };
  ward: { id: number; name: string } | null;
  dismissal: { reason: string; by: string; at: Date } | null;
};

/** `page` and `pageSize` cut the list (counts stay those of the whole list). */
type Options = { orgUnitId?: number; period: Period; kind?: DataQualityAlertKind; includeDismissed?: boolean; now?: Date; page?: number; pageSize?: number };

/**
 * Data-quality alerts for the branches under a node in a period, each with a
 * sentence that explains it. Computed from the data on every read (never
 * stale); dismissals with their reasons are stored.
 */
export async function findDataQualityAlerts(actor: Actor, options: Options) {
  const unit = await findUnitInScope(actor, options.orgUnitId, "meeting.read");
  const today = todayIso(options.now);
  const { period } = options;
  const showNames = can(actor.role, "member.read");
  const under = branchesUnderSql(unit.path, { period });
  const want = (kind: DataQualityAlertKind) => !options.kind || options.kind === kind;
  const alerts: Omit<DataQualityAlert, "branch" | "ward" | "dismissal" | "title">[] = [];
  const branchOf = new Map<string, number>();
  const push = (branchId: number, alert: Omit<DataQualityAlert, "branch" | "ward" | "dismissal" | "title">) => {
    alerts.push(alert);
    branchOf.set(`${alert.kind}|${alert.subjectKey}`, branchId);
  };

  // Minutes are due with the record itself: no alert before the recording deadline (the 5th of next month by default).
  const recordingDeadline = meetingDeadline(period, await getSetting(MISSING_MEETING_DEADLINE_DAY));
  const minutesOverdue = today > recordingDeadline;
  // The three kinds of checks read different tables: run them side by side.
  await Promise.all([
    (async () => {
      if (!(want("MISSING_MINUTES") || want("DOCUMENTS_NOT_SENT") || want("HELD_OUTSIDE_PERIOD") || want("SHORT_MEETING") || want("DOCUMENTS_LATE") || want("NO_SCHEDULE"))) return;
      const [meetings, thresholds] = await Promise.all([
        db().$queryRaw<
          {
            id: number;
            branch_id: number;
            kind: "REGULAR" | "THEMATIC";
            held_on: Date;
            no_minutes: boolean;
            closed: boolean;
            docs: number;
            docs_before: number;
            last_sent: Date | null;
            start_time: string | null;
            end_time: string | null;
            combined: boolean;
            announced: boolean;
          }[]
        >`
        WITH pm AS (
          SELECT m.id, m."branchId", m.kind, m."heldOn", m.minutes IS NULL AS no_minutes, m."closedAt" IS NOT NULL AS closed,
            m."startTime", m."endTime", m."combinedWithThematic",
            EXISTS (SELECT 1 FROM "MeetingSchedule" s WHERE s."branchId" = m."branchId" AND s.period = m.period AND s.kind = m.kind) AS announced
          FROM "Meeting" m
          WHERE m.period = ${period} AND m."branchId" IN (SELECT branch_id FROM (${under}) u)
        ),
        docs AS (
          SELECT d."meetingId", count(*)::int AS docs, (count(*) FILTER (WHERE d."sentOn" < pm."heldOn"))::int AS docs_before, max(d."sentOn") AS last_sent
          FROM "MeetingDocument" d JOIN pm ON pm.id = d."meetingId"
          GROUP BY d."meetingId"
        )
        SELECT pm.id, pm."branchId" AS branch_id, pm.kind, pm."heldOn" AS held_on, pm.no_minutes, pm.closed,
          coalesce(docs.docs, 0) AS docs, coalesce(docs.docs_before, 0) AS docs_before, docs.last_sent,
          pm."startTime" AS start_time, pm."endTime" AS end_time, pm."combinedWithThematic" AS combined, pm.announced
        FROM pm LEFT JOIN docs ON docs."meetingId" = pm.id`,
        loadQualityThresholds(),
      ]);
      for (const meeting of meetings) {
        const heldOn = isoDate(meeting.held_on);
        const subjectKey = `meeting:${meeting.id}`;
        const what = `${MEETING_KIND_LABELS[meeting.kind]} ngày ${formatDate(heldOn)}`;
        if (want("MISSING_MINUTES") && meeting.no_minutes && minutesOverdue) {
          push(meeting.branch_id, { kind: "MISSING_MINUTES", subjectKey, period, meetingId: meeting.id, explanation: `${what} đã được ghi nhận nhưng chưa có biên bản, dù hạn ghi nhận của ${formatPeriod(period)} là hết ngày ${formatDate(recordingDeadline)}.` });
        }
        // Documents are declared when the meeting is closed; an unclosed meeting is the "missing minutes" alert.
        if (want("DOCUMENTS_NOT_SENT") && meeting.closed && meeting.docs_before === 0) {
          const explanation =
            meeting.docs === 0
              ? `${what}: không ghi nhận tài liệu nào gửi đảng viên trước cuộc họp.`
              : `${what}: ${formatNumber(meeting.docs)} tài liệu được gửi muộn nhất ngày ${formatDate(meeting.last_sent)}, không có tài liệu nào gửi trước ngày họp.`;
          push(meeting.branch_id, { kind: "DOCUMENTS_NOT_SENT", subjectKey, period, meetingId: meeting.id, explanation });
        }
        // The quality checklist's duration, late documents and schedule, as alerts a ward follows up (lib/meetings/quality.ts).
        const required = meeting.combined ? thresholds.minMinutesCombined : thresholds.minMinutes;
        const duration = meetingDuration(meeting.start_time, meeting.end_time);
        if (want("SHORT_MEETING") && required > 0 && duration !== null && duration < required) {
          push(meeting.branch_id, { kind: "SHORT_MEETING", subjectKey, period, meetingId: meeting.id, explanation: `${what} họp ${formatNumber(duration)} phút (${meeting.start_time}–${meeting.end_time}); ${meeting.combined ? "sinh hoạt thường kỳ kết hợp chuyên đề" : "buổi sinh hoạt"} cần ít nhất ${formatNumber(required)} phút.` });
        }
        const postedBy = addDays(heldOn, -thresholds.documentsDaysBefore);
        if (want("DOCUMENTS_LATE") && thresholds.documentsDaysBefore > 0 && meeting.closed && meeting.docs_before > 0 && meeting.last_sent && isoDate(meeting.last_sent) > postedBy) {
          push(meeting.branch_id, { kind: "DOCUMENTS_LATE", subjectKey, period, meetingId: meeting.id, explanation: `${what}: tài liệu cuối cùng đăng ngày ${formatDate(meeting.last_sent)}, muộn hơn hạn ${formatDate(postedBy)} (trước ngày họp ít nhất ${formatNumber(thresholds.documentsDaysBefore)} ngày).` });
        }
        // Records made before schedules were kept carry no start time: not announced is unknown there, not a lapse.
        if (want("NO_SCHEDULE") && thresholds.scheduleDaysAhead > 0 && !meeting.announced && meeting.start_time !== null) {
          push(meeting.branch_id, { kind: "NO_SCHEDULE", subjectKey, period, meetingId: meeting.id, explanation: `${what} không có lịch sinh hoạt báo trước cho đảng viên và cấp ủy viên phụ trách.` });
        }
        if (want("HELD_OUTSIDE_PERIOD") && !isDateInPeriod(heldOn, period)) {
          push(meeting.branch_id, { kind: "HELD_OUTSIDE_PERIOD", subjectKey, period, meetingId: meeting.id, explanation: `Cuộc họp của ${formatPeriod(period)} ghi ngày họp ${formatDate(heldOn)}, nằm ngoài kỳ. Kiểm tra lại ngày họp hoặc kỳ của cuộc họp.` });
        }
      }
    })(),
    (async () => {
      if (!want("FORMER_MEMBER_ATTENDANCE")) return;
      // Only members who joined or left around the period can be out of place: find them first, then their rows.
      const { start, end } = { start: addDays(`${period}-01`, -31), end: addDays(periodEnd(period), 31) };
      const rows = await db().$queryRaw<{ meeting_id: number; branch_id: number; held_on: Date; full_name: string; joined: Date; left_on: Date | null; status: string }[]>`
        WITH candidates AS (
          SELECT mb.id, mb."branchId", mb."fullName", mb."joinedBranchOn", mb."leftBranchOn", mb.status
          FROM "Member" mb
          WHERE mb."branchId" IN (SELECT branch_id FROM (${under}) u)
            AND (mb."leftBranchOn" <= ${end}::date OR mb."joinedBranchOn" > ${start}::date)
        )
        SELECT m.id AS meeting_id, m."branchId" AS branch_id, m."heldOn" AS held_on, c."fullName" AS full_name, c."joinedBranchOn" AS joined, c."leftBranchOn" AS left_on, c.status::text AS status
        FROM candidates c
        JOIN "Attendance" a ON a."memberId" = c.id
        JOIN "Meeting" m ON m.id = a."meetingId"
        WHERE m.period = ${period} AND m."branchId" = c."branchId"
          AND (c."joinedBranchOn" > m."heldOn" OR c."leftBranchOn" <= m."heldOn")
        ORDER BY m.id, c."fullName"`;
      const byMeeting = new Map<number, typeof rows>();
      for (const row of rows) byMeeting.set(row.meeting_id, [...(byMeeting.get(row.meeting_id) ?? []), row]);
      for (const [meetingId, people] of byMeeting) {
        const heldOn = formatDate(people[0].held_on);
        const who = showNames
          ? `: ${people
              .slice(0, 5)
              .map((p) => (p.left_on && isoDate(p.left_on) <= isoDate(p.held_on) ? `${p.full_name} (${p.status === "DECEASED" ? "từ trần" : "chuyển đi"} từ ${formatDate(p.left_on)})` : `${p.full_name} (vào chi bộ từ ${formatDate(p.joined)})`))
              .join(", ")}${people.length > 5 ? ", …" : ""}`
          : "";
        push(people[0].branch_id, {
          kind: "FORMER_MEMBER_ATTENDANCE",
          subjectKey: `meeting:${meetingId}`,
          period,
          meetingId,
          explanation: `Cuộc họp ngày ${heldOn} có điểm danh ${formatNumber(people.length)} người không thuộc chi bộ vào ngày đó${who}.`,
        });
      }
    })(),
    (async () => {
      if (!want("PERFECT_ATTENDANCE")) return;
      const window = lastMonths(period, 12);
      const rows = await db().$queryRaw<{ branch_id: number; meetings: number; months: number; first: string; size: number }[]>`
        SELECT m."branchId" AS branch_id, count(*)::int AS meetings, count(DISTINCT m.period)::int AS months, min(m.period) AS first, max(m."expectedCount")::int AS size
        FROM "Meeting" m
        WHERE m.period >= ${window[0]} AND m.period <= ${period} AND m."branchId" IN (SELECT branch_id FROM (${under}) u)
        GROUP BY m."branchId"
        HAVING count(DISTINCT m.period) >= ${PERFECT_ATTENDANCE_MIN_MEETINGS}
          AND sum(m."excusedCount" + m."unexcusedCount") = 0 AND min(m."expectedCount") > 0
          AND bool_or(m.period = ${period})`;
      for (const row of rows) {
        push(row.branch_id, {
          kind: "PERFECT_ATTENDANCE",
          subjectKey: `branch:${row.branch_id}:${period.slice(0, 4)}`,
          period,
          meetingId: null,
          explanation:
            `${formatNumber(row.meetings)} cuộc họp trong ${formatNumber(row.months)} tháng (${formatPeriod(row.first)} – ${formatPeriod(period)}) đều có mặt đủ 100%, ` +
            `chưa từng có ai vắng kể cả vắng có lý do (chi bộ tới ${formatNumber(row.size)} người phải dự). Hiếm gặp trong thực tế: kiểm tra lại cách điểm danh.`,
        });
      }
    })(),
  ]);

  const branchIds = [...new Set(branchOf.values())];
  const [branches, dismissals] = await Promise.all([
    branchIds.length
      ? db().$queryRaw<{ id: number; code: string; name: string; ward_id: number | null; ward_name: string | null }[]>`
          SELECT b.id, b.code, b.name, p.id AS ward_id, p.name AS ward_name FROM "OrgUnit" b LEFT JOIN "OrgUnit" p ON p.id = b."parentId" WHERE b.id = ANY(${branchIds}::int[])`
      : Promise.resolve([]),
    branchIds.length
      ? db().dataQualityDismissal.findMany({ where: { branchId: { in: branchIds } }, select: { kind: true, subjectKey: true, reason: true, dismissedByLabel: true, dismissedAt: true } })
      : Promise.resolve([]),
  ]);
  const branchById = new Map(branches.map((branch) => [branch.id, branch]));
  const dismissalByKey = new Map(dismissals.map((d) => [`${d.kind}|${d.subjectKey}`, { reason: d.reason, by: d.dismissedByLabel, at: d.dismissedAt }]));
  const all: DataQualityAlert[] = alerts.map((alert) => {
    const branch = branchById.get(branchOf.get(`${alert.kind}|${alert.subjectKey}`)!)!;
    return {
      ...alert,
      title: ALERT_KIND_LABELS[alert.kind],
      branch: { id: branch.id, code: branch.code, name: branch.name },
      ward: branch.ward_id ? { id: branch.ward_id, name: branch.ward_name! } : null,
      dismissal: dismissalByKey.get(`${alert.kind}|${alert.subjectKey}`) ?? null,
    };
  });
  all.sort((a, b) => (a.ward?.name ?? "").localeCompare(b.ward?.name ?? "", "vi") || a.branch.code.localeCompare(b.branch.code, "vi", { numeric: true }) || ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind));
  const open = all.filter((alert) => !alert.dismissal);
  const counts = Object.fromEntries(ALERT_KINDS.map((kind) => [kind, open.filter((alert) => alert.kind === kind).length])) as Record<DataQualityAlertKind, number>;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
    period,
    counts,
    open: open.length,
    dismissed: all.length - open.length,
    ...pageOf(options.includeDismissed ? all : open, options.page, options.pageSize),
  };
}


function pageOf<T>(list: T[], page = 1, pageSize?: number) {
  if (!pageSize) return { items: list, total: list.length, page: 1, pageSize: list.length };
  const last = Math.max(1, Math.ceil(list.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), last);
  return { items: list.slice((current - 1) * pageSize, current * pageSize), total: list.length, page: current, pageSize };
}
