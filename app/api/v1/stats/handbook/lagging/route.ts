import { apiRoute, readQuery } from "@/lib/api/handler";
import { listLaggingBranches } from "@/lib/stats/list-lagging-branches";
import { LaggingQuerySchema } from "@/lib/stats/schemas";

export const GET = apiRoute({ permission: "stats.read" }, async ({ request, actor }) => listLaggingBranches(actor, readQuery(request, LaggingQuerySchema)));
