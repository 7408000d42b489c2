import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { currentPeriod } from "@/lib/periods/period";
import { pathId, readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { BranchMeetingsPageParams } from "@/lib/meetings/schemas";
import { getBranchMeetingHistory } from "@/lib/meetings/branch-meetings";
import { isEditable } from "@/lib/meetings/rules";
import { MEETING_KIND_LABELS } from "@/lib/meetings/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge } from "@/components/ui/badge";
import { withQuery } from "@/components/ui/pagination";
import { MeetingStateBadge } from "@/components/meetings/meeting-state-badge";
import { PeriodPicker } from "@/components/meetings/period-picker";

export const metadata = { title: "Sinh hoạt của chi bộ" };

type Props = { params: Promise<{ branchId: string }>; searchParams: Promise<SearchParams> };

export default async function BranchMeetingsPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read")) return <ForbiddenPage />;
  const branchId = pathId((await params).branchId);
  const query = readSearchParams(await searchParams, BranchMeetingsPageParams).values;
  const latest = currentPeriod();
  const period = query.period ?? latest;
  const history = await getBranchMeetingHistory(actor, branchId, { period }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { branch, ancestors, months } = history;
  const canRecord = can(actor.role, "meeting.record");
  const toRecord = canRecord ? months.filter((month) => isEditable(month.window) && month.state !== "HELD") : [];
  const held = months.filter((month) => month.state === "HELD").length;
  const missing = months.filter((month) => month.state === "MISSING").length;

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Sinh hoạt chi bộ", href: "/meetings" }, ...ancestors.filter((a) => a.inScope).map((a) => ({ label: a.name, href: withQuery("/meetings", { unit: a.id, period }) })), { label: branch.name }]}
        title={branch.name}
        description={
          <>
            <span className="mono">{branch.code}</span> · 12 tháng đến {formatPeriod(period)}: {formatNumber(held)} tháng đã sinh hoạt
            {missing ? <>, <strong className="text-bad">{formatNumber(missing)} tháng thiếu</strong></> : null}
          </>
        }
      />
      {toRecord.length ? (
        <div className="card record-callout">
          {toRecord.map((month) => (
            <div key={month.period} className="actions-row">
              <span>
                <strong>{formatPeriod(month.period)}</strong> chưa có bản ghi sinh hoạt · hạn {formatDate(month.deadline)}
              </span>
              <Link className="button" href={`/meetings/branch/${branch.id}/${month.period}/record`}>
                Ghi cuộc họp {formatPeriod(month.period).toLowerCase()}
              </Link>
            </div>
          ))}
        </div>
      ) : null}
      <PeriodPicker period={period} latest={latest} label="Đến tháng" />
      <section className="section">
        <ol className="month-list">
          {months.map((month) => (
            <li key={month.period} className={`card month-item month-${month.state.toLowerCase()}`}>
              <div className="month-head">
                <Link href={`/meetings/branch/${branch.id}/${month.period}`}>
                  <strong>{formatPeriod(month.period)}</strong>
                </Link>
                <MeetingStateBadge state={month.state} />
                {month.window.state === "REOPENED" ? <Badge tone="info">Mở lại đến {formatDate(month.window.until)}</Badge> : null}
              </div>
              {month.meetings.length ? (
                <ul className="month-meetings">
                  {month.meetings.map((meeting) => (
                    <li key={meeting.id}>
                      <Link href={`/meetings/branch/${branch.id}/${month.period}`}>{MEETING_KIND_LABELS[meeting.kind]}</Link> · ngày {formatDate(meeting.heldOn)} · có mặt{" "}
                      <strong>
                        {formatNumber(meeting.present)}/{formatNumber(meeting.expected)}
                      </strong>{" "}
                      ({formatPercent(meeting.attendanceRate)}){meeting.usedHandbook ? " · dùng Sổ tay" : ""}
                      {meeting.hasMinutes ? null : (
                        <>
                          {" "}
                          <Badge tone="warn">Chưa có biên bản</Badge>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="small muted">{month.state === "MISSING" ? `Không có bản ghi sinh hoạt; hạn là ${formatDate(month.deadline)}.` : `Chưa có bản ghi; hạn ${formatDate(month.deadline)}.`}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
