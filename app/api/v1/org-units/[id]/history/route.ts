import { apiRoute, idParam } from "@/lib/api/handler";
import { getUnitHistory } from "@/lib/org/restructure/get-unit-history";
import { historyResponse } from "@/lib/org/restructure/api-shapes";

export const GET = apiRoute<{ id: string }>({ permission: "org.read" }, async ({ actor, params }) => historyResponse(await getUnitHistory(actor, idParam(params.id))));
