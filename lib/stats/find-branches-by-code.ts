import "server-only";
import { db } from "@/lib/db/client";
import { inScope, type Actor } from "@/lib/auth/actor";

export type BranchByCode = { id: number; code: string; path: string; validFrom: Date; validTo: Date | null };

/**
 * Branches with these codes that lie in the actor's scope (codes compared
 * upper-case). A code outside the scope is simply absent: callers report it
 * as unknown, never as forbidden.
 */
export async function findBranchesByCode(actor: Actor, codes: string[]): Promise<Map<string, BranchByCode>> {
  const wanted = [...new Set(codes.map((code) => code.toUpperCase()))];
  const result = new Map<string, BranchByCode>();
  if (!wanted.length) return result;
  const units = await db().orgUnit.findMany({
    where: { code: { in: wanted }, level: "BRANCH" },
    select: { id: true, code: true, path: true, validFrom: true, validTo: true },
  });
  for (const unit of units) if (inScope(actor, unit.path)) result.set(unit.code.toUpperCase(), unit);
  return result;
}

/** Whether the branch was in force on a YYYY-MM-DD day. */
export function branchInForceOn(branch: Pick<BranchByCode, "validFrom" | "validTo">, isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`);
  return branch.validFrom <= day && (!branch.validTo || branch.validTo > day);
}
