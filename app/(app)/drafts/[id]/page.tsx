import { listAttachments } from "@/lib/attachments/attachments";
import { ATTACHMENT_MAX_MB } from "@/lib/attachments/settings";
import { getSetting } from "@/lib/settings/app-settings";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, readSearchParams } from "@/lib/validation/page-params";
import { DraftPageParams } from "@/lib/drafts/schemas";
import { checkDraftDirectives, compareDraft, getDraftDetail, parseCompareTarget, similarDrafts } from "@/lib/drafts/get-draft-detail";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { AnalysisPanel } from "@/components/drafts/analysis-panel";
import { ChangesRequestedNotice, DraftHeader, ReviewClaimNotice, RevisedSinceReviewNotice } from "@/components/drafts/draft-header";
import { DraftComparisonView, DraftDiffView, DraftTextView, DraftViewTabs } from "@/components/drafts/draft-views";
import { DecisionsCard, DraftAttachmentsCard, DraftCommentsCard, ReviewDecisionCard } from "@/components/drafts/draft-side";
import { claimDraftReview } from "@/lib/drafts/review-claims";
import { acknowledgeFeedbackAction, addCommentAction, decideSuggestionAction, resolveCommentAction, submitReviewAction } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata = { title: "Dự thảo nghị quyết" };

export default async function DraftPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  const id = pathId((await params).id);
  const { values } = readSearchParams(await searchParams, DraftPageParams);
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
  const view = values.view ?? (sinceMine ? "diff" : "text");
  const base = `/drafts/${draft.id}`;
  // One wait for everything the page reads after the draft itself.
  const [attachments, maxMegabytes, similar, claim] = await Promise.all([
    listAttachments(actor, { draftId: detail.draft.id }),
    getSetting(ATTACHMENT_MAX_MB),
    similarDrafts(actor, detail),
    canReview ? claimDraftReview(actor, draft.id) : null,
  ]);
  const directives = checkDraftDirectives(detail);
  const thresholds = detail.thresholds;

  const viewed = detail.versions.find((version) => version.versionNo === detail.viewedVersionNo)!;

  let main: React.ReactNode;
  if (view === "diff") {
    const to = values.to ?? current;
    const from = values.from ?? sinceMine ?? Math.max(1, current - 1);
    const before = detail.versions.find((version) => version.versionNo === from);
    const after = detail.versions.find((version) => version.versionNo === to);
    main = <DraftDiffView versions={detail.versions} from={from} to={to} before={before} after={after} />;
  } else if (view === "compare") {
    const target = parseCompareTarget(values.with);
    const comparison = target === undefined ? null : await compareDraft(actor, detail, target);
    main = <DraftComparisonView comparison={comparison} target={target} />;
  } else {
    main = <DraftTextView detail={detail} viewed={viewed} base={base} canComment={canComment} canReview={canReview} action={addCommentAction} />;
  }

  return (
    <>
      <DraftHeader draft={draft} branch={branch} ward={ward} canWrite={isBranch} />
      {claim ? <ReviewClaimNotice others={claim.others} /> : null}
      {sinceMine ? <RevisedSinceReviewNotice sinceMine={sinceMine} current={current} showingDiff={view === "diff"} base={base} /> : null}
      {isBranch && draft.status === "CHANGES_REQUESTED" ? <ChangesRequestedNotice resubmission={draft.resubmission} /> : null}
      <div className={`draft-layout${view === "compare" ? " draft-layout-wide" : ""}`}>
        <section className="card draft-main">
          <DraftViewTabs base={base} view={view} compareWith={values.with} topSimilarRef={similar[0]?.compareRef} />
          {main}
        </section>
        <aside className="draft-side">
          {canReview ? <ReviewDecisionCard detail={detail} action={submitReviewAction} /> : null}
          <section className="card">
            <h2>Phân tích tự động</h2>
            <AnalysisPanel detail={detail} similar={similar} directives={directives} templateThreshold={thresholds.templateCopy} base={base} />
          </section>
          <DraftCommentsCard
            detail={detail}
            viewedVersionNo={viewed.versionNo}
            canComment={canComment}
            privateUntilReview={canReview}
            canDecideSuggestions={isBranch}
            actions={{ add: addCommentAction, resolve: resolveCommentAction, suggestion: decideSuggestionAction }}
          />
          <DecisionsCard reviews={detail.reviews} ackAction={canAck ? acknowledgeFeedbackAction : null} />
          <DraftAttachmentsCard draft={draft} items={attachments} maxMegabytes={maxMegabytes} canUpload={isBranch} showFeedbackLetter={canAck || canReview} />
        </aside>
      </div>
    </>
  );
}
