import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { defaultReviewPeriod } from "@/lib/drafts/list-review-queue";
import { findBranchDraft } from "@/lib/drafts/branch-drafts";
import { RESUBMISSION_LABELS, RESUBMISSION_TONES, STATUS_LABELS, STATUS_TONES } from "@/lib/drafts/labels";
import { countOpenFeedback } from "@/lib/drafts/feedback-counts";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";

/** Home page: the review period's progress for the board, wards and leaders. */
export async function DraftReviewHomePanel({ actor }: { actor: Actor }) {
  const period = await defaultReviewPeriod();
  const [{ totals, deadline }, feedback] = await Promise.all([getDraftReviewSummary(actor, { period, withChildren: false }), can(actor.role, "feedback.read") ? countOpenFeedback(actor) : null]);
  return (
    <section className="section card">
      <div className="card-header">
        <h2>Dự thảo nghị quyết {formatPeriod(period).toLowerCase()}</h2>
        <span className="small muted">Hạn nộp {formatDateTime(deadline)}</span>
      </div>
      <div className="grid grid-stats">
        <Stat label="Đã nộp" value={`${formatNumber(totals.submitted)}/${formatNumber(totals.branches)}`} note={`${formatNumber(totals.late)} nộp muộn · ${formatNumber(totals.missing + totals.notDue)} chưa nộp`} />
        <Stat label="Chờ xem xét" value={formatNumber(totals.awaitingReview)} />
        <Stat label="Yêu cầu chỉnh sửa" value={formatNumber(totals.changesRequested)} note={`${formatNumber(totals.approved)} đã duyệt`} />
        {feedback ? (
          // Every period, as the feedback list counts them: an old request for changes is not hidden by the month shown above.
          <Stat
            label="Phản hồi chưa xác nhận"
            value={<Link href="/feedback">{formatNumber(feedback.open)}</Link>}
            note={`${formatNumber(feedback.overdue)} quá hạn (yêu cầu chỉnh sửa chờ quá ${formatNumber(feedback.ackDays)} ngày) · mọi kỳ`}
          />
        ) : (
          <Stat label="Phường chưa xác nhận" value={formatNumber(totals.unacknowledged)} note={`${formatNumber(totals.unacknowledgedOverdue)} quá hạn`} />
        )}
      </div>
      <div className="actions-row section">
        <Link className="button" href={`/drafts?period=${period}${can(actor.role, "draft.review") ? "&status=AWAITING" : ""}`}>{can(actor.role, "draft.review") ? "Xem dự thảo chờ xem xét" : "Xem danh sách dự thảo"}</Link>
        {can(actor.role, "feedback.ack") ? <Link className="button button-secondary" href="/feedback">Phản hồi cần xác nhận</Link> : null}
        <Link className="button button-secondary" href={`/drafts/progress?period=${period}`}>Tiến độ theo đơn vị</Link>
      </div>
    </section>
  );
}

/** Home page of a branch secretary: this period's draft. */
export async function BranchDraftHomePanel({ actor }: { actor: Actor }) {
  if (actor.scopeLevel !== "BRANCH") return null;
  const period = await defaultReviewPeriod();
  const { draft, deadline, resubmission } = await findBranchDraft(actor, actor.orgUnitId, period);
  return (
    <section className="section card">
      <div className="card-header">
        <h2>Dự thảo nghị quyết {formatPeriod(period).toLowerCase()}</h2>
        <span className="small muted">Hạn nộp {formatDateTime(deadline)}</span>
      </div>
      {draft ? (
        <p>
          <Badge tone={STATUS_TONES[draft.status]}>{STATUS_LABELS[draft.status]}</Badge> · <Link href={`/drafts/${draft.id}`}>Xem dự thảo và góp ý</Link>
          {resubmission ? (
            <>
              {" "}· <Badge tone={RESUBMISSION_TONES[resubmission.state]}>{RESUBMISSION_LABELS[resubmission.state]}</Badge> hạn nộp lại {formatDateTime(resubmission.dueAt)}
            </>
          ) : null}
        </p>
      ) : (
        <p className="muted">Chi bộ chưa nộp dự thảo kỳ này.</p>
      )}
      <div className="actions-row">
        <Link className="button" href={`/drafts/write?period=${period}`}>{draft ? (draft.status === "CHANGES_REQUESTED" ? "Sửa dự thảo theo góp ý" : "Nộp phiên bản mới") : "Soạn dự thảo"}</Link>
      </div>
    </section>
  );
}
