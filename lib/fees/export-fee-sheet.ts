import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ExportSheet } from "@/lib/export/table-export";
import { formatPeriod } from "@/lib/format/date";
import type { Period } from "@/lib/periods/period";
import { getFeeSheet, type FeeSheetRow } from "./fee-sheet";

export function feeStateLabel(row: FeeSheetRow): string {
  if (row.exemption) return row.exemption;
  if (!row.fee) return "Chưa ghi";
  return row.fee.paid ? "Đã đóng" : "Chưa đóng";
}

/** A branch's fee sheet for download (CSV or XLSX with the project's export helpers). */
export async function buildFeeSheetExport(actor: Actor, branchId: number, period: Period) {
  const sheet = await getFeeSheet(actor, branchId, period);
  const table: ExportSheet<FeeSheetRow> = {
    name: "Đảng phí",
    title: `Đảng phí ${formatPeriod(period)} — ${sheet.branch.name}`,
    rows: sheet.rows,
    columns: [
      { header: "Mã đảng viên", value: (row) => row.member.code, format: "text", width: 16 },
      { header: "Họ và tên", value: (row) => row.member.fullName, width: 30 },
      { header: "Kỳ", value: () => period, format: "period", width: 10 },
      { header: "Đã đóng", value: feeStateLabel, width: 30 },
      { header: "Số tiền", value: (row) => (row.fee?.paid ? row.fee.amount : null), format: "integer", width: 14 },
      { header: "Lý do", value: (row) => row.fee?.reason ?? null, width: 30 },
    ],
  };
  return { sheets: [table] as ExportSheet<unknown>[], fileName: `dang-phi-${sheet.branch.code.toLowerCase()}-${period}` };
}
