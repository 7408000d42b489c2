import "server-only";
import { db } from "@/lib/db/client";
import { inScope, type Actor } from "@/lib/auth/actor";
import { pathIds } from "@/lib/org/org-units";

/** The units above `unit` (root first), marked when they lie inside the actor's scope (linkable). */
export async function unitAncestors(actor: Actor, unit: { id: number; path: string }) {
  const ids = pathIds(unit.path).filter((id) => id !== unit.id);
  const ancestors = await db().orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, name: true, level: true, path: true } });
  ancestors.sort((a, b) => a.path.length - b.path.length);
  return ancestors.map((ancestor) => ({ id: ancestor.id, code: ancestor.code, name: ancestor.name, level: ancestor.level, inScope: inScope(actor, ancestor.path) }));
}
