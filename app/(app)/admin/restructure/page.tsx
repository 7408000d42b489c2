import Link from "next/link";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listRestructureCandidates } from "@/lib/org/restructure/list-restructure-candidates";
import { listRestructurings } from "@/lib/org/restructure/list-restructurings";
import { RESTRUCTURE_TYPE_LABELS } from "@/lib/org/restructure/labels";
import { RESTRUCTURE_TYPES, RestructurePageParams } from "@/lib/org/restructure/schemas";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge } from "@/components/ui/badge";
import { RestructureForm } from "@/components/org/restructure-form";
import { restructureAction } from "./actions";

export const metadata = { title: "Tái cấu trúc tổ chức" };

type Props = { searchParams: Promise<SearchParams> };

export default async function RestructurePage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "org.restructure")) return <ForbiddenPage />;
  const query = readSearchParams(await searchParams, RestructurePageParams).values;
  const { type } = query;
  const withinId = query.within ?? null;
  const [{ upper, within }, events] = await Promise.all([listRestructureCandidates(actor, { within: withinId ?? undefined }), listRestructurings(actor)]);
  const defaultDate = `${addMonths(currentPeriod(), 1)}-01`;
  const pickable = upper.filter((unit) => unit.level === "WARD" || unit.level === "DISTRICT");

  return (
    <>
      <PageHeader
        title="Tái cấu trúc tổ chức"
        breadcrumb={[{ label: "Quản trị" }, { label: "Tái cấu trúc" }]}
        description="Hợp nhất, chia tách, chuyển trực thuộc, đổi tên, giải thể — mỗi thay đổi có ngày hiệu lực, được xem trước và ghi nhật ký. Lịch sử và số liệu các tháng trước vẫn giữ nguyên."
      />
      <nav className="reform-tabs" aria-label="Loại thay đổi">
        {RESTRUCTURE_TYPES.map((candidate) => (
          <Link key={candidate} href={`/admin/restructure?type=${candidate}`} className={candidate === type ? "reform-tab reform-tab-active" : "reform-tab"} aria-current={candidate === type ? "page" : undefined}>
            {RESTRUCTURE_TYPE_LABELS[candidate]}
          </Link>
        ))}
      </nav>
      <div className="card">
        {type !== "MERGE" ? (
          <form method="get" className="filters reform-within">
            <input type="hidden" name="type" value={type} />
            <div className="field">
              <label htmlFor="f-within">{type === "SPLIT" ? "Đơn vị cần chia tách" : "Phường có chi bộ cần thay đổi (không bắt buộc)"}</label>
              <select id="f-within" name="within" defaultValue={withinId ?? ""}>
                <option value="">— Chọn —</option>
                {pickable.map((unit) => (
                  <option key={unit.id} value={unit.id}>{unit.name}{unit.parentName ? ` — ${unit.parentName}` : ""}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button-secondary">Xem đơn vị trực thuộc</button>
          </form>
        ) : null}
        <RestructureForm key={`${type}-${withinId ?? ""}`} action={restructureAction} type={type} defaultDate={defaultDate} upper={upper} within={within} withinId={withinId} />
      </div>

      <section className="section">
        <h2>Các thay đổi đã áp dụng</h2>
        {events.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th>Hiệu lực</th><th>Loại</th><th>Nội dung</th><th className="num">Chi bộ</th><th>Người thực hiện</th></tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDate(event.effectiveDate)}</td>
                    <td><Badge tone="brand">{RESTRUCTURE_TYPE_LABELS[event.type]}</Badge></td>
                    <td>{event.unitId ? <Link href={`/org/${event.unitId}/history`}>{event.summary}</Link> : event.summary}</td>
                    <td className="num">{formatNumber(event.moves?.branches ?? 0)}</td>
                    <td>{event.actorLabel}<div className="muted">{formatDateTime(event.createdAt)}</div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div className="card empty">Chưa có thay đổi nào.</div>
        )}
      </section>
    </>
  );
}
