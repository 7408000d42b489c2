import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ExportColumn, ExportSheet } from "@/lib/export/table-export";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod } from "@/lib/format/date";
import type { HandbookFigures } from "./handbook-figures";
import { HandbookExportQuerySchema } from "./schemas";
import { getHandbookOverview } from "./get-handbook-overview";
import { getHandbookSeries } from "./get-handbook-series";
import { listLaggingBranches } from "./list-lagging-branches";
import { listBranchUsageSnapshots } from "./list-branch-usage-snapshots";
import { findUnitInScope } from "@/lib/org/org-units";
import { SOURCE_LABELS } from "./source-labels";
import { HANDBOOK_USE } from "./usage-definitions";

/** Sheets of different row types travel as ExportSheet<unknown> (each column reads its own row type). */
function sheetOf<T>(sheet: ExportSheet<T>): ExportSheet<unknown> {
  return sheet as unknown as ExportSheet<unknown>;
}

function figureColumns<T extends HandbookFigures>(): ExportColumn<T>[] {
  return [
    { header: "Đảng viên", value: (row) => row.membersTotal, format: "integer" },
    { header: "Thuộc diện cài", value: (row) => row.membersEligible, format: "integer" },
    { header: "Đã cài Sổ tay", value: (row) => row.membersInstalled, format: "integer" },
    { header: "Tỷ lệ đã cài", value: (row) => row.installRate, format: "percent" },
    { header: "Tỷ lệ cài / thuộc diện", value: (row) => row.eligibleInstallRate, format: "percent" },
    { header: "Chi bộ", value: (row) => row.branchesTotal, format: "integer" },
    { header: `${HANDBOOK_USE.reported.label} (${HANDBOOK_USE.reported.source})`, value: (row) => row.branchesUsingInMeetings, format: "integer" },
    { header: "Tỷ lệ chi bộ báo dùng", value: (row) => row.meetingUsageRate, format: "percent" },
    { header: "Tin bài", value: (row) => row.newsPosts, format: "integer" },
    { header: "Văn bản", value: (row) => row.documents, format: "integer" },
  ];
}

/** One table of the handbook dashboard as an export sheet (CSV or XLSX), with the same scope rules as the page. */
export async function exportHandbookTable(actor: Actor, rawQuery: unknown): Promise<{ format: "csv" | "xlsx"; fileName: string; sheet: ExportSheet<unknown> }> {
  const query = parseInput(HandbookExportQuerySchema, rawQuery, "Tham số truy vấn không hợp lệ.");
  const base = { orgUnitId: query.orgUnitId, period: query.period };
  let sheet: ExportSheet<unknown>;
  let fileName: string;
  if (query.table === "children") {
    const overview = await getHandbookOverview(actor, base);
    type Row = (typeof overview.children)[number];
    fileName = `so-tay-don-vi-truc-thuoc-${overview.orgUnit.code}-${overview.period}`;
    sheet = sheetOf<Row>({
      name: "Đơn vị trực thuộc",
      title: `Sổ tay đảng viên điện tử — ${overview.orgUnit.name} — ${formatPeriod(overview.period)}`,
      columns: [
        { header: "Đơn vị", value: (row: Row) => row.orgUnit.name, width: 40 },
        { header: "Mã", value: (row: Row) => row.orgUnit.code, format: "text", width: 14 },
        ...figureColumns<Row>(),
      ],
      rows: overview.children,
    });
  } else if (query.table === "series") {
    const series = await getHandbookSeries(actor, { orgUnitId: query.orgUnitId, to: query.period });
    type Row = (typeof series.items)[number];
    fileName = `so-tay-theo-thang-${series.orgUnit.code}-${series.from}-${series.to}`;
    sheet = sheetOf<Row>({
      name: "Theo tháng",
      title: `Sổ tay đảng viên điện tử — ${series.orgUnit.name} — ${formatPeriod(series.from)} đến ${formatPeriod(series.to)}`,
      columns: [{ header: "Tháng", value: (row: Row) => row.period, format: "period", width: 10 }, ...figureColumns<Row>()],
      rows: series.items,
    });
  } else if (query.table === "lagging") {
    const lagging = await listLaggingBranches(actor, base, { all: true });
    type Row = (typeof lagging.items)[number];
    fileName = `so-tay-chi-bo-cham-${lagging.orgUnit.code}-${lagging.period}`;
    sheet = sheetOf<Row>({
      name: "Chi bộ chậm",
      title: `Chi bộ chậm — ${lagging.orgUnit.name} — ${formatPeriod(lagging.period)} (ngưỡng ${lagging.thresholds.low}%)`,
      columns: [
        { header: "Chi bộ", value: (row: Row) => row.branch.name, width: 40 },
        { header: "Mã", value: (row: Row) => row.branch.code, format: "text", width: 14 },
        { header: "Đảng ủy", value: (row: Row) => row.ward?.name ?? "", width: 30 },
        { header: "Lý do", value: (row: Row) => row.reasons.map((reason) => (reason === "LOW_INSTALL" ? `Cài dưới ${lagging.thresholds.low}%` : "Chưa dùng trong sinh hoạt")).join("; "), width: 40 },
        ...figureColumns<Row>(),
      ],
      rows: lagging.items,
    });
  } else {
    const branch = await findUnitInScope(actor, query.orgUnitId, "stats.read");
    const snapshots = await listBranchUsageSnapshots(actor, branch.id, 500);
    type Row = (typeof snapshots)[number];
    fileName = `so-tay-bao-cao-${branch.code}`;
    sheet = sheetOf<Row>({
      name: "Báo cáo sử dụng",
      title: `Báo cáo sử dụng Sổ tay — ${branch.name}`,
      columns: [
        { header: "Ngày số liệu", value: (row: Row) => new Date(`${row.date}T00:00:00Z`), format: "date", width: 14 },
        { header: "Tháng", value: (row: Row) => row.period, format: "period" },
        { header: "Dùng trong sinh hoạt", value: (row: Row) => (row.usedInMeetings ? "Có" : "Không") },
        { header: "Tin bài", value: (row: Row) => row.newsPosts, format: "integer" },
        { header: "Văn bản", value: (row: Row) => row.documents, format: "integer" },
        { header: "Nguồn", value: (row: Row) => SOURCE_LABELS[row.source] ?? row.source },
        { header: "Tính cho tháng", value: (row: Row) => (row.countsForMonth ? "Có" : "Không (có báo cáo muộn hơn)") },
      ],
      rows: snapshots,
    });
  }
  return { format: query.format, fileName, sheet };
}
