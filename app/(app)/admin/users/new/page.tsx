import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAssignableUnits } from "@/lib/users/users";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { createUserAction } from "../actions";

export const metadata = { title: "Tạo người dùng" };

export default async function NewUserPage() {
  const actor = await requireSessionActor();
  if (!can(actor.role, "user.manage")) return <ForbiddenPage />;
  const units = await listAssignableUnits(actor);
  return (
    <>
      <PageHeader title="Tạo người dùng" breadcrumb={[{ label: "Người dùng", href: "/admin/users" }, { label: "Tạo mới" }]} description="Người dùng phải đổi mật khẩu tạm ở lần đăng nhập đầu tiên." />
      <div className="card">
        <CreateUserForm action={createUserAction} units={units.map(({ code, name, level }) => ({ code, name, level }))} />
      </div>
    </>
  );
}
