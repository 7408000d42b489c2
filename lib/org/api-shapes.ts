import "server-only";
import { isoDate } from "@/lib/format/date";
import type { getOrgUnitDetail } from "./org-units";

// The JSON shapes of the org units API (docs/api.md); extra fields are additive.

/** One unit with its ancestors and counts (GET /org-units/{id}). */
export function orgUnitDocument({ unit, ancestors, counts }: Awaited<ReturnType<typeof getOrgUnitDetail>>) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    parentId: unit.parentId,
    path: unit.path,
    validFrom: isoDate(unit.validFrom),
    validTo: unit.validTo ? isoDate(unit.validTo) : null,
    ancestors: ancestors.map(({ id, code, name, level }) => ({ id, code, name, level })),
    counts: { branches: counts.branches, members: counts.members, wards: counts.wards, children: counts.children },
  };
}
