import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { addMonths, periodsBetween } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { DraftProgressPageParams } from "@/lib/drafts/schemas";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { defaultReviewPeriod } from "@/lib/drafts/list-review-queue";
import { summarizeUnacknowledged } from "@/lib/drafts/list-feedback";
import { formatDateTime, formatPeriod, formatWaitingDays } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { withQuery } from "@/components/ui/pagination";

export const metadata = { title: "Tiến độ nộp và xem xét dự thảo" };

type Props = { searchParams: Promise<SearchParams> };

/** Timeliness and review progress per child unit, as reporting systems count it; exports. */
export default async function DraftProgressPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "draft.read")) return <ForbiddenPage />;
  const query = readSearchParams(await searchParams, DraftProgressPageParams).values;
  const reviewPeriod = await defaultReviewPeriod();
  const period = query.period ?? reviewPeriod;
  const { orgUnitId } = query;
  const summary = await getDraftReviewSummary(actor, { orgUnitId, period }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const unacknowledged = can(actor.role, "feedback.read") ? await summarizeUnacknowledged(actor) : null;
  const rows = [...summary.children, { orgUnit: { ...summary.orgUnit, name: "Tổng cộng" }, ...summary.totals }];
  const exportBase = (params: Record<string, string>) => withQuery("/api/v1/drafts/export", { period, orgUnitId: summary.orgUnit.id, ...params });
  const childIsBranch = summary.children.some((child) => child.orgUnit.level === "BRANCH");
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Dự thảo nghị quyết", href: withQuery("/drafts", { period, orgUnitId }) }, { label: "Tiến độ" }]}
        title={`Tiến độ dự thảo ${formatPeriod(period).toLowerCase()}`}
        description={`${summary.orgUnit.name} · hạn nộp ${formatDateTime(summary.deadline)}`}
        actions={
          <>
            <a className="button button-secondary" href={exportBase({ format: "xlsx" })}>Tải XLSX</a>
            <a className="button button-secondary" href={exportBase({ format: "csv", level: "unit" })}>CSV theo đơn vị</a>
            <a className="button button-secondary" href={exportBase({ format: "csv", level: "branch" })}>CSV theo chi bộ</a>
          </>
        }
      />
      <form className="filters" method="get">
        <div className="field field-narrow">
          <label htmlFor="p-period">Kỳ</label>
          <select id="p-period" name="period" defaultValue={period}>
            {periodsBetween(addMonths(reviewPeriod, -23), addMonths(reviewPeriod, 1))
              .reverse()
              .map((candidate) => (
                <option key={candidate} value={candidate}>{formatPeriod(candidate)}</option>
              ))}
          </select>
        </div>
        {orgUnitId ? <input type="hidden" name="orgUnitId" value={orgUnitId} /> : null}
        <button className="button button-secondary" type="submit">Xem</button>
      </form>
      <div className="table-wrap">
        <table className="compact-table">
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th className="num">Chi bộ</th>
              <th className="num">Đã nộp</th>
              <th className="num">Đúng hạn</th>
              <th className="num">Nộp muộn</th>
              <th className="num">Quá hạn chưa nộp</th>
              <th className="num col-secondary">Tỷ lệ đúng hạn</th>
              <th className="num">Chờ xem xét</th>
              <th className="num">Đã duyệt</th>
              <th className="num">Yêu cầu sửa</th>
              <th className="num col-secondary">Có cờ</th>
              <th className="num">Phường chưa xác nhận</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.orgUnit.id}-${i}`} className={i === rows.length - 1 ? "row-total" : undefined}>
                <td>
                  {i === rows.length - 1 ? (
                    <strong>{row.orgUnit.name}</strong>
                  ) : childIsBranch ? (
                    <Link href={`/drafts/branch/${row.orgUnit.id}/${period}`}>{row.orgUnit.name}</Link>
                  ) : (
                    <Link href={withQuery("/drafts", { period, orgUnitId: row.orgUnit.id })}>{row.orgUnit.name}</Link>
                  )}
                </td>
                <td className="num">{formatNumber(row.branches)}</td>
                <td className="num">{formatNumber(row.submitted)}</td>
                <td className="num">{formatNumber(row.onTime)}</td>
                <td className="num">{row.late ? <span className="text-warn">{formatNumber(row.late)}</span> : "0"}</td>
                <td className="num">{row.missing ? <span className="text-bad">{formatNumber(row.missing)}</span> : "0"}</td>
                <td className="num col-secondary">{formatPercent(ratio(row.onTime, row.branches))}</td>
                <td className="num">{formatNumber(row.awaitingReview)}</td>
                <td className="num">{formatNumber(row.approved)}</td>
                <td className="num">{formatNumber(row.changesRequested)}</td>
                <td className="num col-secondary">{formatNumber(row.flagged)}</td>
                <td className="num">{row.unacknowledged ? <span className={row.unacknowledgedOverdue ? "text-bad" : "text-warn"}>{formatNumber(row.unacknowledged)}</span> : "0"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {unacknowledged ? (
        <section className="card section">
          <div className="card-header">
            <h2>Phản hồi phường chưa xác nhận</h2>
            <span className="small muted">Quá {formatNumber(unacknowledged.ackDays)} ngày là quá hạn · <Link href="/feedback?status=open">Xem từng phản hồi</Link></span>
          </div>
          {unacknowledged.wards.length === 0 ? (
            <p className="muted">Các phường đã xác nhận mọi yêu cầu chỉnh sửa.</p>
          ) : (
            <ul className="plain-list">
              {unacknowledged.wards.map((ward) => (
                <li key={ward.wardId}>
                  <strong>{ward.wardName}</strong>: {formatNumber(ward.open)} yêu cầu chưa xác nhận
                  {ward.overdue ? <span className="text-bad">, {formatNumber(ward.overdue)} quá hạn</span> : null} · lâu nhất {formatWaitingDays(ward.oldestDays)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
