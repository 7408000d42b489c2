import type { FormState } from "@/lib/actions/form-state";
import type { DraftDetail } from "@/lib/drafts/get-draft-detail";
import { DECISION_LABELS, FLAG_LABELS, RESUBMISSION_LABELS, RESUBMISSION_TONES } from "@/lib/drafts/labels";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { Badge } from "@/components/ui/badge";
import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { CommentThreads } from "./comment-threads";
import { GeneralCommentForm } from "./comment-forms";
import { ReviewForm } from "./review-form";
import { FeedbackAckForm } from "./feedback-ack-form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** The reviewer's card: the decision form on the current version, or the decision already sent on it. */
export function ReviewDecisionCard({ detail, action }: { detail: DraftDetail; action: Action }) {
  const { draft } = detail;
  const lastReview = detail.reviews.at(-1);
  const decidedReview = lastReview && lastReview.versionNo === draft.currentVersionNo && (draft.status === "APPROVED" || draft.status === "CHANGES_REQUESTED") ? lastReview : null;
  return (
    <section className="card">
      <h2>Quyết định xem xét</h2>
      {decidedReview ? (
        // A decided version takes no second decision (the server refuses it): the form gives way to what was sent.
        <div className="decided" role="status">
          <p>
            <Badge tone={decidedReview.decision === "APPROVED" ? "ok" : "warn"}>{DECISION_LABELS[decidedReview.decision]}</Badge> phiên bản {decidedReview.versionNo} · {decidedReview.reviewerName} · {formatDateTime(decidedReview.createdAt)}
          </p>
          <p>{decidedReview.decision === "APPROVED" ? "Đã duyệt dự thảo." : "Đã gửi yêu cầu chỉnh sửa cho chi bộ và Đảng ủy phường. Chi bộ nộp phiên bản mới thì bạn quyết định tiếp."}</p>
          {draft.resubmission ? (
            <p className="small">
              <Badge tone={RESUBMISSION_TONES[draft.resubmission.state]}>{RESUBMISSION_LABELS[draft.resubmission.state]}</Badge> hạn chi bộ nộp lại {formatDateTime(draft.resubmission.dueAt)}
            </p>
          ) : null}
        </div>
      ) : (
        <ReviewForm
          action={action}
          draftId={draft.id}
          currentVersionNo={draft.currentVersionNo}
          proposedFlags={detail.analysis?.proposedFlags ?? []}
          reasons={detail.analysis?.reasons ?? {}}
          pendingComments={detail.comments.filter((comment) => comment.mine && !comment.published).length}
        />
      )}
    </section>
  );
}

type CommentsProps = {
  detail: DraftDetail;
  viewedVersionNo: number;
  canComment: boolean;
  /** Reviewers' new comments stay private until their review is sent. */
  privateUntilReview: boolean;
  /** The branch accepts or rejects suggestions. */
  canDecideSuggestions: boolean;
  actions: { add: Action; resolve: Action; suggestion: Action };
};

/** The comment threads, and a general comment or one on a quoted passage. */
export function DraftCommentsCard({ detail, viewedVersionNo, canComment, privateUntilReview, canDecideSuggestions, actions }: CommentsProps) {
  return (
    <section className="card" id="gop-y">
      <h2>Góp ý ({formatNumber(detail.comments.filter((comment) => comment.parentId === null).length)})</h2>
      <CommentThreads
        draftId={detail.draft.id}
        viewedVersionNo={viewedVersionNo}
        comments={detail.comments}
        canComment={canComment}
        canDecideSuggestions={canDecideSuggestions}
        actions={{ reply: actions.add, resolve: actions.resolve, suggestion: actions.suggestion }}
      />
      {canComment ? (
        <details className="new-comment">
          <summary>Thêm góp ý chung hoặc góp ý theo đoạn trích</summary>
          <GeneralCommentForm action={actions.add} draftId={detail.draft.id} versionNo={viewedVersionNo} privateUntilReview={privateUntilReview} />
        </details>
      ) : null}
    </section>
  );
}

/** Every decision with the ward's acknowledgement and reply; the ward committee acknowledges here. */
export function DecisionsCard({ reviews, ackAction }: { reviews: DraftDetail["reviews"]; ackAction: Action | null }) {
  return (
    <section className="card" id="phan-hoi">
      <h2>Quyết định và phản hồi của phường</h2>
      {reviews.length === 0 ? <p className="muted">Chưa có quyết định nào.</p> : null}
      <ol className="reviews">
        {[...reviews].reverse().map((review) => (
          <li key={review.id}>
            <div>
              <Badge tone={review.decision === "APPROVED" ? "ok" : "warn"}>{DECISION_LABELS[review.decision]}</Badge> phiên bản {review.versionNo} · {review.reviewerName} · {formatDateTime(review.createdAt)}
            </div>
            <p>{review.summary}</p>
            {review.flags.length ? <div className="small">Cờ: {review.flags.map((flag) => FLAG_LABELS[flag]).join(", ")}</div> : null}
            {review.dismissedFlags.length ? <div className="small muted">Bỏ qua đề xuất của máy: {review.dismissedFlags.map((flag) => FLAG_LABELS[flag]).join(", ")}</div> : null}
            {review.feedback ? (
              review.feedback.acknowledgedAt ? (
                <div className="small feedback-status">
                  <Badge tone="ok">Phường đã xác nhận</Badge> {review.feedback.acknowledgedByName}, {formatDateTime(review.feedback.acknowledgedAt)}
                  {review.feedback.reply ? <blockquote className="ward-reply">{review.feedback.reply}</blockquote> : null}
                </div>
              ) : (
                <div className="small feedback-status">
                  <Badge tone={review.decision === "CHANGES_REQUESTED" ? "bad" : "neutral"}>Phường chưa xác nhận</Badge>
                </div>
              )
            ) : null}
            {ackAction && review.feedback ? <FeedbackAckForm action={ackAction} feedbackId={review.feedback.id} acknowledged={!!review.feedback.acknowledgedAt} reply={review.feedback.reply} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

type AttachmentsProps = {
  draft: DraftDetail["draft"];
  items: Parameters<typeof AttachmentsPanel>[0]["items"];
  maxMegabytes: number;
  /** The branch attaches the signed resolution once the draft is approved. */
  canUpload: boolean;
  /** The ward and the board get the formal feedback letter. */
  showFeedbackLetter: boolean;
};

/** The signed resolution and, for the ward and the board, the feedback letter as a document. */
export function DraftAttachmentsCard({ draft, items, maxMegabytes, canUpload, showFeedbackLetter }: AttachmentsProps) {
  return (
    <section className="card" id="dinh-kem">
      <h2>Văn bản kèm theo</h2>
      <AttachmentsPanel
        title="Nghị quyết đã ký"
        items={items}
        uploadKinds={canUpload && draft.status === "APPROVED" ? ["SIGNED_RESOLUTION"] : []}
        target={{ draftId: draft.id }}
        maxMegabytes={maxMegabytes}
        emptyText={draft.status === "APPROVED" ? "Chi bộ chưa đính kèm bản nghị quyết đã ký." : "Đính kèm bản nghị quyết đã ký sau khi dự thảo được duyệt."}
      />
      {showFeedbackLetter ? (
        <p className="small">
          <a href={`/documents?kind=FEEDBACK_LETTER&draft=${draft.id}`}>Công văn góp ý theo thể thức (DOCX)</a>
        </p>
      ) : null}
    </section>
  );
}
