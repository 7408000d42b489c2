import { apiRoute, readQuery } from "@/lib/api/handler";
import { getHandbookSeries } from "@/lib/stats/get-handbook-series";
import { HandbookSeriesQuerySchema } from "@/lib/stats/schemas";

export const GET = apiRoute({ permission: "stats.read" }, async ({ request, actor }) => {
  const series = await getHandbookSeries(actor, readQuery(request, HandbookSeriesQuerySchema));
  return { ...series, total: series.items.length, page: 1, pageSize: series.items.length };
});
