import "server-only";
import type { Tx } from "@/lib/db/client";
import type { GuidanceTopic } from "./analyzer/directives";
import { pathIds } from "@/lib/org/org-units";

/** The month's guidance that applies to a branch: posted for the period by any unit above it (district, ward). */
export async function guidanceForBranch(tx: Tx, branchPath: string, period: string): Promise<GuidanceTopic[]> {
  const rows = await tx.guidance.findMany({
    where: { period, withdrawnAt: null, orgUnitId: { in: pathIds(branchPath) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, details: true, keywords: true },
  });
  return rows;
}
