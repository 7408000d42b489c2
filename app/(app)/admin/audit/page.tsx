import { requireSessionActor } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/validation/page-params";
import { can } from "@/lib/auth/permissions";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "@/lib/audit/list-audit-events";
import { AUDIT_ACTION_GROUPS, auditActionLabel, auditAddressLabel, auditEntityLabel } from "@/lib/audit/labels";
import { formatDateTime } from "@/lib/format/date";
import { UNTRUSTED_CLIENT } from "@/lib/http/client-address";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Pagination, withQuery } from "@/components/ui/pagination";

export const metadata = { title: "Nhật ký hệ thống" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "audit.read")) return <ForbiddenPage />;
  const { filter, total, events } = await listAuditEvents(actor, await searchParams);
  return (
    <>
      <PageHeader title="Nhật ký hệ thống" description="Ai đã làm gì, lúc nào, từ đâu. Nhật ký chỉ được ghi thêm, không sửa hay xóa được." />
      <form className="filters card" method="get">
        <div className="field">
          <label htmlFor="action">Loại sự kiện</label>
          <select id="action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">Tất cả</option>
            {AUDIT_ACTION_GROUPS.map((group) => (
              <optgroup key={group.prefix} label={group.label}>
                <option value={group.prefix}>{group.label}: tất cả</option>
                {Object.entries(group.actions).map(([action, label]) => (
                  <option key={action} value={action}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="actor">Người thực hiện</label>
          <input id="actor" name="actor" type="search" defaultValue={filter.actor ?? ""} maxLength={64} />
        </div>
        <button className="button button-secondary" type="submit">Lọc</button>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Thời điểm</th>
              <th>Người thực hiện</th>
              <th>Sự kiện</th>
              <th>Đối tượng</th>
              <th>Địa chỉ</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{formatDateTime(event.occurredAt)}</td>
                <td className="mono">{event.actorLabel}</td>
                <td>{auditActionLabel(event.action)}</td>
                <td className="small">{auditEntityLabel(event.entityType, event.entityId)}</td>
                <td className={event.ip === UNTRUSTED_CLIENT ? "small" : "mono small"}>{auditAddressLabel(event.ip)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={filter.page} pageSize={AUDIT_PAGE_SIZE} total={total} hrefFor={(page) => withQuery("/admin/audit", { action: filter.action, actor: filter.actor, page })} />
    </>
  );
}
