import { apiRoute, idParam } from "@/lib/api/handler";
import { getOrgUnitDetail } from "@/lib/org/org-units";
import { orgUnitDocument } from "@/lib/org/api-shapes";

export const GET = apiRoute<{ id: string }>({ permission: "org.read" }, async ({ actor, params }) => orgUnitDocument(await getOrgUnitDetail(actor, idParam(params.id))));
