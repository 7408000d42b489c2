import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { IMPORT_DEFINITIONS } from "@/lib/imports/registry";
import { PageHeader } from "@/components/ui/page-header";
import { ImportPanel } from "@/components/imports/import-panel";

export const metadata = { title: "Nhập dữ liệu" };

export default async function ImportsPage() {
  const actor = await requireSessionActor();
  const definitions = IMPORT_DEFINITIONS.filter((definition) => can(actor.role, definition.permission));
  return (
    <>
      <PageHeader
        title="Nhập dữ liệu từ tệp CSV"
        description="Tệp CSV UTF-8 (có hoặc không có BOM), phân cách bằng dấu phẩy hoặc chấm phẩy, dòng đầu là tiêu đề. Dòng lỗi không được ghi; các dòng hợp lệ được ghi cùng một lúc."
      />
      {definitions.length === 0 ? <div className="card empty">Tài khoản của bạn không có loại dữ liệu nào để nhập.</div> : null}
      {definitions.map((definition) => (
        <section className="section card" key={definition.kind}>
          <ImportPanel
            kind={definition.kind}
            label={definition.label}
            description={definition.description}
            columns={definition.columns.map(({ header, description, example, required }) => ({ header, description, example, required: required !== false }))}
          />
        </section>
      ))}
    </>
  );
}
