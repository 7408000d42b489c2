import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { findUnitInScope } from "@/lib/org/org-units";
import { NotFoundError } from "@/lib/errors";
import type { MEMBER_STATUS_LABELS } from "./member-labels";

/** A member as the branch's member list shows it. */
export type BranchMemberRow = {
  id: number;
  code: string;
  fullName: string;
  status: keyof typeof MEMBER_STATUS_LABELS;
  eligibleForHandbook: boolean;
  handbookInstalledAt: Date | null;
  joinedBranchOn: Date;
  leftBranchOn: Date | null;
};

/** Members of one branch in scope, in Vietnamese name order; current members first. */
export async function listBranchMembers(actor: Actor, branchId: number, options: { includeFormer?: boolean } = {}) {
  assertCan(actor, "member.read");
  const branch = await findUnitInScope(actor, branchId, "org.read");
  if (branch.level !== "BRANCH") throw new NotFoundError("Không tìm thấy chi bộ.");
  const statuses = options.includeFormer ? ["ACTIVE", "EXEMPT", "TRANSFERRED_OUT", "DECEASED"] : ["ACTIVE", "EXEMPT"];
  const members = await db().$queryRaw<BranchMemberRow[]>`
    SELECT id, code, "fullName", status, "eligibleForHandbook", "handbookInstalledAt", "joinedBranchOn", "leftBranchOn"
    FROM "Member"
    WHERE "branchId" = ${branch.id} AND status::text = ANY(${statuses})
    ORDER BY (status IN ('ACTIVE', 'EXEMPT')) DESC,
      -- Vietnamese order is by given name (the last word), then the full name.
      regexp_replace("fullName", '^.* ', '') COLLATE "vi-VN-x-icu", "fullName" COLLATE "vi-VN-x-icu"`;
  return { branch, members };
}
