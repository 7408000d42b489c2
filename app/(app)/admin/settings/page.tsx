import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listSettings } from "@/lib/settings/app-settings";
import { PageHeader } from "@/components/ui/page-header";
import { DemoAgeBanner } from "@/components/home/demo-age-banner";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { SettingForm } from "@/components/admin/setting-form";
import { updateSettingAction } from "./actions";

export const metadata = { title: "Thiết lập" };

export default async function SettingsPage() {
  const actor = await requireSessionActor();
  if (!can(actor.role, "settings.manage")) return <ForbiddenPage />;
  const settings = await listSettings(actor);
  return (
    <>
      <PageHeader title="Thiết lập" description="Hạn nộp, ngưỡng đánh giá và các tham số khác, áp dụng ngay cho mọi người dùng." />
      <DemoAgeBanner />
      {settings.length === 0 ? <div className="card empty">Chưa có thiết lập nào.</div> : null}
      <div className="grid grid-2">
        {settings.map(({ definition, value, updatedAt }) => (
          <section className="card" key={definition.key}>
            <SettingForm
              action={updateSettingAction}
              settingKey={definition.key}
              updatedAt={updatedAt}
              label={definition.label}
              description={definition.description}
              input={definition.input}
              value={Array.isArray(value) ? (value as unknown[]).join(", ") : String(value)}
            />
          </section>
        ))}
      </div>
    </>
  );
}
