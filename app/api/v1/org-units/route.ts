import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { listChildUnits } from "@/lib/org/org-units";

const Query = z.object({ parentId: z.coerce.number({ message: "parentId phải là số." }).int().positive("parentId phải là số dương.").optional() });

export const GET = apiRoute({ permission: "org.read" }, async ({ request, actor }) => {
  const { parentId } = readQuery(request, Query);
  const units = await listChildUnits(actor, parentId);
  return { items: units, total: units.length, page: 1, pageSize: units.length };
});
