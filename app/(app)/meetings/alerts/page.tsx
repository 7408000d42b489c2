import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { currentPeriod } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { AlertsPageParams } from "@/lib/meetings/schemas";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { findUnitInScope, getScopeRoot, listChildUnits, unitAncestors } from "@/lib/org/org-units";
import { ALERT_KIND_LABELS, ALERT_KINDS } from "@/lib/meetings/labels";
import { formatDateTime, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { MeetingsTabs } from "@/components/meetings/meetings-tabs";
import { PeriodPicker } from "@/components/meetings/period-picker";
import { ReasonForm } from "@/components/meetings/reason-form";
import { dismissAlertAction } from "./actions";

export const metadata = { title: "Cảnh báo chất lượng dữ liệu sinh hoạt" };

const PAGE_SIZE = 25;

export default async function DataQualityAlertsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read")) return <ForbiddenPage />;
  const { values: params, invalid } = readSearchParams(await searchParams, AlertsPageParams);
  const latest = currentPeriod();
  const period = params.period ?? (await defaultMeetingPeriod());
  const { kind, all: includeDismissed, unit: unitId, page } = params;
  if (invalid.includes("unit")) notFound();
  const [unit, alerts, root] = await Promise.all([findUnitInScope(actor, unitId, "meeting.read"), findDataQualityAlerts(actor, { orgUnitId: unitId, period, kind, includeDismissed, page, pageSize: PAGE_SIZE }), getScopeRoot(actor)]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [ancestors, children] = await Promise.all([unitAncestors(actor, unit.path), listChildUnits(actor, root.id)]);
  // The unit filter: the whole scope, its wards (or branches), and the unit being viewed when it lies deeper.
  const unitOptions = [{ id: root.id, name: `Tất cả — ${root.name}` }, ...children.filter((child) => child.id !== root.id).map((child) => ({ id: child.id, name: child.name }))];
  if (!unitOptions.some((option) => option.id === unit.id)) unitOptions.push({ id: unit.id, name: unit.name });
  const canDismiss = can(actor.role, "meeting.alert.dismiss");
  const here = (extra: Record<string, string | undefined>) => withQuery("/meetings/alerts", { unit: unit.id, period, kind, all: includeDismissed ? "1" : undefined, ...extra });
  return (
    <>
      <PageHeader
        breadcrumb={[...ancestors.map((a) => ({ label: a.name, href: a.inScope ? withQuery("/meetings/alerts", { unit: a.id, period }) : undefined })), { label: unit.name }]}
        title={`Cảnh báo dữ liệu — ${unit.name}`}
        description="Số liệu từ cơ sở cần chính xác: các dấu hiệu dưới đây không phải kết luận, mỗi cảnh báo nói rõ lý do; người kiểm tra có thể bỏ qua kèm lý do."
      />
      <MeetingsTabs active="alerts" unit={unit.id} period={period} showFlags={can(actor.role, "member.read")} />
      <PeriodPicker
        period={period}
        latest={latest}
        hidden={{ kind }}
        extra={
          <>
            <div className="field">
              <label htmlFor="f-unit">Đơn vị</label>
              <select id="f-unit" name="unit" defaultValue={String(unit.id)}>
                {unitOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </div>
            <label className="nowrap" style={{ alignSelf: "center" }}>
              <input type="checkbox" name="all" value="1" defaultChecked={includeDismissed} /> Gồm cả cảnh báo đã bỏ qua
            </label>
          </>
        }
      />
      <nav className="tabs tabs-small" aria-label="Loại cảnh báo">
        <Link className="tab" href={here({ kind: undefined })} aria-current={!kind ? "page" : undefined}>
          Tất cả ({formatNumber(Object.values(alerts.counts).reduce((a, b) => a + b, 0))})
        </Link>
        {ALERT_KINDS.map((k) => (
          <Link key={k} className="tab" href={here({ kind: k })} aria-current={kind === k ? "page" : undefined}>
            {ALERT_KIND_LABELS[k]} ({formatNumber(alerts.counts[k])})
          </Link>
        ))}
      </nav>
      {alerts.items.length === 0 ? (
        <div className="card empty">Không có cảnh báo nào{kind ? ` loại “${ALERT_KIND_LABELS[kind]}”` : ""} trong {formatPeriod(period).toLowerCase()}.</div>
      ) : (
        <ul className="alert-list">
          {alerts.items.map((alert) => (
            <li key={`${alert.kind}-${alert.subjectKey}`} className="card">
              <div className="alert-head">
                <Badge tone={alert.dismissal ? "neutral" : "warn"}>{alert.title}</Badge>
                <Link href={`/meetings/branch/${alert.branch.id}/${alert.period}`}>{alert.branch.name}</Link>
                {alert.ward ? <span className="small muted">{alert.ward.name}</span> : null}
              </div>
              <p>{alert.explanation}</p>
              {alert.dismissal ? (
                <p className="small muted">
                  Đã bỏ qua bởi {alert.dismissal.by} lúc {formatDateTime(alert.dismissal.at)}: {alert.dismissal.reason}
                </p>
              ) : canDismiss ? (
                <details>
                  <summary>Đã kiểm tra, bỏ qua cảnh báo này</summary>
                  <ReasonForm
                    action={dismissAlertAction}
                    hidden={{ kind: alert.kind, subjectKey: alert.subjectKey, period: alert.period }}
                    label="Lý do bỏ qua"
                    hint="Ví dụ: đã gọi điện xác minh với bí thư chi bộ, số liệu đúng."
                    submitLabel="Bỏ qua cảnh báo"
                    compact
                  />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {alerts.total > PAGE_SIZE ? <Pagination page={alerts.page} pageSize={alerts.pageSize} total={alerts.total} hrefFor={(target) => here({ page: String(target) })} /> : null}
    </>
  );
}
