import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { findUnitInScope } from "@/lib/org/org-units";
import { NotFoundError } from "@/lib/errors";

/** A branch in the actor's scope; anything else (another ward's branch, a ward) is "not found". */
export async function findBranchInScope(actor: Actor, branchId: number) {
  const unit = await findUnitInScope(actor, branchId, "org.read");
  if (unit.level !== "BRANCH") throw new NotFoundError("Không tìm thấy chi bộ.");
  return unit;
}
