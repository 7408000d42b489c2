import { requireSessionActor, getSessionUserFlags } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { getScopeRoot } from "@/lib/org/org-units";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { changePasswordAction } from "./actions";

export const metadata = { title: "Tài khoản của tôi" };

export default async function AccountPage() {
  const actor = await requireSessionActor({ allowPasswordChangePending: true });
  const [flags, root] = await Promise.all([getSessionUserFlags(actor), getScopeRoot(actor)]);
  return (
    <>
      <PageHeader title="Tài khoản của tôi" />
      {flags.mustChangePassword ? (
        <div className="alert alert-warn" role="alert">Bạn đang dùng mật khẩu tạm do quản trị viên đặt. Hãy đổi mật khẩu trước khi tiếp tục.</div>
      ) : null}
      <div className="grid grid-2">
        <section className="card">
          <h2>Thông tin</h2>
          <dl className="facts">
            <dt>Tên đăng nhập</dt>
            <dd className="mono">{actor.label}</dd>
            <dt>Tên hiển thị</dt>
            <dd>{actor.displayName}</dd>
            <dt>Vai trò</dt>
            <dd>{ROLE_LABELS[actor.role]}</dd>
            <dt>Phạm vi</dt>
            <dd>{root.name}</dd>
          </dl>
        </section>
        <section className="card">
          <h2>Đổi mật khẩu</h2>
          <ChangePasswordForm action={changePasswordAction} />
        </section>
      </div>
    </>
  );
}
