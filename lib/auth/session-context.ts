import type { OrgUnit } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";

/**
 * What the session query of a request loads along with the actor — the scope
 * root and the app shell's counts — so that the layout, the page and its
 * cards do not each ask the database again. Kept per actor object (one per
 * request, see lib/auth/session.ts); nothing outlives the request. Actors
 * built elsewhere (API tokens, scripts) have none and the callers query.
 */
export type SessionContext = { scopeRoot: OrgUnit | null; unreadNotifications: number };

const contexts = new WeakMap<Actor, SessionContext>();

export function rememberSessionContext(actor: Actor, context: SessionContext): void {
  contexts.set(actor, context);
}

export function sessionContextOf(actor: Actor): SessionContext | undefined {
  return contexts.get(actor);
}
