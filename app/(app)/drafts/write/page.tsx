import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { DraftPeriodPageParams } from "@/lib/drafts/schemas";
import { findUnitInScope } from "@/lib/org/org-units";
import { findBranchDraft } from "@/lib/drafts/branch-drafts";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { getWorkingCopy } from "@/lib/drafts/working-copy";
import { listGuidance } from "@/lib/drafts/guidance";
import { defaultReviewPeriod } from "@/lib/drafts/list-review-queue";
import { submittablePeriods } from "@/lib/drafts/deadlines";
import { draftSkeleton } from "@/lib/drafts/skeleton";
import { defaultDraftTitle } from "@/lib/drafts/submit-draft-version";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { DraftEditor, type CommentToAddress } from "@/components/drafts/draft-editor";
import { decideSuggestionAction, saveWorkingCopyAction, submitDraftAction } from "./actions";
import { PeriodField } from "@/components/ui/period-field";

export const metadata = { title: "Soạn dự thảo nghị quyết" };

type Props = { searchParams: Promise<SearchParams> };

export default async function WriteDraftPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.submit") || actor.scopeLevel !== "BRANCH") return <ForbiddenPage message="Chỉ bí thư chi bộ soạn và nộp dự thảo nghị quyết." />;
  const query = readSearchParams(await searchParams, DraftPeriodPageParams).values;
  const allowed = submittablePeriods();
  const period = query.period ?? (await defaultReviewPeriod());
  if (!allowed.includes(period)) {
    return (
      <>
        <PageHeader title="Soạn dự thảo nghị quyết" />
        <div className="alert alert-warn">Kỳ {formatPeriod(period)} không nhận dự thảo. Chọn một kỳ từ {formatPeriod(allowed[0])} đến {formatPeriod(allowed[3])}.</div>
      </>
    );
  }
  const branch = await findUnitInScope(actor, actor.orgUnitId, "org.read").catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const ward = branch.parentId ? await findUnitInScope(actor, branch.parentId, "org.read").catch(() => null) : null;
  const [{ draft }, working, guidance] = await Promise.all([findBranchDraft(actor, branch.id, period), getWorkingCopy(actor, period), listGuidance(actor, period)]);
  const detail = draft ? await getDraftDetail(actor, draft.id) : null;
  const current = detail?.versions[detail.versions.length - 1] ?? null;
  const wardName = ward?.name ?? "Phường";
  const useWorking = working && working.baseVersionNo === (current?.versionNo ?? 0);
  const initialBody = useWorking ? working.body : (current?.body ?? draftSkeleton(branch.name, wardName, period));
  const initialTitle = useWorking && working.title ? working.title : (current?.title ?? defaultDraftTitle(period));
  const comments: CommentToAddress[] = (detail?.comments ?? [])
    .filter((comment) => comment.parentId === null && comment.published && !comment.resolvedAt && comment.versionNo === current?.versionNo)
    .map((comment) => ({ id: comment.id, quote: comment.anchor?.quote ?? null, body: comment.body, author: comment.author.name, suggestion: comment.suggestion, suggestionStatus: comment.suggestionStatus, outdated: !!comment.anchor && !comment.located }));

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Dự thảo nghị quyết", href: `/drafts/branch/${branch.id}` }, { label: formatPeriod(period) }]}
        title={draft ? `Sửa dự thảo ${formatPeriod(period).toLowerCase()}` : `Soạn dự thảo ${formatPeriod(period).toLowerCase()}`}
        description={
          <>
            {branch.name}
            {draft ? (
              <>
                {" "}· đang sửa từ phiên bản {draft && detail ? detail.draft.currentVersionNo : 0} · <Link href={`/drafts/${draft.id}`}>xem dự thảo và góp ý</Link>
              </>
            ) : null}
            {useWorking ? <> · bản nháp lưu lúc {formatDateTime(working.savedAt)}</> : null}
          </>
        }
      />
      {detail?.draft.resubmission && detail.draft.status === "CHANGES_REQUESTED" ? (
        <div className={detail.draft.resubmission.state === "OVERDUE" ? "alert alert-error" : "alert alert-warn"} role="status">
          {detail.draft.resubmission.state === "OVERDUE" ? "Đã quá hạn nộp lại" : "Hạn nộp lại theo góp ý"}: {formatDateTime(detail.draft.resubmission.dueAt)}.
        </div>
      ) : null}
      <form method="get" className="filters">
        <PeriodField id="write-period" className="field field-narrow" periods={allowed} value={period} />
        <button type="submit" className="button button-secondary">Đổi kỳ</button>
      </form>
      <DraftEditor
        period={period}
        periodLabel={formatPeriod(period)}
        draftId={draft?.id ?? null}
        baseVersionNo={current?.versionNo ?? 0}
        initialTitle={initialTitle}
        initialBody={initialBody}
        savedAt={useWorking ? working.savedAt.toISOString() : null}
        comments={comments}
        submitAction={submitDraftAction}
        saveAction={saveWorkingCopyAction}
        suggestionAction={decideSuggestionAction}
        guidance={guidance.map((topic) => ({ id: topic.id, title: topic.title, details: topic.details, keywords: topic.keywords }))}
      />
    </>
  );
}
