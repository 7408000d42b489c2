import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { listAttachments } from "@/lib/attachments/attachments";
import { ATTACHMENT_MAX_MB } from "@/lib/attachments/settings";
import { getSetting } from "@/lib/settings/app-settings";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, readSearchParams } from "@/lib/validation/page-params";
import { DraftPageParams } from "@/lib/drafts/schemas";
import { checkDraftDirectives, compareDraft, getDraftDetail, parseCompareTarget, similarDrafts } from "@/lib/drafts/get-draft-detail";
import { analysisThresholds } from "@/lib/drafts/analyze-draft-version";
import { DECISION_LABELS, FLAG_LABELS, RESUBMISSION_LABELS, RESUBMISSION_TONES, STATUS_LABELS, STATUS_TONES, TIMELINESS_LABELS, TIMELINESS_TONES } from "@/lib/drafts/labels";
import { formatDateTime, formatPeriod, formatTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { DraftReader } from "@/components/drafts/draft-reader";
import { DiffView } from "@/components/drafts/diff-view";
import { CompareView } from "@/components/drafts/compare-view";
import { AnalysisPanel } from "@/components/drafts/analysis-panel";
import { CommentThreads } from "@/components/drafts/comment-threads";
import { GeneralCommentForm } from "@/components/drafts/comment-forms";
import { ReviewForm } from "@/components/drafts/review-form";
import { FeedbackAckForm } from "@/components/drafts/feedback-ack-form";
import { claimDraftReview } from "@/lib/drafts/review-claims";
import { acknowledgeFeedbackAction, addCommentAction, decideSuggestionAction, resolveCommentAction, submitReviewAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata = { title: "Dự thảo nghị quyết" };

/** A positive whole number from the URL (version numbers, draft ids), or undefined. */
const positive = (value: string | undefined) => (value && /^\d{1,10}$/.test(value) && Number(value) > 0 && Number.isSafeInteger(Number(value)) ? Number(value) : undefined);

export default async function DraftPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  const id = pathId((await params).id);
  const query = await searchParams;
  const { values } = readSearchParams(query, DraftPageParams);
  const detail = await getDraftDetail(actor, id, { versionNo: values.v }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { draft, branch, ward } = detail;
  const current = draft.currentVersionNo;
  const canReview = can(actor.role, "draft.review");
  const canComment = can(actor.role, "draft.comment");
  const isBranch = can(actor.role, "draft.submit");
  const canAck = can(actor.role, "feedback.ack");
  const sinceMine = canReview && detail.myLastReviewedVersionNo !== null && detail.myLastReviewedVersionNo < current ? detail.myLastReviewedVersionNo : null;
  const view = query.view === "diff" || query.view === "compare" || query.view === "text" ? query.view : sinceMine ? "diff" : "text";
  const base = `/drafts/${draft.id}`;
  // One wait for everything the page reads after the draft itself.
  const [attachments, maxMegabytes, similar, directives, thresholds, claim] = await Promise.all([
    listAttachments(actor, { draftId: detail.draft.id }),
    getSetting(ATTACHMENT_MAX_MB),
    similarDrafts(actor, detail),
    checkDraftDirectives(detail),
    analysisThresholds(),
    canReview ? claimDraftReview(actor, draft.id) : null,
  ]);

  const viewed = detail.versions.find((version) => version.versionNo === detail.viewedVersionNo)!;
  const highlights = detail.comments
    .filter((comment) => comment.parentId === null && comment.located && !comment.resolvedAt)
    .map((comment) => ({ start: comment.located!.start, end: comment.located!.end, className: comment.published ? "c-open" : "c-private", href: `#c-${comment.id}`, title: comment.body.slice(0, 120) }));
  const pendingMine = detail.comments.filter((comment) => comment.mine && !comment.published).length;

  let main: React.ReactNode;
  if (view === "diff") {
    const to = positive(query.to) ?? current;
    const from = positive(query.from) ?? sinceMine ?? Math.max(1, current - 1);
    const before = detail.versions.find((version) => version.versionNo === from);
    const after = detail.versions.find((version) => version.versionNo === to);
    main =
      detail.versions.length < 2 ? (
        <p className="muted">Dự thảo mới có một phiên bản.</p>
      ) : (
        <>
          <form method="get" className="filters">
            <input type="hidden" name="view" value="diff" />
            <div className="field">
              <label htmlFor="from">Từ phiên bản</label>
              <select id="from" name="from" defaultValue={String(from)}>
                {detail.versions.map((version) => (
                  <option key={version.versionNo} value={version.versionNo}>{version.versionNo}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="to">Đến phiên bản</label>
              <select id="to" name="to" defaultValue={String(to)}>
                {detail.versions.map((version) => (
                  <option key={version.versionNo} value={version.versionNo}>{version.versionNo}</option>
                ))}
              </select>
            </div>
            <button className="button button-secondary" type="submit">So sánh</button>
          </form>
          {before && after ? <DiffView before={before.body} after={after.body} fromNo={before.versionNo} toNo={after.versionNo} /> : <p className="muted">Không có phiên bản này.</p>}
        </>
      );
  } else if (view === "compare") {
    const target = parseCompareTarget(query.with);
    const comparison = target === undefined ? null : await compareDraft(actor, detail, target);
    main = comparison ? (
      <CompareView {...comparison} title={target === "previous" ? "So với dự thảo tháng trước của chi bộ" : "So với dự thảo cùng kỳ"} />
    ) : (
      <p className="muted">{target === "previous" ? "Chi bộ không có dự thảo tháng trước." : "Không có dự thảo để đối chiếu."}</p>
    );
  } else {
    main = (
      <>
        <nav className="version-switch" aria-label="Phiên bản">
          {detail.versions.map((version) => (
            <Link key={version.versionNo} href={`${base}?view=text&v=${version.versionNo}`} aria-current={version.versionNo === viewed.versionNo ? "page" : undefined} className="button button-secondary button-small">
              Phiên bản {version.versionNo}
            </Link>
          ))}
        </nav>
        <p className="small muted">
          Phiên bản {viewed.versionNo}: {viewed.submittedBy} nộp lúc {formatDateTime(viewed.submittedAt)} · {formatNumber(viewed.wordCount)} chữ
          {viewed.versionNo !== current ? <strong> · không phải bản hiện tại</strong> : null}
        </p>
        <DraftReader
          draftId={draft.id}
          versionNo={viewed.versionNo}
          body={viewed.body}
          highlights={highlights}
          canComment={canComment}
          canSuggest={canReview}
          privateUntilReview={canReview}
          action={addCommentAction}
        />
      </>
    );
  }

  const tab = (key: string, label: string, href: string, active: boolean) => (
    <Link key={key} href={href} className="tab" aria-current={active ? "page" : undefined}>
      {label}
    </Link>
  );
  const topSimilar = similar[0];
  const lastReview = detail.reviews.at(-1);
  const decidedReview = lastReview && lastReview.versionNo === current && (draft.status === "APPROVED" || draft.status === "CHANGES_REQUESTED") ? lastReview : null;

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Dự thảo nghị quyết", href: `/drafts?period=${draft.period}` }, ...(ward ? [{ label: ward.name, href: `/drafts?period=${draft.period}&orgUnitId=${ward.id}` }] : []), { label: branch.name }]}
        title={branch.name}
        description={
          <>
            Dự thảo nghị quyết {formatPeriod(draft.period).toLowerCase()} · <Badge tone={STATUS_TONES[draft.status]}>{STATUS_LABELS[draft.status]}</Badge> · phiên bản {current} · nộp lần đầu {formatDateTime(draft.firstSubmittedAt)}{" "}
            <Badge tone={TIMELINESS_TONES[draft.timeliness]}>{TIMELINESS_LABELS[draft.timeliness]}</Badge>
            {draft.flags.map((flag) => (
              <span key={flag}>
                {" "}
                <Badge tone="bad">{FLAG_LABELS[flag]}</Badge>
              </span>
            ))}
          </>
        }
        actions={isBranch ? <Link className="button" href={`/drafts/write?period=${draft.period}`}>{draft.status === "CHANGES_REQUESTED" ? "Sửa dự thảo" : "Nộp phiên bản mới"}</Link> : null}
      />
      {claim?.others.length ? (
        <div className="alert alert-warn review-claim" role="status">
          Đang xem xét cùng lúc: {claim.others.map((other) => `${other.name} (mở lúc ${formatTime(other.seenAt)})`).join(", ")}. Đây chỉ là báo hiệu để tránh làm trùng, dự thảo không bị khóa.
        </div>
      ) : null}
      {sinceMine ? (
        <div className="alert alert-info" role="status">
          Chi bộ đã nộp phiên bản {current} sau lần xem xét của bạn (phiên bản {sinceMine}). {view === "diff" ? "Phần thay đổi từ lần xem xét đó hiển thị dưới đây." : <Link href={`${base}?view=diff&from=${sinceMine}&to=${current}`}>Xem thay đổi từ lần xem xét trước</Link>}
        </div>
      ) : null}
      {isBranch && draft.status === "CHANGES_REQUESTED" ? (
        <div className="alert alert-warn">
          Ban Tổ chức yêu cầu chỉnh sửa. Các góp ý được tô màu trong văn bản; sửa và nộp lại bằng nút “Sửa dự thảo”
          {draft.resubmission ? (
            <>
              {" "}
              <strong>{draft.resubmission.state === "OVERDUE" ? `— đã quá hạn nộp lại (${formatDateTime(draft.resubmission.dueAt)})` : `trước ${formatDateTime(draft.resubmission.dueAt)}`}</strong>
            </>
          ) : null}
          .
        </div>
      ) : null}
      <div className={`draft-layout${view === "compare" ? " draft-layout-wide" : ""}`}>
        <section className="card draft-main">
          <nav className="tabs" aria-label="Cách xem">
            {tab("text", "Nội dung", `${base}?view=text`, view === "text")}
            {tab("diff", "Thay đổi giữa các phiên bản", `${base}?view=diff`, view === "diff")}
            {tab("prev", "Đối chiếu tháng trước", `${base}?view=compare&with=previous`, view === "compare" && (query.with ?? "previous") === "previous")}
            {topSimilar ? tab("sim", "Đối chiếu bản giống nhất", `${base}?view=compare&with=${topSimilar.compareRef}`, view === "compare" && (query.with === topSimilar.compareRef || query.with === "similar")) : null}
          </nav>
          {main}
        </section>
        <aside className="draft-side">
          {canReview ? (
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
                  action={submitReviewAction}
                  draftId={draft.id}
                  currentVersionNo={current}
                  proposedFlags={detail.analysis?.proposedFlags ?? []}
                  reasons={detail.analysis?.reasons ?? {}}
                  pendingComments={pendingMine}
                />
              )}
            </section>
          ) : null}
          <section className="card">
            <h2>Phân tích tự động</h2>
            <AnalysisPanel detail={detail} similar={similar} directives={directives} templateThreshold={thresholds.templateCopy} base={base} />
          </section>
          <section className="card" id="gop-y">
            <h2>Góp ý ({formatNumber(detail.comments.filter((comment) => comment.parentId === null).length)})</h2>
            <CommentThreads
              draftId={draft.id}
              viewedVersionNo={viewed.versionNo}
              comments={detail.comments}
              canComment={canComment}
              canDecideSuggestions={isBranch}
              actions={{ reply: addCommentAction, resolve: resolveCommentAction, suggestion: decideSuggestionAction }}
            />
            {canComment ? (
              <details className="new-comment">
                <summary>Thêm góp ý chung hoặc góp ý theo đoạn trích</summary>
                <GeneralCommentForm action={addCommentAction} draftId={draft.id} versionNo={viewed.versionNo} privateUntilReview={canReview} />
              </details>
            ) : null}
          </section>
          <section className="card" id="phan-hoi">
            <h2>Quyết định và phản hồi của phường</h2>
            {detail.reviews.length === 0 ? <p className="muted">Chưa có quyết định nào.</p> : null}
            <ol className="reviews">
              {[...detail.reviews].reverse().map((review) => (
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
                  {canAck && review.feedback ? <FeedbackAckForm action={acknowledgeFeedbackAction} feedbackId={review.feedback.id} acknowledged={!!review.feedback.acknowledgedAt} reply={review.feedback.reply} /> : null}
                </li>
              ))}
            </ol>
          </section>
          <section className="card" id="dinh-kem">
            <h2>Văn bản kèm theo</h2>
            <AttachmentsPanel
              title="Nghị quyết đã ký"
              items={attachments}
              uploadKinds={isBranch && detail.draft.status === "APPROVED" ? ["SIGNED_RESOLUTION"] : []}
              target={{ draftId: detail.draft.id }}
              maxMegabytes={maxMegabytes}
              emptyText={detail.draft.status === "APPROVED" ? "Chi bộ chưa đính kèm bản nghị quyết đã ký." : "Đính kèm bản nghị quyết đã ký sau khi dự thảo được duyệt."}
            />
            {canAck || canReview ? (
              <p className="small">
                <a href={`/documents?kind=FEEDBACK_LETTER&draft=${detail.draft.id}`}>Công văn góp ý theo thể thức (DOCX)</a>
              </p>
            ) : null}
          </section>
        </aside>
      </div>
    </>
  );
}
