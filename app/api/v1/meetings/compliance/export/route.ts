import { apiRoute, readQuery } from "@/lib/api/handler";
import { exportResponse, type ExportSheet } from "@/lib/export/table-export";
import { buildComplianceExport } from "@/lib/meetings/export-compliance";
import { ComplianceExportQuery } from "@/lib/meetings/api-queries";
import { defaultMeetingPeriod } from "@/lib/meetings/default-period";

export const GET = apiRoute({ permission: "meeting.read" }, async ({ request, actor }) => {
  const query = readQuery(request, ComplianceExportQuery);
  const { summarySheet, branchSheet, fileName } = await buildComplianceExport(actor, { orgUnitId: query.orgUnitId, period: query.period ?? (await defaultMeetingPeriod()) });
  const sheets = (query.format === "csv" && query.table === "months" ? [branchSheet, summarySheet] : [summarySheet, branchSheet]) as ExportSheet<unknown>[];
  return exportResponse(query.format, query.format === "csv" && query.table === "months" ? `${fileName}-theo-thang` : fileName, sheets);
});
