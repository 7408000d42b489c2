import { Suspense } from "react";
import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import type { FormState } from "@/lib/actions/form-state";
import type { HandbookDashboard } from "@/lib/stats/get-handbook-dashboard";
import { RANKING_METRICS, rateTone, type RankingMetric } from "@/lib/stats/handbook-figures";
import { childUnitsLabel, LEVEL_LABELS } from "@/lib/org/labels";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader, type Crumb } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { HandbookStatCards } from "./handbook-stat-cards";
import { HandbookSeriesChart, HandbookRankingChart } from "./lazy-charts";
import { ChildUnitsFiguresTable, type ChildSort } from "./child-units-figures-table";
import { LaggingBranchesTable } from "./lagging-branches-table";
import { UsageSnapshotsTable } from "./usage-snapshots-table";
import { SeriesTable } from "./series-table";
import { ExportLinks } from "./export-links";
import { PeriodForm } from "./period-form";
import { PrintButton } from "./print-button";
import { RebuildStatsForm } from "./rebuild-stats-form";
import { DraftReviewSummarySlot, MeetingComplianceSummarySlot } from "./summary-slots";
import { CardSkeleton } from "@/components/ui/skeleton";
import { dashboardHref } from "./dashboard-href";

type Props = {
  actor: Actor;
  data: HandbookDashboard;
  view: { metric: RankingMetric; sort: ChildSort; page: number; periodInUrl?: string };
  rebuildAction?: (state: FormState, data: FormData) => Promise<FormState>;
};

/** The leaders' dashboard of one unit and month: figures, trend, ranking of child units, lagging branches. */
export function HandbookDashboardView({ actor, data, view, rebuildAction }: Props) {
  const { overview, series, thresholds, lagging, snapshots } = data;
  const unit = overview.orgUnit;
  const isBranch = unit.level === "BRANCH";
  const period = overview.period;
  const state = { period: view.periodInUrl, metric: view.metric, sort: view.sort };
  const breadcrumb: Crumb[] = [
    ...data.ancestors.map((ancestor) => ({ label: ancestor.name, href: ancestor.inScope ? dashboardHref(ancestor.id, { period: view.periodInUrl }) : undefined })),
    { label: unit.name },
  ];
  const metric = RANKING_METRICS[view.metric];
  const ranking = [...overview.children]
    .map((child) => ({ child, rate: metric.value(child) }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1))
    .map(({ child, rate }) => ({ id: child.orgUnit.id, name: child.orgUnit.name, rate, tone: rateTone(rate, thresholds), href: dashboardHref(child.orgUnit.id, { period: view.periodInUrl, metric: view.metric }) }));
  const childLabel = childUnitsLabel(unit.level, overview.children.map((child) => child.orgUnit.level)).toLowerCase();

  return (
    <div className="stats-dashboard">
      <PageHeader
        breadcrumb={breadcrumb}
        title={unit.name}
        description={
          <>
            <Badge tone="brand">{LEVEL_LABELS[unit.level]}</Badge> Sổ tay đảng viên điện tử · <strong>{formatPeriod(period)}</strong> · số liệu tổng hợp lúc {formatDateTime(overview.computedAt)}
          </>
        }
        actions={
          <>
            <PeriodForm action={`/dashboard/${unit.id}`} periods={overview.periods} period={period} keep={{ metric: view.metric === "install" ? undefined : view.metric, sort: view.sort === "name" ? undefined : view.sort }} />
            <PrintButton />
          </>
        }
      />

      <HandbookStatCards figures={overview} level={unit.level} thresholds={thresholds} />

      {/* Where the same unit and month stand in draft review and meetings. */}
      <div className="stats-summaries">
        {/* Each streams in on its own: the handbook figures above do not wait for them. */}
        <Suspense fallback={<CardSkeleton title="Dự thảo nghị quyết" />}>
          <DraftReviewSummarySlot actor={actor} orgUnitId={unit.id} period={period} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Sinh hoạt chi bộ" />}>
          <MeetingComplianceSummarySlot actor={actor} orgUnitId={unit.id} period={period} />
        </Suspense>
      </div>

      <section className="section card" aria-labelledby="dien-bien">
        <div className="card-header">
          <h2 id="dien-bien">Diễn biến theo tháng</h2>
          <span className="small muted">
            {series.items.length ? `${formatPeriod(series.items[0].period)} – ${formatPeriod(series.items[series.items.length - 1].period)}` : ""} · đường đứt: ngưỡng {thresholds.low}% và {thresholds.high}%
          </span>
        </div>
        <HandbookSeriesChart points={series.items} thresholds={thresholds} isBranch={isBranch} />
        <details className="stats-details">
          <summary>Bảng số liệu theo tháng</summary>
          <div className="card-header stats-table-head">
            <span className="small muted">{formatNumber(series.items.length)} tháng, mới nhất trước</span>
            <ExportLinks table="series" orgUnitId={unit.id} period={period} />
          </div>
          <SeriesTable items={series.items} isBranch={isBranch} />
        </details>
      </section>

      {!isBranch ? (
        <>
          <section className="section card" aria-labelledby="xep-hang">
            <div className="card-header">
              <h2 id="xep-hang">Xếp hạng {childLabel}</h2>
              <nav className="stats-metrics no-print" aria-label="Chỉ số xếp hạng">
                {(Object.keys(RANKING_METRICS) as RankingMetric[]).map((key) => (
                  <Link key={key} href={`${dashboardHref(unit.id, { ...state, metric: key })}#xep-hang`} scroll={false} aria-current={key === view.metric ? "true" : undefined} className="stats-metric">
                    {RANKING_METRICS[key].label}
                  </Link>
                ))}
              </nav>
            </div>
            <p className="small muted stats-legend">
              <span className="stats-swatch stats-swatch-ok" /> từ {thresholds.high}% <span className="stats-swatch stats-swatch-warn" /> {thresholds.low}% đến dưới {thresholds.high}%{" "}
              <span className="stats-swatch stats-swatch-bad" /> dưới {thresholds.low}% · nhấn vào cột để xem đơn vị
            </p>
            {ranking.length ? <HandbookRankingChart bars={ranking} thresholds={thresholds} metricLabel={metric.label} /> : <div className="empty">Không có đơn vị trực thuộc.</div>}
          </section>

          <section className="section" id="don-vi" aria-labelledby="so-lieu-don-vi">
            <div className="card-header">
              <h2 id="so-lieu-don-vi">Số liệu từng {childLabel}</h2>
              <ExportLinks table="children" orgUnitId={unit.id} period={period} />
            </div>
            <ChildUnitsFiguresTable parentId={unit.id} parentLevel={unit.level} rows={overview.children} thresholds={thresholds} state={state} />
          </section>

          {lagging ? (
            <section className="section" id="chi-bo-cham" aria-labelledby="chi-bo-cham-title">
              <div className="card-header">
                <h2 id="chi-bo-cham-title">
                  Chi bộ chậm <span className="muted">({formatNumber(lagging.total)})</span>
                </h2>
                {lagging.total ? <ExportLinks table="lagging" orgUnitId={unit.id} period={period} /> : null}
              </div>
              <p className="small muted">Chi bộ có tỷ lệ đảng viên cài Sổ tay dưới {thresholds.low}% hoặc chưa dùng Sổ tay trong sinh hoạt tháng này; tỷ lệ cài thấp nhất trước.</p>
              <LaggingBranchesTable
                unitId={unit.id}
                items={lagging.items}
                total={lagging.total}
                page={lagging.page}
                pageSize={lagging.pageSize}
                thresholds={thresholds}
                state={state}
                showWard={unit.level !== "WARD"}
              />
            </section>
          ) : null}
        </>
      ) : (
        <section className="section" aria-labelledby="bao-cao">
          <div className="card-header">
            <h2 id="bao-cao">Báo cáo sử dụng của chi bộ</h2>
            {snapshots?.length ? <ExportLinks table="snapshots" orgUnitId={unit.id} /> : null}
          </div>
          <UsageSnapshotsTable items={snapshots ?? []} />
        </section>
      )}

      {rebuildAction ? (
        <details className="section card no-print">
          <summary>Quản trị: tính lại số liệu tổng hợp</summary>
          <RebuildStatsForm action={rebuildAction} />
        </details>
      ) : null}
    </div>
  );
}
