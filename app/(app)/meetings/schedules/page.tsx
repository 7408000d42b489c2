import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { listMeetingSchedules } from "@/lib/meetings/list-meeting-schedules";
import { SCHEDULE_STATE_LABELS, SCHEDULE_STATES, type ScheduleState } from "@/lib/meetings/labels";
import { SchedulesPageParams } from "@/lib/meetings/schemas";
import { findUnitInScope, unitAncestors } from "@/lib/org/org-units";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { MeetingsTabs } from "@/components/meetings/meetings-tabs";
import { PeriodPicker } from "@/components/meetings/period-picker";

export const metadata = { title: "Lịch sinh hoạt báo trước" };

const TONE: Record<ScheduleState, BadgeTone> = { ON_TIME: "ok", LATE: "warn", NOT_ANNOUNCED: "bad" };

export default async function MeetingSchedulesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read")) return <ForbiddenPage />;
  const { values: params, invalid } = readSearchParams(await searchParams, SchedulesPageParams);
  // Schedules go out around the 20th for a meeting early next month: next month is what the board watches.
  const latest = addMonths(currentPeriod(), 1);
  const period = params.period ?? latest;
  const { state, page, unit: unitId } = params;
  if (invalid.includes("unit")) notFound();
  const [unit, schedules] = await Promise.all([findUnitInScope(actor, unitId, "meeting.read"), listMeetingSchedules(actor, { orgUnitId: unitId, period, state, page, pageSize: 50 })]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const ancestors = await unitAncestors(actor, unit.path);
  const { counts } = schedules;
  return (
    <>
      <PageHeader
        breadcrumb={[...ancestors.map((a) => ({ label: a.name, href: a.inScope ? withQuery("/meetings/schedules", { unit: a.id, period }) : undefined })), { label: unit.name }]}
        title={`Lịch sinh hoạt báo trước — ${unit.name}`}
        description={`Thời gian, địa điểm, nội dung buổi sinh hoạt thường kỳ ${formatPeriod(period).toLowerCase()} phải gửi đến đảng viên và cấp ủy viên phụ trách trước ít nhất ${formatNumber(schedules.daysAhead)} ngày.`}
      />
      <MeetingsTabs active="schedules" unit={unit.id} period={period} showFlags={can(actor.role, "member.read")} />
      <PeriodPicker period={period} latest={latest} hidden={{ unit: unit.id, state }} />
      <div className="grid grid-stats section">
        <Link className="stat" href={withQuery("/meetings/schedules", { unit: unit.id, period })} aria-current={!state ? "true" : undefined}>
          <div className="stat-label">Chi bộ</div>
          <div className="stat-value">{formatNumber(counts.branches)}</div>
        </Link>
        {SCHEDULE_STATES.map((option) => (
          <Link key={option} className="stat" href={withQuery("/meetings/schedules", { unit: unit.id, period, state: option })} aria-current={state === option ? "true" : undefined}>
            <div className="stat-label">{SCHEDULE_STATE_LABELS[option]}</div>
            <div className="stat-value">{formatNumber(counts[option])}</div>
          </Link>
        ))}
      </div>
      {schedules.items.length === 0 ? (
        <div className="card empty">Không có chi bộ nào{state ? ` ở trạng thái “${SCHEDULE_STATE_LABELS[state].toLowerCase()}”` : ""}.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>
              {formatNumber(schedules.total)} chi bộ · {formatPeriod(period)}
            </caption>
            <thead>
              <tr>
                <th>Chi bộ</th>
                <th>Lịch họp</th>
                <th>Thông báo</th>
              </tr>
            </thead>
            <tbody>
              {schedules.items.map((item) => (
                <tr key={item.branch.id}>
                  <td>
                    <Link href={`/meetings/branch/${item.branch.id}/${period}`}>{item.branch.name}</Link>
                    <div className="small muted mono">{item.branch.code}</div>
                  </td>
                  <td>
                    {item.schedule ? (
                      <>
                        {item.schedule.startTime} ngày {formatDate(item.schedule.plannedOn)}
                        <div className="small muted">{item.schedule.place}</div>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    <Badge tone={TONE[item.state]}>{SCHEDULE_STATE_LABELS[item.state]}</Badge>
                    {item.schedule ? <div className="small muted">ngày {formatDate(item.schedule.announcedAt)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={schedules.page} pageSize={schedules.pageSize} total={schedules.total} hrefFor={(p) => withQuery("/meetings/schedules", { unit: unit.id, period, state, page: p })} />
    </>
  );
}
