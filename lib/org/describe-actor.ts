import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

/** GET /api/v1/me */
export async function describeActor(actor: Actor) {
  const unit = await db().orgUnit.findUnique({ where: { id: actor.orgUnitId }, select: { id: true, code: true, name: true, level: true } });
  if (!unit) throw new NotFoundError();
  return { username: actor.label, displayName: actor.displayName, role: actor.role, kind: actor.kind, orgUnit: unit };
}
