import Link from "next/link";
import type { DraftDetail } from "@/lib/drafts/get-draft-detail";
import type { ReviewClaim } from "@/lib/drafts/review-claims";
import { FLAG_LABELS, STATUS_LABELS, STATUS_TONES, TIMELINESS_LABELS, TIMELINESS_TONES } from "@/lib/drafts/labels";
import { formatDateTime, formatPeriod, formatTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

type HeaderProps = { draft: DraftDetail["draft"]; branch: DraftDetail["branch"]; ward: DraftDetail["ward"]; canWrite: boolean };

/** The draft's branch, status, version and timeliness; the branch's secretary gets the way back to the editor. */
export function DraftHeader({ draft, branch, ward, canWrite }: HeaderProps) {
  return (
    <PageHeader
      breadcrumb={[{ label: "Dự thảo nghị quyết", href: `/drafts?period=${draft.period}` }, ...(ward ? [{ label: ward.name, href: `/drafts?period=${draft.period}&orgUnitId=${ward.id}` }] : []), { label: branch.name }]}
      title={branch.name}
      description={
        <>
          Dự thảo nghị quyết {formatPeriod(draft.period).toLowerCase()} · <Badge tone={STATUS_TONES[draft.status]}>{STATUS_LABELS[draft.status]}</Badge> · phiên bản {draft.currentVersionNo} · nộp lần đầu {formatDateTime(draft.firstSubmittedAt)}{" "}
          <Badge tone={TIMELINESS_TONES[draft.timeliness]}>{TIMELINESS_LABELS[draft.timeliness]}</Badge>
          {draft.flags.map((flag) => (
            <span key={flag}>
              {" "}
              <Badge tone="bad">{FLAG_LABELS[flag]}</Badge>
            </span>
          ))}
        </>
      }
      actions={canWrite ? <Link className="button" href={`/drafts/write?period=${draft.period}`}>{draft.status === "CHANGES_REQUESTED" ? "Sửa dự thảo" : "Nộp phiên bản mới"}</Link> : null}
    />
  );
}

/** Other reviewers on the same draft at the same time: a signal against duplicate work, never a lock. */
export function ReviewClaimNotice({ others }: { others: ReviewClaim[] }) {
  if (!others.length) return null;
  return (
    <div className="alert alert-warn review-claim" role="status">
      Đang xem xét cùng lúc: {others.map((other) => `${other.name} (mở lúc ${formatTime(other.seenAt)})`).join(", ")}. Đây chỉ là báo hiệu để tránh làm trùng, dự thảo không bị khóa.
    </div>
  );
}

type RevisedProps = { sinceMine: number; current: number; showingDiff: boolean; base: string };

/** A reviewer opening a draft revised since their last decision is pointed at what changed. */
export function RevisedSinceReviewNotice({ sinceMine, current, showingDiff, base }: RevisedProps) {
  return (
    <div className="alert alert-info" role="status">
      Chi bộ đã nộp phiên bản {current} sau lần xem xét của bạn (phiên bản {sinceMine}). {showingDiff ? "Phần thay đổi từ lần xem xét đó hiển thị dưới đây." : <Link href={`${base}?view=diff&from=${sinceMine}&to=${current}`}>Xem thay đổi từ lần xem xét trước</Link>}
    </div>
  );
}

/** The branch's secretary, after a request for changes: what to do and by when. */
export function ChangesRequestedNotice({ resubmission }: { resubmission: DraftDetail["draft"]["resubmission"] }) {
  return (
    <div className="alert alert-warn">
      Ban Tổ chức yêu cầu chỉnh sửa. Các góp ý được tô màu trong văn bản; sửa và nộp lại bằng nút “Sửa dự thảo”
      {resubmission ? (
        <>
          {" "}
          <strong>{resubmission.state === "OVERDUE" ? `— đã quá hạn nộp lại (${formatDateTime(resubmission.dueAt)})` : `trước ${formatDateTime(resubmission.dueAt)}`}</strong>
        </>
      ) : null}
      .
    </div>
  );
}
