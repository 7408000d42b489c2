import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { currentPeriod } from "@/lib/periods/period";
import { readSearchParams, type SearchParams } from "@/lib/validation/page-params";
import { FlagsPageParams } from "@/lib/meetings/schemas";
import { findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { findUnitInScope, unitAncestors } from "@/lib/org/org-units";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge } from "@/components/ui/badge";
import { Pagination, withQuery } from "@/components/ui/pagination";
import { MeetingsTabs } from "@/components/meetings/meetings-tabs";
import { RULE_REASON_LABELS } from "@/lib/members/member-rule";

export const metadata = { title: "Đảng viên vắng sinh hoạt, không đóng đảng phí" };

export default async function AbsenceFlagsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "meeting.read") || !can(actor.role, "member.read")) return <ForbiddenPage message="Danh sách có tên đảng viên: chỉ chi bộ, Đảng ủy phường và Ban Tổ chức xem được." />;
  const { values: params, invalid } = readSearchParams(await searchParams, FlagsPageParams);
  const thisYear = Number(currentPeriod().slice(0, 4));
  const { page, unit: unitId } = params;
  if (invalid.includes("unit")) notFound();
  const [unit, flags] = await Promise.all([findUnitInScope(actor, unitId, "meeting.read"), findAbsenceFlags(actor, { year: params.year, orgUnitId: unitId, page, pageSize: 50 })]).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { year } = flags;
  const ancestors = await unitAncestors(actor, unit.path);
  return (
    <>
      <PageHeader
        breadcrumb={[...ancestors.map((a) => ({ label: a.name, href: a.inScope ? withQuery("/meetings/flags", { unit: a.id, year }) : undefined })), { label: unit.name }]}
        title={`Vắng sinh hoạt, không đóng đảng phí — ${unit.name}`}
        description={`Đảng viên trong ${flags.threshold} tháng trở lên của năm ${year} vắng sinh hoạt hoặc không đóng đảng phí mà không có lý do chính đáng, để Đảng ủy phường và chi bộ xem xét (Quy định 24-QĐ/TW, Điều 8). Tính cả các tháng ở chi bộ cũ khi đảng viên chuyển sinh hoạt trong năm; đảng viên được liệt kê ở chi bộ hiện tại.`}
      />
      <MeetingsTabs active="flags" unit={unit.id} />
      <form className="filters" method="get">
        <input type="hidden" name="unit" value={unit.id} />
        <div className="field">
          <label htmlFor="f-year">Năm</label>
          <select id="f-year" name="year" defaultValue={year}>
            {[0, 1, 2].map((back) => (
              <option key={back} value={thisYear - back}>
                {thisYear - back}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Xem
        </button>
      </form>
      {flags.items.length === 0 ? (
        <div className="card empty">Không có đảng viên nào vắng sinh hoạt hoặc không đóng đảng phí không lý do từ {flags.threshold} tháng trở lên trong năm {year}.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{formatNumber(flags.total)} đảng viên</caption>
            <thead>
              <tr>
                <th>Đảng viên</th>
                <th>Chi bộ</th>
                <th>Các tháng và lý do</th>
              </tr>
            </thead>
            <tbody>
              {flags.items.map((item) => (
                <tr key={item.member.id}>
                  <td>
                    {item.member.fullName}
                    <div className="small muted mono">{item.member.code}</div>
                    {item.member.leftBranchOn ? <div className="small muted">rời chi bộ từ {formatDate(item.member.leftBranchOn)}</div> : null}
                    {item.member.joinedBranchOn > `${year}-01-01` ? <div className="small muted">vào chi bộ từ {formatDate(item.member.joinedBranchOn)}</div> : null}
                  </td>
                  <td>
                    <Link href={withQuery(`/meetings/branch/${item.branch.id}`, { period: `${year}-12` <= currentPeriod() ? `${year}-12` : undefined })}>{item.branch.name}</Link>
                    {item.ward ? <div className="small muted">{item.ward.name}</div> : null}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {item.monthDetails.map((month) => (
                        <li key={month.period}>
                          {month.branchCodes.includes(item.branch.code) ? (
                            <Link href={`/meetings/branch/${item.branch.id}/${month.period}${month.reasons.includes("ABSENT") ? "" : "/fees"}`}>
                              <Badge tone="bad">{formatPeriod(month.period)}</Badge>
                            </Link>
                          ) : (
                            <Badge tone="bad">{formatPeriod(month.period)}</Badge>
                          )}{" "}
                          <span className="small">{month.reasons.map((reason) => RULE_REASON_LABELS[reason]).join("; ")}</span>
                          {month.branchCodes.some((code) => code !== item.branch.code) ? <span className="small muted"> — tại {month.branchCodes.join(", ")}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={flags.page} pageSize={flags.pageSize} total={flags.total} hrefFor={(p) => withQuery("/meetings/flags", { unit: unit.id, year, page: p })} />
    </>
  );
}
