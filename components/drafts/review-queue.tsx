import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { addMonths, periodsBetween } from "@/lib/periods/period";
import { defaultReviewPeriod, readReviewQueue, queueRowView, type ResolvedQueueFilter } from "@/lib/drafts/list-review-queue";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { analysisThresholds } from "@/lib/drafts/analyze-draft-version";
import { getScopeRoot, listChildUnitNames } from "@/lib/org/org-units";
import { childUnitsLabel } from "@/lib/org/labels";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { now as clockNow } from "@/lib/clock";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { QueueFilters } from "./queue-filters";
import { ReviewQueueTable } from "./review-queue-table";

type HeaderProps = { unit: ResolvedQueueFilter["unit"]; period: ResolvedQueueFilter["period"]; deadline: Date; orgUnitId: ResolvedQueueFilter["filter"]["orgUnitId"] };

/** The queue's unit, period and deadline, with the progress page and the exports of the same filter. */
export function ReviewQueueHeader({ unit, period, deadline, orgUnitId }: HeaderProps) {
  const exportBase = withQuery("/api/v1/drafts/export", { period, orgUnitId });
  return (
    <PageHeader
      title="Dự thảo nghị quyết"
      description={
        <>
          {unit.name} · {formatPeriod(period)} · hạn nộp {formatDateTime(deadline)}
        </>
      }
      actions={
        <>
          <Link className="button button-secondary" href={withQuery("/drafts/progress", { period, orgUnitId })}>Tiến độ theo đơn vị</Link>
          <a className="button button-secondary" href={`${exportBase}${exportBase.includes("?") ? "&" : "?"}format=xlsx`}>Tải XLSX</a>
          <a className="button button-secondary" href={`${exportBase}${exportBase.includes("?") ? "&" : "?"}format=csv`}>Tải CSV</a>
        </>
      }
    />
  );
}

/** The reviewers' queue: totals, filters, rows and pages. Reads its data itself so that it streams inside the page's Suspense boundary. */
export async function ReviewQueue({ actor, resolved }: { actor: Actor; resolved: ResolvedQueueFilter }) {
  const root = await getScopeRoot(actor);
  const [queue, summary, scopeChildren, thresholds, reviewPeriod] = await Promise.all([
    readReviewQueue(actor, resolved, { includeMissing: true }),
    getDraftReviewSummary(actor, { orgUnitId: resolved.filter.orgUnitId, period: resolved.period, withChildren: false }),
    listChildUnitNames(actor, root.id),
    analysisThresholds(),
    defaultReviewPeriod(),
  ]);
  const { period, filter } = queue;
  // The unit filter offers the scope's children (wards of a district, districts or, since 2025, wards of the city).
  const unitsAbove = scopeChildren.filter((unit) => unit.level !== "BRANCH");
  const units = unitsAbove.map((unit) => ({ id: unit.id, name: unit.name }));
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
        unitLabel={childUnitsLabel(root.level, unitsAbove.map((unit) => unit.level))}
        values={{ ...query, sort: filter.sort }}
      />
      <ReviewQueueTable rows={rows} sort={filter.sort} templateThreshold={thresholds.templateCopy} />
      <Pagination page={queue.page} pageSize={queue.pageSize} total={queue.total} hrefFor={(page) => withQuery("/drafts", { ...query, page })} />
    </>
  );
}
