import type { OrgLevel, Role } from "@/lib/generated/prisma/enums";
import { can, type Permission } from "./permissions";
import { ForbiddenError } from "@/lib/errors";
import { escapeLike } from "@/lib/db/sql";

/** Who is acting: a signed-in user or an API token, with the scope every query is limited to. */
export type Actor = {
  kind: "user" | "token";
  /** User id or token id. */
  id: number;
  /** Username or token name, for audit. */
  label: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  /** Path of the scope root; "/" for administrators (everything). */
  scopePath: string;
  scopeLevel: OrgLevel;
  ip?: string;
  userAgent?: string;
};

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

export function inScope(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.scopePath);
}

/** SQL `LIKE` pattern for the paths of units inside the actor's subtree (`path LIKE …`). */
export function scopePattern(actor: Actor): string {
  return `${escapeLike(actor.scopePath)}%`;
}

/** Prisma `where` for org units inside the actor's subtree. */
export function orgUnitScopeWhere(actor: Pick<Actor, "scopePath">) {
  return actor.scopePath === "/" ? {} : { path: { startsWith: actor.scopePath } };
}

export function auditActor(actor: Actor) {
  return {
    actorUserId: actor.kind === "user" ? actor.id : null,
    actorTokenId: actor.kind === "token" ? actor.id : null,
    actorLabel: actor.label,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent ?? null,
  };
}
