import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { getOrgUnitDetail, listChildUnits } from "@/lib/org/org-units";
import { listBranchMembers } from "@/lib/members/list-branch-members";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId } from "@/lib/validation/page-params";
import { LEVEL_LABELS } from "@/lib/org/labels";
import { formatNumber } from "@/lib/format/number";
import { formatDate } from "@/lib/format/date";
import { PageHeader, type Crumb } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Badge } from "@/components/ui/badge";
import { OrgSearchForm } from "@/components/org/org-search-form";
import { ChildUnitsTable } from "@/components/org/child-units-table";
import { MembersTable } from "@/components/org/members-table";

type Props = { params: Promise<{ id: string }> };

export default async function OrgUnitPage({ params }: Props) {
  const actor = await requireSessionActor();
  const id = pathId((await params).id);
  const detail = await getOrgUnitDetail(actor, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { unit, ancestors, counts } = detail;
  const isBranch = unit.level === "BRANCH";
  const breadcrumb: Crumb[] = [
    ...ancestors.map((ancestor) => ({ label: ancestor.name, href: ancestor.inScope ? `/org/${ancestor.id}` : undefined })),
    { label: unit.name },
  ];
  const children = isBranch ? [] : await listChildUnits(actor, unit.id);
  const members = isBranch && can(actor.role, "member.read") ? await listBranchMembers(actor, unit.id, { includeFormer: true }) : null;

  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={unit.name}
        description={
          <>
            <Badge tone="brand">{LEVEL_LABELS[unit.level]}</Badge> <span className="mono">{unit.code}</span> · hiệu lực từ {formatDate(unit.validFrom)}
            {unit.validTo ? ` đến ${formatDate(unit.validTo)}` : ""} · <Link href={`/org/${unit.id}/history`}>Lịch sử đơn vị</Link>
          </>
        }
      />
      <div className="grid grid-stats">
        {unit.level === "CITY" || unit.level === "DISTRICT" ? <Stat label="Đảng ủy phường, xã" value={formatNumber(counts.wards)} /> : null}
        {!isBranch ? <Stat label="Chi bộ" value={formatNumber(counts.branches)} /> : null}
        <Stat label="Đảng viên" value={formatNumber(counts.members)} />
        <Stat label="Thuộc diện sinh hoạt" value={formatNumber(counts.membersExpected)} note="Không tính đảng viên được miễn sinh hoạt" />
      </div>

      {!isBranch ? (
        <section className="section">
          <div className="card" style={{ marginBottom: 12 }}>
            <OrgSearchForm />
          </div>
          <ChildUnitsTable parentLevel={unit.level} units={children} />
        </section>
      ) : null}

      {isBranch ? (
        <section className="section">
          {members ? (
            <MembersTable members={members.members} />
          ) : (
            <div className="card empty">Danh sách đảng viên chỉ hiển thị cho chi bộ, Đảng ủy phường và Ban Tổ chức. Số liệu tổng hợp ở trên.</div>
          )}
        </section>
      ) : null}
    </>
  );
}
