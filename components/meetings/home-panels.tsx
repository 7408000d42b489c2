import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { currentPeriod, previousPeriod } from "@/lib/periods/period";
import { getMeetingComplianceSummary } from "@/lib/meetings/compliance";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";
import { getBranchMeetingHistory } from "@/lib/meetings/branch-meetings";
import { isEditable } from "@/lib/meetings/rules";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { MeetingStateBadge } from "./meeting-state-badge";

/** Branch secretary: this month's and last month's meeting, with the button to record. */
export async function BranchMeetingsPanel({ actor }: { actor: Actor }) {
  const history = await getBranchMeetingHistory(actor, actor.orgUnitId, { period: currentPeriod(), months: 2 });
  return (
    <section className="section card">
      <div className="card-header">
        <h2>Sinh hoạt chi bộ</h2>
        <Link href={`/meetings/branch/${actor.orgUnitId}`}>Xem 12 tháng</Link>
      </div>
      <ul className="plain-list home-months">
        {history.months.map((month) => (
          <li key={month.period}>
            <span>
              <strong>{formatPeriod(month.period)}</strong> <MeetingStateBadge state={month.state} />
              {month.meetings[0] ? (
                <span className="small muted">
                  {" "}
                  ngày {formatDate(month.meetings[0].heldOn)}, có mặt {formatNumber(month.meetings[0].present)}/{formatNumber(month.meetings[0].expected)}
                  {month.meetings[0].hasMinutes ? "" : " · chưa có biên bản"}
                </span>
              ) : (
                <span className="small muted"> hạn {formatDate(month.deadline)}</span>
              )}
            </span>
            {isEditable(month.window) ? (
              <Link className={month.state === "HELD" ? "button button-secondary button-small" : "button button-small"} href={month.state === "HELD" ? `/meetings/branch/${actor.orgUnitId}/${month.period}` : `/meetings/branch/${actor.orgUnitId}/${month.period}/record`}>
                {month.state !== "HELD" ? "Ghi cuộc họp" : month.meetings.every((meeting) => meeting.hasMinutes) ? "Xem, sửa" : "Hoàn tất biên bản"}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Board, ward committee, leaders: last month's and this month's meeting compliance in the scope. */
export async function MeetingCompliancePanel({ actor }: { actor: Actor }) {
  const now = await defaultMeetingPeriod();
  const [last, current] = await Promise.all([getMeetingComplianceSummary(actor, { period: previousPeriod(now) }), getMeetingComplianceSummary(actor, { period: now })]);
  return (
    <section className="section card">
      <div className="card-header">
        <h2>Sinh hoạt chi bộ</h2>
        <Link href="/meetings">Xem tình hình sinh hoạt</Link>
      </div>
      <div className="grid grid-stats">
        {[last, current].map((summary) => (
          <div className="stat" key={summary.period}>
            <div className="stat-label">{formatPeriod(summary.period)}</div>
            <div className="stat-value">
              {formatNumber(summary.held)}/{formatNumber(summary.branches)}
            </div>
            <div className="stat-note">
              chi bộ đã sinh hoạt ·{" "}
              {summary.missing ? <strong className="text-bad">{formatNumber(summary.missing)} thiếu</strong> : `${formatNumber(summary.pending)} chưa đến hạn ${formatDate(summary.deadline)}`} · có mặt{" "}
              {formatPercent(summary.attendanceRate)}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
