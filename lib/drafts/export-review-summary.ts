import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { exportResponse, type ExportSheet } from "@/lib/export/table-export";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod } from "@/lib/format/date";
import { PeriodSchema } from "@/lib/periods/period";
import { listReviewQueue, type QueueRow } from "./list-review-queue";
import { getDraftReviewSummary, type DraftReviewSummary } from "./get-draft-review-summary";
import { FLAG_LABELS, STATUS_LABELS, TIMELINESS_LABELS, type DraftFlagKey } from "./labels";

export const ExportQuerySchema = z.object({
  period: PeriodSchema,
  orgUnitId: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number({ message: "orgUnitId phải là số." }).int().positive().optional()),
  format: z.enum(["xlsx", "csv"], { message: "format là xlsx hoặc csv." }).default("xlsx"),
  /** CSV holds one table: per branch (default) or per child unit. */
  level: z.enum(["branch", "unit"], { message: "level là branch hoặc unit." }).default("branch"),
});

const flagList = (flags: string[]) => flags.map((flag) => FLAG_LABELS[flag as DraftFlagKey] ?? flag).join("; ");

function unitSheet(summary: DraftReviewSummary): ExportSheet<DraftReviewSummary["children"][number]> {
  return {
    name: "Theo đơn vị",
    title: `Tiến độ nộp và xem xét dự thảo nghị quyết ${formatPeriod(summary.period).toLowerCase()} — ${summary.orgUnit.name}`,
    columns: [
      { header: "Đơn vị", value: (row) => row.orgUnit.name, width: 36 },
      { header: "Mã", value: (row) => row.orgUnit.code, format: "text", width: 12 },
      { header: "Số chi bộ", value: (row) => row.branches, format: "integer" },
      { header: "Đã nộp", value: (row) => row.submitted, format: "integer" },
      { header: "Đúng hạn", value: (row) => row.onTime, format: "integer" },
      { header: "Nộp muộn", value: (row) => row.late, format: "integer" },
      { header: "Quá hạn chưa nộp", value: (row) => row.missing, format: "integer" },
      { header: "Chờ xem xét", value: (row) => row.awaitingReview, format: "integer" },
      { header: "Đã duyệt", value: (row) => row.approved, format: "integer" },
      { header: "Yêu cầu chỉnh sửa", value: (row) => row.changesRequested, format: "integer" },
      { header: "Có cờ chất lượng", value: (row) => row.flagged, format: "integer" },
      { header: "Phường chưa xác nhận", value: (row) => row.unacknowledged, format: "integer" },
      { header: "Góp ý chưa xử lý", value: (row) => row.openComments, format: "integer" },
    ],
    rows: summary.children,
  };
}

function branchSheet(period: string, rows: QueueRow[], unitName: string): ExportSheet<QueueRow> {
  return {
    name: "Theo chi bộ",
    title: `Dự thảo nghị quyết ${formatPeriod(period).toLowerCase()} — ${unitName}`,
    columns: [
      { header: "Phường", value: (row) => row.ward?.name ?? "", width: 24 },
      { header: "Mã chi bộ", value: (row) => row.branch.code, format: "text", width: 14 },
      { header: "Chi bộ", value: (row) => row.branch.name, width: 44 },
      { header: "Trạng thái", value: (row) => STATUS_LABELS[row.status], width: 20 },
      { header: "Phiên bản", value: (row) => row.versionNo, format: "integer" },
      { header: "Nộp lần đầu", value: (row) => row.firstSubmittedAt, format: "date" },
      { header: "Đúng hạn / muộn", value: (row) => TIMELINESS_LABELS[row.timeliness], width: 18 },
      { header: "Cờ đã quyết định", value: (row) => flagList(row.flags), width: 36 },
      { header: "Cờ máy đề xuất", value: (row) => flagList(row.proposedFlags), width: 36 },
      { header: "Độ giống cao nhất", value: (row) => row.similarity?.score ?? null, format: "percent" },
      { header: "Góp ý chưa xử lý", value: (row) => row.openComments, format: "integer" },
      { header: "Phường chưa xác nhận từ", value: (row) => row.feedbackPendingSince, format: "date" },
    ],
    rows,
  };
}

/** The period's review summary per unit and per branch, as XLSX (two sheets) or CSV (one table). */
export async function exportReviewSummary(actor: Actor, rawQuery: unknown): Promise<Response> {
  assertCan(actor, "draft.read");
  const query = parseInput(ExportQuerySchema, rawQuery, "Tham số truy vấn không hợp lệ.");
  const summary = await getDraftReviewSummary(actor, { orgUnitId: query.orgUnitId, period: query.period });
  const fileName = `du-thao-${query.period}-${summary.orgUnit.code}`;
  if (query.format === "csv" && query.level === "unit") return exportResponse("csv", `${fileName}-theo-don-vi`, [unitSheet(summary) as ExportSheet<unknown>]);
  const queue = await listReviewQueue(actor, { period: query.period, orgUnitId: summary.orgUnit.id, sort: "ward" }, { includeMissing: true, allRows: true });
  const branches = branchSheet(query.period, queue.items, summary.orgUnit.name) as ExportSheet<unknown>;
  if (query.format === "csv") return exportResponse("csv", `${fileName}-theo-chi-bo`, [branches]);
  return exportResponse("xlsx", fileName, [unitSheet(summary) as ExportSheet<unknown>, branches]);
}
