import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { countUnder, getScopeRoot } from "./org-units";

/** Figures for the home page: the actor's scope root with its wards, branches, members and handbook installs. */
export async function getScopeSummary(actor: Actor) {
  const root = await getScopeRoot(actor);
  const [counts, handbook] = await Promise.all([
    countUnder([root.path]),
    db().$queryRaw<{ installed: bigint; eligible: bigint }[]>`
      SELECT count(*) FILTER (WHERE m."handbookInstalledAt" IS NOT NULL) AS installed,
             count(*) FILTER (WHERE m."eligibleForHandbook") AS eligible
      FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId"
      WHERE b.path LIKE ${root.path} || '%' AND m.status IN ('ACTIVE', 'EXEMPT')`,
  ]);
  const c = counts.get(root.path)!;
  return {
    root,
    wards: c.wards,
    branches: c.branches,
    members: c.members,
    membersExpected: c.membersExpected,
    installed: Number(handbook[0]?.installed ?? 0),
    eligible: Number(handbook[0]?.eligible ?? 0),
  };
}
