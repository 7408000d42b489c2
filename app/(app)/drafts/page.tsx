import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { addMonths, periodsBetween } from "@/lib/periods/period";
import { defaultReviewPeriod, readReviewQueue, resolveReviewQueueFilter, queueRowView, type ResolvedQueueFilter } from "@/lib/drafts/list-review-queue";
import { submissionDeadline } from "@/lib/drafts/deadlines";
import { SUBMISSION_DEADLINE_DAY } from "@/lib/drafts/settings";
import { getSetting } from "@/lib/settings/app-settings";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { listBranchDrafts } from "@/lib/drafts/branch-drafts";
import { analysisThresholds } from "@/lib/drafts/analyze-draft-version";
import { getScopeRoot, listChildUnitNames } from "@/lib/org/org-units";
import { FLAG_LABELS, STATUS_LABELS, STATUS_TONES, TIMELINESS_LABELS, TIMELINESS_TONES, type DraftFlagKey } from "@/lib/drafts/labels";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { CardSkeleton, StatsSkeleton } from "@/components/ui/skeleton";
import { QueueFilters } from "@/components/drafts/queue-filters";
import { ReviewQueueTable } from "@/components/drafts/review-queue-table";
import { now as clockNow } from "@/lib/clock";

export const metadata = { title: "Dự thảo nghị quyết" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function DraftsPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  if (actor.scopeLevel === "BRANCH") return <BranchDrafts actor={actor} />;
  const params = await searchParams;
  // Decided before anything is sent: a unit out of scope is a 404, a bad filter explains itself
  // above the default queue. The rows and the counts then stream in.
  const attempt = await resolveReviewQueueFilter(actor, params).then(
    (resolved) => ({ resolved, invalid: null }),
    (error) => {
      if (error instanceof NotFoundError) notFound();
      if (!(error instanceof ValidationError)) throw error;
      return { resolved: null, invalid: error.details.map((detail) => detail.message).join(" ") || error.message };
    },
  );
  const invalid = attempt.invalid;
  const resolved = attempt.resolved ?? (await resolveReviewQueueFilter(actor, {}));
  const { period, filter, unit } = resolved;
  const deadline = submissionDeadline(period, await getSetting(SUBMISSION_DEADLINE_DAY));
  const exportBase = withQuery("/api/v1/drafts/export", { period, orgUnitId: filter.orgUnitId });
  return (
    <>
      <PageHeader
        title="Dự thảo nghị quyết"
        description={
          <>
            {unit.name} · {formatPeriod(period)} · hạn nộp {formatDateTime(deadline)}
          </>
        }
        actions={
          <>
            <Link className="button button-secondary" href={withQuery("/drafts/progress", { period, orgUnitId: filter.orgUnitId })}>Tiến độ theo đơn vị</Link>
            <a className="button button-secondary" href={`${exportBase}${exportBase.includes("?") ? "&" : "?"}format=xlsx`}>Tải XLSX</a>
            <a className="button button-secondary" href={`${exportBase}${exportBase.includes("?") ? "&" : "?"}format=csv`}>Tải CSV</a>
          </>
        }
      />
      {invalid ? <div className="alert alert-error" role="alert">Bộ lọc không hợp lệ: {invalid} Đang hiển thị mặc định.</div> : null}
      <Suspense
        fallback={
          <>
            <StatsSkeleton />
            <CardSkeleton title="Hàng đợi dự thảo" lines={8} />
          </>
        }
      >
        <ReviewQueue actor={actor} resolved={resolved} />
      </Suspense>
    </>
  );
}

async function ReviewQueue({ actor, resolved }: { actor: Actor; resolved: ResolvedQueueFilter }) {
  const root = await getScopeRoot(actor);
  const [queue, summary, scopeChildren, thresholds, reviewPeriod] = await Promise.all([
    readReviewQueue(actor, resolved, { includeMissing: true }),
    getDraftReviewSummary(actor, { orgUnitId: resolved.filter.orgUnitId, period: resolved.period, withChildren: false }),
    listChildUnitNames(actor, root.id),
    analysisThresholds(),
    defaultReviewPeriod(),
  ]);
  const { period, filter } = queue;
  // The unit filter offers the scope's children (wards of a district, districts of the city).
  const units = scopeChildren.filter((unit) => unit.level !== "BRANCH").map((unit) => ({ id: unit.id, name: unit.name }));
  const totals = summary.totals;
  const now = clockNow();
  const rows = queue.items.map((row) => queueRowView(row, now));
  const query = { period, orgUnitId: filter.orgUnitId, status: filter.status, flag: filter.flag, timeliness: filter.timeliness, ack: filter.ack, q: filter.q, assigned: filter.assigned, sort: filter.sort === "queue" ? undefined : filter.sort };
  return (
    <>
      <div className="grid grid-stats queue-stats">
        <Stat label="Đã nộp" value={`${formatNumber(totals.submitted)}/${formatNumber(totals.branches)}`} note={`${formatNumber(totals.onTime)} đúng hạn · ${formatNumber(totals.late)} muộn`} accent />
        <Stat label={totals.missing ? "Quá hạn, chưa nộp" : "Chưa nộp"} value={formatNumber(totals.missing + totals.notDue)} note={totals.notDue ? "chưa đến hạn" : undefined} />
        <Stat label="Chờ xem xét" value={formatNumber(totals.awaitingReview)} note={`${formatNumber(totals.approved)} đã duyệt · ${formatNumber(totals.changesRequested)} yêu cầu sửa`} />
        <Stat label="Phường chưa xác nhận" value={formatNumber(totals.unacknowledged)} note={`${formatNumber(totals.unacknowledgedOverdue)} quá hạn`} />
      </div>
      <QueueFilters
        periods={periodsBetween(addMonths(reviewPeriod, -23), addMonths(reviewPeriod, 1)).reverse()}
        units={units}
        unitLabel={units.some((unit) => /^(Quận|Huyện|Thị xã)/.test(unit.name)) ? "Quận, huyện" : "Phường"}
        values={{ ...query, sort: filter.sort }}
      />
      <ReviewQueueTable rows={rows} sort={filter.sort} templateThreshold={thresholds.templateCopy} />
      <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} hrefFor={(page) => withQuery("/drafts", { ...query, page })} />
    </>
  );
}

async function BranchDrafts({ actor }: { actor: Actor }) {
  const [{ branch, drafts }, period] = await Promise.all([listBranchDrafts(actor), defaultReviewPeriod()]);
  const current = drafts.find((draft) => draft.period === period);
  return (
    <>
      <PageHeader title="Dự thảo nghị quyết của chi bộ" description={branch.name} actions={can(actor.role, "draft.submit") ? <Link className="button" href={`/drafts/write?period=${period}`}>{current ? "Sửa dự thảo" : "Soạn dự thảo"} {formatPeriod(period).toLowerCase()}</Link> : null} />
      <section className="card">
        <h2>{formatPeriod(period)}</h2>
        {current ? (
          <p>
            <Badge tone={STATUS_TONES[current.status]}>{STATUS_LABELS[current.status]}</Badge> · phiên bản {current.currentVersionNo} · nộp {formatDateTime(current.firstSubmittedAt)}{" "}
            <Badge tone={TIMELINESS_TONES[current.timeliness]}>{TIMELINESS_LABELS[current.timeliness]}</Badge> · <Link href={`/drafts/${current.id}`}>Xem dự thảo và góp ý</Link>
          </p>
        ) : (
          <p className="muted">Chi bộ chưa nộp dự thảo kỳ này.</p>
        )}
      </section>
      <div className="table-wrap section">
        <table>
          <thead>
            <tr>
              <th>Kỳ</th>
              <th>Trạng thái</th>
              <th className="num">Phiên bản</th>
              <th>Nộp lần đầu</th>
              <th>Cờ</th>
              <th className="num">Góp ý mở</th>
            </tr>
          </thead>
          <tbody>
            {drafts.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">Chưa có dự thảo nào.</td>
              </tr>
            ) : (
              drafts.map((draft) => (
                <tr key={draft.id}>
                  <td>
                    <Link href={`/drafts/${draft.id}`}>{formatPeriod(draft.period)}</Link>
                  </td>
                  <td>
                    <Badge tone={STATUS_TONES[draft.status]}>{STATUS_LABELS[draft.status]}</Badge>
                  </td>
                  <td className="num">{draft.currentVersionNo}</td>
                  <td>
                    {formatDateTime(draft.firstSubmittedAt)} {draft.timeliness === "LATE" ? <Badge tone="warn">Nộp muộn</Badge> : null}
                  </td>
                  <td>{(draft.flags as DraftFlagKey[]).map((flag) => FLAG_LABELS[flag]).join(", ") || "—"}</td>
                  <td className="num">{formatNumber(draft.openComments)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
