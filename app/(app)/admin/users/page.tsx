import Link from "next/link";
import { requireSessionActor } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/validation/page-params";
import { listUsers, USERS_PAGE_SIZE } from "@/lib/users/users";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { ROLES } from "@/lib/auth/roles";
import { ForbiddenPage } from "@/components/ui/forbidden";

export const metadata = { title: "Người dùng" };

type Props = { searchParams: Promise<SearchParams> };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "user.manage")) return <ForbiddenPage />;
  const params = await searchParams;
  const { filter, total, users } = await listUsers(actor, params);
  return (
    <>
      <PageHeader
        title="Người dùng"
        description="Tài khoản đăng nhập, vai trò và phạm vi của từng người."
        actions={<Link className="button" href="/admin/users/new">+ Tạo người dùng</Link>}
      />
      <form className="filters card" method="get" role="search">
        <div className="field">
          <label htmlFor="q">Tìm theo tên đăng nhập, họ tên, đơn vị</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="role">Vai trò</label>
          <select id="role" name="role" defaultValue={filter.role ?? ""}>
            <option value="">Tất cả</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>{ROLE_LABELS[role]}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Trạng thái</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Tất cả</option>
            <option value="active">Đang hoạt động</option>
            <option value="disabled">Đã vô hiệu hóa</option>
            <option value="locked">Đang bị tạm khóa</option>
          </select>
        </div>
        <button className="button button-secondary" type="submit">Lọc</button>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Tên đăng nhập</th>
              <th>Họ tên / tên hiển thị</th>
              <th>Vai trò</th>
              <th>Đơn vị</th>
              <th>Trạng thái</th>
              <th>Đăng nhập gần nhất</th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colSpan={6} className="empty">Không có người dùng nào khớp bộ lọc.</td>
              </tr>
            ) : (
              users.map((user) => (
                <tr key={user.id}>
                  <td className="mono nowrap">
                    <Link href={`/admin/users/${user.id}`}>{user.username}</Link>
                  </td>
                  <td>{user.displayName}</td>
                  <td className="nowrap">{ROLE_LABELS[user.role]}</td>
                  <td>{user.orgUnit.name}</td>
                  <td>
                    {!user.active ? <Badge tone="neutral">Vô hiệu hóa</Badge> : user.locked ? <Badge tone="bad">Tạm khóa</Badge> : <Badge tone="ok">Hoạt động</Badge>}
                  </td>
                  <td className="nowrap">{formatDateTime(user.lastLoginAt)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={filter.page} pageSize={USERS_PAGE_SIZE} total={total} hrefFor={(page) => withQuery("/admin/users", { q: filter.q, role: filter.role, status: filter.status, page })} />
    </>
  );
}
