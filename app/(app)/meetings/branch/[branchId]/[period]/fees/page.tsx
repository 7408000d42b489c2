import { notFound } from "next/navigation";
import { requireSessionActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { pathId, pathPeriod } from "@/lib/validation/page-params";
import { getFeeSheet } from "@/lib/fees/fee-sheet";
import { feeStateLabel } from "@/lib/fees/export-fee-sheet";
import { isEditable } from "@/lib/meetings/rules";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { PageHeader } from "@/components/ui/page-header";
import { ForbiddenPage } from "@/components/ui/forbidden";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { withQuery } from "@/components/ui/pagination";
import { FeeSheetForm } from "@/components/fees/fee-sheet-form";
import { recordFeesAction } from "./actions";

export const metadata = { title: "Đảng phí chi bộ" };

type Props = { params: Promise<{ branchId: string; period: string }> };

export default async function FeeSheetPage({ params }: Props) {
  const actor = await requireSessionActor();
  if (!can(actor.role, "member.read")) return <ForbiddenPage message="Sổ đảng phí có tên đảng viên: chỉ chi bộ, Đảng ủy phường và Ban Tổ chức xem được." />;
  const path = await params;
  const branchId = pathId(path.branchId);
  const period = pathPeriod(path.period);
  const sheet = await getFeeSheet(actor, branchId, period).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { branch, window, totals } = sheet;
  const editable = can(actor.role, "meeting.record") && isEditable(window);
  const payers = sheet.rows.filter((row) => row.exemption === null);
  const exempt = sheet.rows.filter((row) => row.exemption !== null);
  const exportHref = (format: string) => withQuery(`/api/v1/branches/${branch.id}/fees/export`, { period, format });
  return (
    <>
      <PageHeader
        breadcrumb={[{ label: "Sinh hoạt chi bộ", href: withQuery(`/meetings/branch/${branch.id}`, { period }) }, { label: formatPeriod(period), href: `/meetings/branch/${branch.id}/${period}` }, { label: "Đảng phí" }]}
        title={`Đảng phí ${formatPeriod(period).toLowerCase()}`}
        description={
          <>
            {branch.name} ·{" "}
            {window.state === "OPEN" || window.state === "REOPENED" ? `ghi được đến hết ${formatDate(window.until)}` : window.state === "LOCKED" ? `đã khóa sổ từ ${formatDate(window.since)}` : "chưa đến kỳ"}
          </>
        }
        actions={
          <>
            <a className="button button-secondary button-small" href={exportHref("xlsx")} download>
              Tải XLSX
            </a>
            <a className="button button-secondary button-small" href={exportHref("csv")} download>
              Tải CSV
            </a>
          </>
        }
      />
      <div className="grid grid-stats">
        <Stat label="Phải đóng" value={formatNumber(totals.expected)} />
        <Stat label="Đã đóng" value={formatNumber(totals.paid)} />
        <Stat label="Chưa đóng" value={formatNumber(totals.unpaid)} />
        <Stat label="Chưa ghi" value={formatNumber(totals.notRecorded)} />
        <Stat label="Đã thu (đồng)" value={formatNumber(totals.amount)} />
      </div>
      <p className="small muted">
        Tháng chưa đóng không có lý do chính đáng được tính cùng tháng vắng sinh hoạt không lý do: 3 tháng trong năm thì đảng viên được đưa vào danh sách để Đảng ủy phường xem xét.
      </p>
      {editable ? (
        <FeeSheetForm action={recordFeesAction} branchId={branch.id} period={period} rows={payers} />
      ) : payers.length === 0 ? (
        <div className="card empty">Không có đảng viên phải đóng đảng phí trong tháng này.</div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{formatNumber(payers.length)} đảng viên phải đóng</caption>
            <thead>
              <tr>
                <th>Đảng viên</th>
                <th>Đảng phí</th>
                <th className="num">Số tiền (đồng)</th>
                <th>Lý do</th>
              </tr>
            </thead>
            <tbody>
              {payers.map((row) => (
                <tr key={row.member.id}>
                  <td>
                    {row.member.fullName}
                    <div className="small muted mono">{row.member.code}</div>
                  </td>
                  <td>
                    <Badge tone={!row.fee ? "neutral" : row.fee.paid ? "ok" : "bad"}>{feeStateLabel(row)}</Badge>
                  </td>
                  <td className="num">{row.fee?.paid && row.fee.amount !== null ? formatNumber(row.fee.amount) : ""}</td>
                  <td>{row.fee?.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {exempt.length ? (
        <section className="section card">
          <h2>Không thu đảng phí ({formatNumber(exempt.length)})</h2>
          <ul className="plain-list">
            {exempt.map((row) => (
              <li key={row.member.id}>
                {row.member.fullName} <span className="small muted">— {row.exemption}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
