import { apiRoute, idParam } from "@/lib/api/handler";
import { getOrgUnitDetail } from "@/lib/org/org-units";

export const GET = apiRoute<{ id: string }>({ permission: "org.read" }, async ({ actor, params }) => {
  const { unit, ancestors, counts } = await getOrgUnitDetail(actor, idParam(params.id));
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentId: unit.parentId,
    path: unit.path,
    validFrom: unit.validFrom.toISOString().slice(0, 10),
    validTo: unit.validTo ? unit.validTo.toISOString().slice(0, 10) : null,
    ancestors: ancestors.map(({ id, code, name, level }) => ({ id, code, name, level })),
    counts: { branches: counts.branches, members: counts.members, wards: counts.wards, children: counts.children },
  };
});
