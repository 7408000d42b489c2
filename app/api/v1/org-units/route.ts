import { apiRoute, readQuery } from "@/lib/api/handler";
import { listChildUnits } from "@/lib/org/org-units";
import { ChildUnitsQuerySchema } from "@/lib/org/schemas";

export const GET = apiRoute({ permission: "org.read" }, async ({ request, actor }) => {
  const { parentId } = readQuery(request, ChildUnitsQuerySchema);
  const units = await listChildUnits(actor, parentId);
  return { items: units, total: units.length, page: 1, pageSize: units.length };
});
