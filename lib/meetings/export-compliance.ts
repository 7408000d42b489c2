import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ExportSheet } from "@/lib/export/table-export";
import { formatPeriod } from "@/lib/format/date";
import type { Period } from "@/lib/periods/period";
import { getBranchHeatMap, getComplianceByChild, type HeatCell } from "./compliance";
import { MEETING_STATE_LABELS } from "./labels";
import { HANDBOOK_USE } from "@/lib/stats/usage-definitions";

type SummaryRow = Awaited<ReturnType<typeof getComplianceByChild>>["items"][number];
type BranchRow = Awaited<ReturnType<typeof getBranchHeatMap>>["rows"][number];

const MAX_BRANCH_ROWS = 20_000;

function cellValue(cell: HeatCell): string | number | null {
  if (cell.branches === 0) return null;
  if (cell.held === 0) return cell.state ? MEETING_STATE_LABELS[cell.state] : null;
  return cell.attendanceRate;
}

/** The compliance tables of a node for download: one row per child unit, and each branch × the 12 months. */
export async function buildComplianceExport(actor: Actor, options: { orgUnitId?: number; period: Period; now?: Date }) {
  const summary = await getComplianceByChild(actor, options);
  const months = await getBranchHeatMap(actor, { ...options, page: 1, pageSize: MAX_BRANCH_ROWS });
  const title = `Sinh hoạt chi bộ ${formatPeriod(options.period)} — ${summary.orgUnit.name}`;
  const summarySheet: ExportSheet<SummaryRow> = {
    name: "Tổng hợp",
    title,
    rows: summary.items,
    columns: [
      { header: "Đơn vị", value: (row) => row.orgUnit.name, width: 44 },
      { header: "Mã", value: (row) => row.orgUnit.code, format: "text", width: 14 },
      { header: "Số chi bộ", value: (row) => row.branches, format: "integer" },
      { header: "Đã sinh hoạt", value: (row) => row.held, format: "integer" },
      { header: "Thiếu (quá hạn)", value: (row) => row.missing, format: "integer" },
      { header: "Chưa đến hạn", value: (row) => row.pending, format: "integer" },
      { header: "Tỷ lệ dự họp", value: (row) => row.attendanceRate, format: "percent" },
      { header: "Có mặt", value: (row) => row.present, format: "integer" },
      { header: "Phải dự", value: (row) => row.expected, format: "integer" },
      { header: `${HANDBOOK_USE.recorded.label} (${HANDBOOK_USE.recorded.source})`, value: (row) => row.usedHandbook, format: "integer" },
      { header: "Sinh hoạt chuyên đề", value: (row) => row.thematic, format: "integer" },
    ],
  };
  const branchSheet: ExportSheet<BranchRow> = {
    name: "Theo tháng",
    title: `Tỷ lệ dự họp theo tháng (trống: chi bộ chưa thành lập) — ${summary.orgUnit.name}`,
    rows: months.rows,
    columns: [
      { header: "Đơn vị cấp trên", value: (row) => row.parent?.name ?? "", width: 30 },
      { header: "Chi bộ", value: (row) => row.unit.name, width: 44 },
      { header: "Mã", value: (row) => row.unit.code, format: "text", width: 14 },
      { header: "Số tháng thiếu", value: (row) => row.missingMonths, format: "integer" },
      ...months.periods.map((period, index) => ({ header: formatPeriod(period), value: (row: BranchRow) => cellValue(row.cells[index]), format: "percent" as const, width: 14 })),
    ],
  };
  return { summarySheet, branchSheet, fileName: `sinh-hoat-chi-bo-${summary.orgUnit.code}-${options.period}` };
}
