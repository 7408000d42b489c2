import { apiRoute, idParam, readQuery } from "@/lib/api/handler";
import { exportResponse } from "@/lib/export/table-export";
import { buildFeeSheetExport } from "@/lib/fees/export-fee-sheet";
import { FeeExportQuery } from "@/lib/fees/schemas";

export const GET = apiRoute<{ id: string }>({ permission: "member.read" }, async ({ request, actor, params }) => {
  const query = readQuery(request, FeeExportQuery);
  const { sheets, fileName } = await buildFeeSheetExport(actor, idParam(params.id), query.period);
  return exportResponse(query.format, fileName, sheets);
});
