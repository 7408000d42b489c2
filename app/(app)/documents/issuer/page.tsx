import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getIssuerSettings, issuerUnitOf } from "@/lib/documents/issuer";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { IssuerForm } from "@/components/documents/issuer-form";
import { updateIssuerAction } from "../actions";

export const metadata = { title: "Cơ quan ban hành văn bản" };

/** The names, symbol, place and signer the reader's unit issues its documents under. */
export default async function IssuerPage() {
  const actor = await requireSessionActor();
  if (!can(actor.role, "document.issue")) return <ForbiddenPage />;
  const unit = await issuerUnitOf(actor);
  const settings = await getIssuerSettings(unit.id);
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Văn bản", href: "/documents" }, { label: "Cơ quan ban hành" }]}
        title="Cơ quan ban hành văn bản"
        description={`${unit.name}${settings.stored ? "" : " · đang dùng giá trị mặc định"}`}
      />
      <div className="card">
        <IssuerForm action={updateIssuerAction} unitId={unit.id} values={settings} />
      </div>
    </>
  );
}
