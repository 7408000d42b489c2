import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { getMeetingComplianceSummary } from "@/lib/meetings/compliance";
import { formatDate, formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { withQuery } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { HANDBOOK_USE } from "@/lib/stats/usage-definitions";

// Leaders see, beside the handbook figures, where the same unit and month stand
// in the two other areas; each card links to its detail page.

type SlotProps = { actor: Actor; orgUnitId: number; period: string };

/** Review progress of the month's draft resolutions under the unit. */
export async function DraftReviewSummarySlot({ actor, orgUnitId, period }: SlotProps) {
  if (!can(actor.role, "draft.read")) return null;
  const { totals, deadline } = await getDraftReviewSummary(actor, { orgUnitId, period, withChildren: false });
  const notSubmitted = totals.missing + totals.notDue;
  return (
    <section className="section card" aria-labelledby="summary-drafts">
      <div className="card-header">
        <h2 id="summary-drafts">Dự thảo nghị quyết {formatPeriod(period).toLowerCase()}</h2>
        <span className="small muted">Hạn nộp {formatDateTime(deadline)}</span>
      </div>
      <div className="grid grid-stats">
        <Stat label="Đã nộp" value={`${formatNumber(totals.submitted)}/${formatNumber(totals.branches)}`} note={`${formatNumber(totals.late)} nộp muộn · ${formatNumber(notSubmitted)} chưa nộp`} />
        <Stat label="Đã duyệt" value={formatNumber(totals.approved)} note={`${formatNumber(totals.awaitingReview)} chờ xem xét`} />
        <Stat label="Yêu cầu chỉnh sửa" value={formatNumber(totals.changesRequested)} note={`${formatNumber(totals.unacknowledged)} phường chưa xác nhận`} />
        <Stat label="Bị gắn cờ chất lượng" value={formatNumber(totals.flagged)} />
      </div>
      <p className="section">
        <Link href={withQuery("/drafts/progress", { period, orgUnitId })}>Xem tiến độ dự thảo theo đơn vị</Link>
      </p>
    </section>
  );
}

/** Meeting compliance of the month under the unit. */
export async function MeetingComplianceSummarySlot({ actor, orgUnitId, period }: SlotProps) {
  if (!can(actor.role, "meeting.read")) return null;
  const summary = await getMeetingComplianceSummary(actor, { orgUnitId, period });
  return (
    <section className="section card" aria-labelledby="summary-meetings">
      <div className="card-header">
        <h2 id="summary-meetings">Sinh hoạt chi bộ {formatPeriod(period).toLowerCase()}</h2>
        <span className="small muted">Hạn {formatDate(summary.deadline)}</span>
      </div>
      <div className="grid grid-stats">
        <Stat label="Đã sinh hoạt" value={`${formatNumber(summary.held)}/${formatNumber(summary.branches)}`} note={summary.missing ? `${formatNumber(summary.missing)} chi bộ thiếu` : `${formatNumber(summary.pending)} chưa đến hạn`} />
        <Stat label="Tỷ lệ có mặt" value={formatPercent(summary.attendanceRate)} />
        <Stat
          label={HANDBOOK_USE.recorded.label}
          value={`${formatNumber(summary.usedHandbook)}/${formatNumber(summary.held)}`}
          note={`${summary.usedHandbookRate === null ? "" : `${formatPercent(summary.usedHandbookRate)} số cuộc họp đã ghi · `}${HANDBOOK_USE.recorded.source}`}
        />
      </div>
      <p className="small muted">{HANDBOOK_USE.recorded.explain}</p>
      <p className="section">
        <Link href={withQuery("/meetings", { unit: orgUnitId, period })}>Xem tình hình sinh hoạt</Link>
      </p>
    </section>
  );
}
