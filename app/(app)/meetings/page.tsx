import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { currentPeriod, isPeriod } from "@/lib/periods/period";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";
import { getBranchHeatMap, getComplianceOverview } from "@/lib/meetings/compliance";
import { unitAncestors } from "@/lib/meetings/breadcrumb";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { CHILD_LEVEL_LABELS } from "@/lib/org/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { MeetingsTabs } from "@/components/meetings/meetings-tabs";
import { PeriodPicker } from "@/components/meetings/period-picker";
import { ComplianceTable } from "@/components/meetings/compliance-table";
import { HeatLegend, HeatMap } from "@/components/meetings/heat-map";
import { ComplianceCharts } from "@/components/meetings/lazy-compliance-charts";
import { HANDBOOK_USE } from "@/lib/stats/usage-definitions";

export const metadata = { title: "Sinh hoạt chi bộ" };

type SearchParams = Promise<{ unit?: string; period?: string; view?: string; page?: string }>;

export default async function MeetingsCompliancePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read")) return <ForbiddenPage />;
  const params = await searchParams;
  const latest = currentPeriod();
  const period = isPeriod(params.period) && params.period <= latest ? params.period : await defaultMeetingPeriod();
  if (actor.scopeLevel === "BRANCH" && actor.role === "BRANCH_SECRETARY") redirect(withQuery(`/meetings/branch/${actor.orgUnitId}`, { period: params.period }));
  const unitId = params.unit && /^\d{1,10}$/.test(params.unit) ? Number(params.unit) : params.unit ? -1 : undefined;

  const overview = await getComplianceOverview(actor, { orgUnitId: unitId, period }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (overview.unit.level === "BRANCH") redirect(withQuery(`/meetings/branch/${overview.unit.id}`, { period }));
  const isWard = overview.unit.level === "WARD";
  const view = !isWard && params.view === "branches" ? "branches" : "children";
  const page = Math.max(1, Number(params.page) || 1);
  const [ancestors, alerts, branchMap] = await Promise.all([
    unitAncestors(actor, { id: overview.unit.id, path: overview.unitPath }),
    findDataQualityAlerts(actor, { orgUnitId: overview.unit.id, period }),
    view === "branches" ? getBranchHeatMap(actor, { orgUnitId: overview.unit.id, period, page, pageSize: 40 }) : Promise.resolve(null),
  ]);
  const { totals } = overview;
  const previous = overview.trend[overview.trend.length - 2];
  const childLabel = CHILD_LEVEL_LABELS[overview.unit.level];
  const here = (extra: Record<string, string | number | undefined>) => withQuery("/meetings", { unit: overview.unit.id, period, ...extra });
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
        <Stat
          label="Cảnh báo dữ liệu"
          value={<Link href={withQuery("/meetings/alerts", { unit: overview.unit.id, period })}>{formatNumber(alerts.open)}</Link>}
          note={alerts.dismissed ? `${formatNumber(alerts.dismissed)} đã xem và bỏ qua` : "cần kiểm tra"}
        />
      </div>

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
            periods={overview.heatMap.periods}
            rows={overview.heatMap.rows}
            caption={isWard ? "Mỗi ô là cuộc họp của chi bộ trong tháng; bấm để xem." : `Mỗi ô là tỷ lệ chi bộ của ${childLabel.toLowerCase()} đã sinh hoạt trong tháng.`}
            rowHref={(row) => (row.unit.level === "BRANCH" ? withQuery(`/meetings/branch/${row.unit.id}`, { period }) : withQuery("/meetings", { unit: row.unit.id, period }))}
            cellHref={(row, month) => (row.unit.level === "BRANCH" ? `/meetings/branch/${row.unit.id}/${month}` : withQuery("/meetings", { unit: row.unit.id, period: month }))}
          />
        )}
        <HeatLegend branchLevel={isWard || view === "branches"} />
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
