import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { pathId, readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { UnitHistoryPageParams } from "@/lib/org/schemas";
import { getUnitHistory, type HistoryUnit } from "@/lib/org/restructure/get-unit-history";
import { LINEAGE_KIND_LABELS, RESTRUCTURE_TYPE_LABELS } from "@/lib/org/restructure/labels";
import { LEVEL_LABELS } from "@/lib/org/labels";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata = { title: "Lịch sử đơn vị" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function UnitLink({ unit }: { unit: HistoryUnit }) {
  const name = (
    <>
      {unit.name} {unit.validTo ? <Badge tone="neutral">đã kết thúc {formatDate(unit.validTo)}</Badge> : null}
    </>
  );
  return unit.inScope ? <Link href={`/org/${unit.id}/history`}>{name}</Link> : <span>{name}</span>;
}

/** A unit's placements over time, the restructuring events that touched it, its predecessors and successors. */
export default async function UnitHistoryPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  const id = pathId((await params).id);
  const history = await getUnitHistory(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const query = readSearchParams(await searchParams, UnitHistoryPageParams).values;
  const { unit } = history;
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: unit.name, href: `/org/${unit.id}` }, { label: "Lịch sử" }]}
        title={`Lịch sử: ${unit.name}`}
        description={
          <>
            <Badge tone="brand">{LEVEL_LABELS[unit.level]}</Badge> <span className="mono">{unit.code}</span> · hiệu lực từ {formatDate(unit.validFrom)}
            {unit.validTo ? <> đến {formatDate(unit.validTo)} <Badge tone="bad">đã kết thúc hoạt động</Badge></> : null}
          </>
        }
      />
      {query["su-kien"] ? <div className="alert alert-success" role="status">Đã áp dụng thay đổi. Các tháng trước ngày hiệu lực vẫn báo cáo theo cây cũ.</div> : null}

      <div className="grid grid-2 reform-lineage">
        <div className="card">
          <h2>Đơn vị tiền thân</h2>
          {history.predecessors.length ? (
            <ul className="reform-list">
              {history.predecessors.map((other) => (
                <li key={`${other.id}-${other.kind}`}><UnitLink unit={other} /> <span className="muted">— {LINEAGE_KIND_LABELS[other.kind]} đơn vị này từ {formatDate(other.effectiveDate)}</span></li>
              ))}
            </ul>
          ) : <p className="muted">Không có.</p>}
        </div>
        <div className="card">
          <h2>Đơn vị kế tục</h2>
          {history.successors.length ? (
            <ul className="reform-list">
              {history.successors.map((other) => (
                <li key={`${other.id}-${other.kind}`}><span className="muted">{LINEAGE_KIND_LABELS[other.kind]}</span> <UnitLink unit={other} /> <span className="muted">từ {formatDate(other.effectiveDate)}</span></li>
              ))}
            </ul>
          ) : <p className="muted">Không có.</p>}
        </div>
      </div>

      <section className="section">
        <h2>Vị trí trong cây theo thời gian</h2>
        <div className="table-wrap">
          <table>
            <thead><tr><th>Từ ngày</th><th>Đến ngày</th><th>Tên</th><th>Trực thuộc</th></tr></thead>
            <tbody>
              {history.placements.map((placement, index) => (
                <tr key={index}>
                  <td>{formatDate(placement.validFrom)}</td>
                  <td>{placement.validTo ? formatDate(placement.validTo) : <Badge tone="ok">hiện nay</Badge>}</td>
                  <td>{placement.name}</td>
                  <td>{placement.parent ? <UnitLink unit={placement.parent} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section">
        <h2>Sự kiện tái cấu trúc</h2>
        {history.events.length ? (
          <ol className="reform-timeline">
            {history.events.map((event) => (
              <li key={event.id} className="card">
                <div className="reform-event-head">
                  <Badge tone="brand">{RESTRUCTURE_TYPE_LABELS[event.type]}</Badge> <strong>{formatDate(event.effectiveDate)}</strong>
                </div>
                <p>{event.summary}</p>
                <p className="muted">Thực hiện: {event.actorLabel}, {formatDateTime(event.createdAt)}</p>
              </li>
            ))}
          </ol>
        ) : (
          <div className="card empty">Đơn vị chưa qua lần tái cấu trúc nào.</div>
        )}
      </section>
    </>
  );
}
