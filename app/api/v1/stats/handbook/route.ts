import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { getHandbookOverview } from "@/lib/stats/get-handbook-overview";
import { pushHandbookUsage } from "@/lib/stats/push-handbook-usage";
import { HandbookQuerySchema } from "@/lib/stats/schemas";

/** A whole city's push (16,762 branches) is about 1.5 MB of JSON. */
const MAX_PUSH_BYTES = 4 * 1024 * 1024;

export const GET = apiRoute({ permission: "stats.read" }, async ({ request, actor }) => getHandbookOverview(actor, readQuery(request, HandbookQuerySchema)));

export const PUT = apiRoute({ permission: "stats.push" }, async ({ request, actor }) => pushHandbookUsage(actor, await readJson(request, MAX_PUSH_BYTES)));
