// Who pays party fees in a month, as plain functions (no database).
import { periodEnd } from "@/lib/meetings/rules";

type FeeMember = { status: string; feeExempt: boolean; joinedBranchOn: Date | string; leftBranchOn: Date | string | null };

function iso(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** The member belonged to the branch on some day of the month: the branch records that month's fee. */
export function belongedInMonth(member: Pick<FeeMember, "joinedBranchOn" | "leftBranchOn">, period: string): boolean {
  return iso(member.joinedBranchOn) <= periodEnd(period) && (member.leftBranchOn === null || iso(member.leftBranchOn) > `${period}-01`);
}

/** Why a member is not expected to pay, or null when they are. */
export function feeExemption(member: Pick<FeeMember, "status" | "feeExempt">): string | null {
  if (member.feeExempt) return "Miễn đóng đảng phí";
  if (member.status === "EXEMPT") return "Miễn sinh hoạt, không thu đảng phí";
  return null;
}

/** Expected to pay this month: belonged in the month and not exempt. */
export function expectedToPay(member: FeeMember, period: string): boolean {
  return belongedInMonth(member, period) && feeExemption(member) === null;
}
