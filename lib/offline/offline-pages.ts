import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { currentPeriod, previousPeriod } from "@/lib/periods/period";

/**
 * The pages a branch secretary can open with no network once they were online:
 * the home page, the branch's members, its meeting schedule, this and last
 * month's meetings and recording forms, and the draft writer. Other roles get
 * none (no service worker, nothing stored in the browser).
 */
export function offlinePagesFor(actor: Actor): string[] | null {
  if (actor.kind !== "user" || actor.role !== "BRANCH_SECRETARY" || actor.scopeLevel !== "BRANCH") return null;
  const branch = actor.orgUnitId;
  const thisMonth = currentPeriod();
  const months = [thisMonth, previousPeriod(thisMonth)];
  return [
    "/",
    `/org/${branch}`,
    `/meetings/branch/${branch}`,
    ...months.flatMap((period) => [`/meetings/branch/${branch}/${period}`, `/meetings/branch/${branch}/${period}/record`, `/meetings/branch/${branch}/${period}/record?kind=THEMATIC`]),
    "/drafts/write",
  ];
}
