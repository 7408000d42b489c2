import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { findBranchInScope } from "@/lib/meetings/find-branch";
import { loadEditingWindow } from "@/lib/meetings/load-editing-window";
import { periodEnd } from "@/lib/meetings/rules";
import { todayIso } from "@/lib/format/date";
import type { Period } from "@/lib/periods/period";
import { belongedInMonth, feeExemption } from "./fee-rules";

export type FeeSheetRow = {
  member: { id: number; code: string; fullName: string };
  /** Null when the member is expected to pay; otherwise why not. */
  exemption: string | null;
  fee: { paid: boolean; amount: number | null; reason: string | null; recordedBy: string; updatedAt: string } | null;
};

/**
 * A branch's fee sheet for a month: every member who belonged to the branch
 * in the month, exempt members apart, with what was recorded. Loaded through
 * the branch in the actor's scope (another ward's branch is 404).
 */
export async function getFeeSheet(actor: Actor, branchId: number, period: Period, options: { now?: Date } = {}) {
  assertCan(actor, "member.read");
  const branch = await findBranchInScope(actor, branchId);
  const [members, fees, window] = await Promise.all([
    db().member.findMany({
      where: { branchId: branch.id, joinedBranchOn: { lte: new Date(`${periodEnd(period)}T00:00:00Z`) } },
      select: { id: true, code: true, fullName: true, status: true, feeExempt: true, joinedBranchOn: true, leftBranchOn: true },
    }),
    db().partyFee.findMany({ where: { period, member: { branchId: branch.id } } }),
    loadEditingWindow(branch.id, period, todayIso(options.now)),
  ]);
  const feeByMember = new Map(fees.map((fee) => [fee.memberId, fee]));
  const byName = new Intl.Collator("vi-VN");
  const lastName = (name: string) => name.slice(name.lastIndexOf(" ") + 1);
  const rows: FeeSheetRow[] = members
    .filter((member) => belongedInMonth(member, period))
    .sort((a, b) => byName.compare(lastName(a.fullName), lastName(b.fullName)) || byName.compare(a.fullName, b.fullName))
    .map((member) => {
      const fee = feeByMember.get(member.id);
      return {
        member: { id: member.id, code: member.code, fullName: member.fullName },
        exemption: feeExemption(member),
        fee: fee ? { paid: fee.paid, amount: fee.amount, reason: fee.reason, recordedBy: fee.recordedByLabel, updatedAt: fee.updatedAt.toISOString() } : null,
      };
    });
  const expected = rows.filter((row) => row.exemption === null);
  return {
    branch: { id: branch.id, code: branch.code, name: branch.name },
    period,
    window,
    rows,
    totals: {
      expected: expected.length,
      paid: expected.filter((row) => row.fee?.paid).length,
      unpaid: expected.filter((row) => row.fee && !row.fee.paid).length,
      notRecorded: expected.filter((row) => !row.fee).length,
      exempt: rows.length - expected.length,
      amount: rows.reduce((sum, row) => sum + (row.fee?.paid ? (row.fee.amount ?? 0) : 0), 0),
    },
  };
}

export type FeeSheet = Awaited<ReturnType<typeof getFeeSheet>>;
