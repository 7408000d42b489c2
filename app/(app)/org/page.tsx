import Link from "next/link";
import { redirect } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { getScopeRoot, searchOrgUnits } from "@/lib/org/org-units";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { OrgSearchPageParams } from "@/lib/org/schemas";
import { LEVEL_LABELS } from "@/lib/org/labels";
import { PageHeader } from "@/components/ui/page-header";
import { OrgSearchForm } from "@/components/org/org-search-form";
import { Badge } from "@/components/ui/badge";

export const metadata = { title: "Tổ chức đảng" };

export default async function OrgIndexPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireSessionActor();
  const { q } = readSearchParams(await searchParams, OrgSearchPageParams).values;
  if (!q?.trim()) redirect(`/org/${(await getScopeRoot(actor)).id}`);
  const results = await searchOrgUnits(actor, q, 50);
  return (
    <>
      <PageHeader title="Tìm đơn vị" breadcrumb={[{ label: "Tổ chức đảng", href: "/org" }, { label: "Kết quả tìm kiếm" }]} />
      <div className="card">
        <OrgSearchForm defaultValue={q} />
      </div>
      <section className="section">
        {results.length === 0 ? (
          <div className="card empty">Không có đơn vị nào khớp “{q}” trong phạm vi của bạn.</div>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>Đơn vị</th>
                  <th>Mã</th>
                  <th>Cấp</th>
                </tr>
              </thead>
              <tbody>
                {results.map((unit) => (
                  <tr key={unit.id}>
                    <td>
                      <Link href={`/org/${unit.id}`}>{unit.name}</Link>
                    </td>
                    <td className="mono">{unit.code}</td>
                    <td>
                      <Badge>{LEVEL_LABELS[unit.level]}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
