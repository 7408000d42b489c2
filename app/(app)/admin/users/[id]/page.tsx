import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { getUser } from "@/lib/users/users";
import { NotFoundError } from "@/lib/errors";
import { pathId, readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { UserPageParams } from "@/lib/users/schemas";
import { formatDateTime } from "@/lib/format/date";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { UserActions } from "@/components/admin/user-actions";
import { resetPasswordAction, setUserActiveAction, unlockUserAction } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function UserPage({ params, searchParams }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "user.manage")) return <ForbiddenPage />;
  const user = await getUser(actor, pathId((await params).id)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const justCreated = readSearchParams(await searchParams, UserPageParams).values.moi;
  return (
    <>
      <PageHeader title={user.displayName} breadcrumb={[{ label: "Người dùng", href: "/admin/users" }, { label: user.username }]} description={<span className="mono">{user.username}</span>} />
      {justCreated ? <div className="alert alert-success" role="status">Đã tạo người dùng. Gửi tên đăng nhập và mật khẩu tạm cho họ qua kênh an toàn.</div> : null}
      <div className="grid grid-2">
        <section className="card">
          <h2>Thông tin</h2>
          <dl className="facts">
            <dt>Vai trò</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
            <dt>Đơn vị</dt>
            <dd>{user.orgUnit.name} <span className="mono muted">({user.orgUnit.code})</span></dd>
            <dt>Trạng thái</dt>
            <dd>
              {!user.active ? <Badge>Vô hiệu hóa</Badge> : user.locked ? <Badge tone="bad">Tạm khóa đến {formatDateTime(user.lockedUntil)}</Badge> : <Badge tone="ok">Hoạt động</Badge>}
              {user.mustChangePassword ? <> <Badge tone="warn">Chờ đổi mật khẩu</Badge></> : null}
            </dd>
            <dt>Phiên đang mở</dt>
            <dd>{user.activeSessions}</dd>
            <dt>Đăng nhập gần nhất</dt>
            <dd>{formatDateTime(user.lastLoginAt)}</dd>
            <dt>Đổi mật khẩu</dt>
            <dd>{formatDateTime(user.passwordChangedAt)}</dd>
            <dt>Tạo lúc</dt>
            <dd>{formatDateTime(user.createdAt)}</dd>
          </dl>
        </section>
        <UserActions
          userId={user.id}
          active={user.active}
          locked={user.locked}
          isSelf={user.id === actor.id}
          setActive={setUserActiveAction}
          unlock={unlockUserAction}
          resetPassword={resetPasswordAction}
        />
      </div>
    </>
  );
}
