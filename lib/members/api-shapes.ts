import "server-only";
import { isoDate } from "@/lib/format/date";
import type { BranchMemberRow } from "./list-branch-members";

// The JSON shapes of the members API (docs/api.md); extra fields are additive.

/** One member of a branch (GET /branches/{id}/members, and the meeting form's roster). */
export function branchMemberItem(member: Pick<BranchMemberRow, "id" | "code" | "fullName" | "status" | "joinedBranchOn" | "leftBranchOn">) {
  return {
    id: member.id,
    code: member.code,
    fullName: member.fullName,
    status: member.status,
    joinedBranchOn: isoDate(member.joinedBranchOn),
    leftBranchOn: member.leftBranchOn ? isoDate(member.leftBranchOn) : null,
  };
}
