import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { findOrgUnitInScope, getScopeRoot } from "@/lib/org/org-units";

/** The unit a report is about: the one asked for (in scope), or the actor's scope root. */
export async function resolveReportUnit(actor: Actor, orgUnitId?: number) {
  assertCan(actor, "meeting.read");
  return orgUnitId === undefined ? getScopeRoot(actor) : findOrgUnitInScope(actor, orgUnitId);
}
