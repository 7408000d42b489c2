import { Suspense } from "react";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { currentPeriod, type Period } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { CompliancePageParams } from "@/lib/meetings/schemas";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";
import { getBranchHeatMap, getComplianceOverview } from "@/lib/meetings/compliance";
import { findUnitInScope, unitAncestors } from "@/lib/org/org-units";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { childUnitsLabel } from "@/lib/org/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { CardSkeleton, StatsSkeleton } from "@/components/ui/skeleton";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { MeetingsTabs } from "@/components/meetings/meetings-tabs";
import { PeriodPicker } from "@/components/meetings/period-picker";
import { ComplianceTable } from "@/components/meetings/compliance-table";
import { HeatLegend, HeatMap } from "@/components/meetings/heat-map";
import { QUALITY_CRITERIA, QUALITY_CRITERION_LABELS } from "@/lib/meetings/quality";
import { ComplianceCharts } from "@/components/meetings/lazy-compliance-charts";
import { HANDBOOK_USE } from "@/lib/stats/usage-definitions";

export const metadata = { title: "Sinh hoạt chi bộ" };

type Params = ReturnType<typeof CompliancePageParams.parse>;

export default async function MeetingsCompliancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read")) return <ForbiddenPage />;
  const { values: params, invalid } = readSearchParams(await searchParams, CompliancePageParams);
  const period = params.period ?? (await defaultMeetingPeriod());
  if (actor.scopeLevel === "BRANCH" && actor.role === "BRANCH_SECRETARY") redirect(withQuery(`/meetings/branch/${actor.orgUnitId}`, { period: params.period }));
  if (invalid.includes("unit")) notFound();
  // Out of scope (or no such unit) is a 404 and a branch has its own page, both decided before
  // anything is sent; the figures then stream in (a city's take the longest).
  const unit = await findUnitInScope(actor, params.unit, "meeting.read").catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (unit.level === "BRANCH") redirect(withQuery(`/meetings/branch/${unit.id}`, { period }));
  return (
    <Suspense
      fallback={
        <>
          <PageHeader title={`Sinh hoạt chi bộ — ${unit.name}`} description={formatPeriod(period)} />
          <StatsSkeleton count={8} />
          <CardSkeleton title={`Theo đơn vị — ${formatPeriod(period)}`} lines={6} />
          <CardSkeleton title="Bản đồ nhiệt 12 tháng" lines={6} />
        </>
      }
    >
      <MeetingsComplianceBody actor={actor} unitId={unit.id} period={period} params={params} />
    </Suspense>
  );
}

async function MeetingsComplianceBody({ actor, unitId, period, params }: { actor: Actor; unitId: number; period: Period; params: Params }) {
  const latest = currentPeriod();
  const overview = await getComplianceOverview(actor, { orgUnitId: unitId, period });
  const isWard = overview.unit.level === "WARD";
  const view = !isWard && params.view === "branches" ? "branches" : "children";
  const { page, mode } = params;
  // Alerts are computed from the raw data: a ward's on every view, a larger unit's when its alerts page is opened.
  const [ancestors, alerts, branchMap] = await Promise.all([
    unitAncestors(actor, overview.unitPath),
    isWard ? findDataQualityAlerts(actor, { orgUnitId: overview.unit.id, period }) : Promise.resolve(null),
    view === "branches" ? getBranchHeatMap(actor, { orgUnitId: overview.unit.id, period, page, pageSize: 40 }) : Promise.resolve(null),
  ]);
  const { totals } = overview;
  const previous = overview.trend[overview.trend.length - 2];
  const childLabel = childUnitsLabel(overview.unit.level, overview.children.map((child) => child.unit.level));
  const here = (extra: Record<string, string | number | undefined>) => withQuery("/meetings", { unit: overview.unit.id, period, mode: mode === "quality" ? "quality" : undefined, ...extra });
  const failures = QUALITY_CRITERIA.filter((criterion) => totals.failures[criterion] > 0).sort((a, b) => totals.failures[b] - totals.failures[a]);
  const exportHref = (format: string, table = "summary") => withQuery("/api/v1/meetings/compliance/export", { orgUnitId: overview.unit.id, period, format, table });

  return (
    <>
      <PageHeader
        breadcrumb={[...ancestors.map((a) => ({ label: a.name, href: a.inScope ? withQuery("/meetings", { unit: a.id, period }) : undefined })), { label: overview.unit.name }]}
        title={`Sinh hoạt chi bộ — ${overview.unit.name}`}
        description={`${formatPeriod(period)} · hạn ghi nhận ${formatDate(overview.deadline)}`}
        actions={
          <>
            <a className="button button-secondary button-small" href={exportHref("xlsx")} download>
              Tải XLSX
            </a>
            <a className="button button-secondary button-small" href={exportHref("csv")} download>
              CSV tổng hợp
            </a>
            <a className="button button-secondary button-small" href={exportHref("csv", "months")} download>
              CSV theo tháng
            </a>
          </>
        }
      />
      <MeetingsTabs active="compliance" unit={overview.unit.id} period={period} showFlags={can(actor.role, "member.read")} />
      <PeriodPicker period={period} latest={latest} hidden={{ unit: overview.unit.id, view: view === "branches" ? "branches" : undefined }} />

      {previous && previous.missing > 0 && period === latest ? (
        <div className="alert alert-warn">
          {formatPeriod(previous.period)}: <strong>{formatNumber(previous.missing)} chi bộ</strong> chưa có bản ghi sinh hoạt sau hạn.{" "}
          <Link href={here({ period: previous.period })}>Xem {formatPeriod(previous.period).toLowerCase()}</Link>
        </div>
      ) : null}

      <div className="grid grid-stats">
        <Stat label="Chi bộ" value={formatNumber(totals.branches)} note={`${formatNumber(overview.children.length)} ${childLabel.toLowerCase()}`} accent />
        <Stat label="Đã sinh hoạt" value={formatNumber(totals.held)} note={`${formatPercent(ratio(totals.held, totals.branches))} số chi bộ`} accent />
        {totals.missing > 0 || totals.pending === 0 ? (
          <Stat label="Thiếu (quá hạn)" value={<span className={totals.missing ? "text-bad" : undefined}>{formatNumber(totals.missing)}</span>} note={`hạn ${formatDate(overview.deadline)}`} accent />
        ) : (
          <Stat label="Chưa ghi nhận" value={formatNumber(totals.pending)} note={`chưa đến hạn ${formatDate(overview.deadline)}`} accent />
        )}
        <Stat label="Tỷ lệ có mặt" value={formatPercent(totals.attendanceRate)} note={`${formatNumber(totals.present)} / ${formatNumber(totals.expected)} đảng viên phải dự`} accent />
        <Stat label={HANDBOOK_USE.recorded.label} value={`${formatNumber(totals.usedHandbook)}/${formatNumber(totals.held)}`} note={`${formatPercent(ratio(totals.usedHandbook, totals.held))} số cuộc họp đã ghi · ${HANDBOOK_USE.recorded.source}`} />
        <Stat label="Sinh hoạt chuyên đề" value={formatNumber(totals.thematic)} note="chi bộ trong tháng" />
        <Stat label="Đạt tiêu chí chất lượng" value={formatNumber(totals.qualityMet)} note={`${formatPercent(ratio(totals.qualityMet, totals.held))} số chi bộ đã sinh hoạt`} accent />
        <Stat
          label="Sinh hoạt nhưng thiếu tiêu chí"
          value={<span className={totals.qualityMissing ? "text-warn" : undefined}>{formatNumber(totals.qualityMissing)}</span>}
          note={totals.topFailure ? `thiếu nhiều nhất: ${totals.topFailure.label.toLowerCase()}` : "không tiêu chí nào chưa đạt"}
          accent
        />
        <Stat label="Không sinh hoạt" value={formatNumber(totals.notHeld)} note={totals.missing ? `${formatNumber(totals.missing)} quá hạn` : "chưa quá hạn"} />
        {alerts ? (
          <Stat
            label="Cảnh báo dữ liệu"
            value={<Link href={withQuery("/meetings/alerts", { unit: overview.unit.id, period })}>{formatNumber(alerts.open)}</Link>}
            note={alerts.dismissed ? `${formatNumber(alerts.dismissed)} đã xem và bỏ qua` : "cần kiểm tra"}
          />
        ) : (
          <Stat label="Cảnh báo dữ liệu" value={<Link href={withQuery("/meetings/alerts", { unit: overview.unit.id, period })}>Xem</Link>} note="tính khi mở, theo từng đơn vị" />
        )}
      </div>

      <section className="section">
        <div className="card-header">
          <h2>Tiêu chí chưa đạt — {formatPeriod(period)}</h2>
        </div>
        {failures.length ? (
          <div className="table-wrap">
            <table className="compliance-table">
              <caption>Số chi bộ đã sinh hoạt có ít nhất một cuộc họp chưa đạt từng tiêu chí; tiêu chí thiếu nhiều nhất ở trên. Tiêu chí &quot;Chưa rõ&quot; (bản ghi thiếu thông tin) không tính là chưa đạt.</caption>
              <thead>
                <tr>
                  <th>Tiêu chí</th>
                  <th className="num">Chi bộ chưa đạt</th>
                  <th className="num">Trên số đã sinh hoạt</th>
                </tr>
              </thead>
              <tbody>
                {failures.map((criterion) => (
                  <tr key={criterion}>
                    <td>{QUALITY_CRITERION_LABELS[criterion]}</td>
                    <td className="num">{formatNumber(totals.failures[criterion])}</td>
                    <td className="num">{formatPercent(ratio(totals.failures[criterion], totals.held), 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{totals.held ? "Không có tiêu chí nào chưa đạt trong các cuộc họp đã ghi." : "Chưa có cuộc họp nào được ghi nhận."}</p>
        )}
      </section>

      <section className="section">
        <div className="card-header">
          <h2>Theo {childLabel.toLowerCase()} — {formatPeriod(period)}</h2>
        </div>
        <ComplianceTable
          rows={overview.children}
          childLabel={childLabel}
          caption={`Chọn một ${isWard ? "chi bộ để xem cuộc họp" : "đơn vị để xem chi tiết"}. Thiếu: chưa có bản ghi sau ngày ${formatDate(overview.deadline)}.`}
          href={(row) => (row.unit.level === "BRANCH" ? `/meetings/branch/${row.unit.id}/${period}` : withQuery("/meetings", { unit: row.unit.id, period }))}
        />
      </section>

      <section className="section">
        <div className="card-header">
          <h2>Bản đồ nhiệt 12 tháng</h2>
          <nav className="tabs tabs-small" aria-label="Nội dung bản đồ nhiệt">
            <Link className="tab" href={here({ mode: undefined, view: view === "branches" ? "branches" : undefined })} aria-current={mode === "held" ? "page" : undefined}>
              Sinh hoạt
            </Link>
            <Link className="tab" href={here({ mode: "quality", view: view === "branches" ? "branches" : undefined })} aria-current={mode === "quality" ? "page" : undefined}>
              Chất lượng
            </Link>
          </nav>
          {!isWard ? (
            <nav className="tabs tabs-small" aria-label="Kiểu bản đồ nhiệt">
              <Link className="tab" href={here({})} aria-current={view === "children" ? "page" : undefined}>
                Theo {childLabel.toLowerCase()}
              </Link>
              <Link className="tab" href={here({ view: "branches" })} aria-current={view === "branches" ? "page" : undefined}>
                Theo chi bộ (thiếu nhiều nhất trước)
              </Link>
            </nav>
          ) : null}
        </div>
        {branchMap ? (
          <>
            <HeatMap
              mode={mode}
              periods={branchMap.periods}
              rows={branchMap.rows}
              caption={`${formatNumber(branchMap.total)} chi bộ, chi bộ thiếu nhiều tháng nhất ở trên.`}
              rowHref={(row) => withQuery(`/meetings/branch/${row.unit.id}`, { period })}
              cellHref={(row, month) => `/meetings/branch/${row.unit.id}/${month}`}
            />
            <Pagination page={branchMap.page} pageSize={branchMap.pageSize} total={branchMap.total} hrefFor={(p) => here({ view: "branches", page: p })} />
          </>
        ) : (
          <HeatMap
            mode={mode}
            periods={overview.heatMap.periods}
            rows={overview.heatMap.rows}
            caption={
              mode === "quality"
                ? isWard
                  ? "Mỗi ô là cuộc họp của chi bộ trong tháng theo tiêu chí chất lượng; bấm để xem bảng tiêu chí."
                  : `Mỗi ô là tỷ lệ chi bộ của ${childLabel.toLowerCase()} đạt tiêu chí trên số đã sinh hoạt.`
                : isWard
                  ? "Mỗi ô là cuộc họp của chi bộ trong tháng; bấm để xem."
                  : `Mỗi ô là tỷ lệ chi bộ của ${childLabel.toLowerCase()} đã sinh hoạt trong tháng.`
            }
            rowHref={(row) => (row.unit.level === "BRANCH" ? withQuery(`/meetings/branch/${row.unit.id}`, { period }) : withQuery("/meetings", { unit: row.unit.id, period }))}
            cellHref={(row, month) => (row.unit.level === "BRANCH" ? `/meetings/branch/${row.unit.id}/${month}` : withQuery("/meetings", { unit: row.unit.id, period: month }))}
          />
        )}
        <HeatLegend branchLevel={isWard || view === "branches"} mode={mode} />
      </section>

      <section className="section">
        <ComplianceCharts
          trend={overview.trend.map((point) => ({
            period: point.period,
            attendanceRate: point.attendanceRate,
            heldShare: point.pending > 0 && point.missing === 0 ? null : ratio(point.held, point.branches),
            handbookShare: ratio(point.usedHandbook, point.held),
          }))}
          quarters={overview.quarters.map((q) => ({ quarter: q.quarter, share: ratio(q.thematic, q.branches), thematic: q.thematic, branches: q.branches, months: q.months }))}
        />
      </section>
    </>
  );
}
