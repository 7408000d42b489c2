import { apiRoute, readQuery } from "@/lib/api/handler";
import { exportResponse } from "@/lib/export/table-export";
import { exportHandbookTable } from "@/lib/stats/export-handbook-table";
import { HandbookExportQuerySchema } from "@/lib/stats/schemas";

export const GET = apiRoute({ permission: "stats.read" }, async ({ request, actor }) => {
  const { format, fileName, sheet } = await exportHandbookTable(actor, readQuery(request, HandbookExportQuerySchema));
  return exportResponse(format, fileName, [sheet]);
});
