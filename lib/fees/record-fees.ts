import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError, type ErrorDetail } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { formatPeriod, todayIso } from "@/lib/format/date";
import { findBranchInScope } from "@/lib/meetings/find-branch";
import { assertPeriodEditable } from "@/lib/meetings/load-editing-window";
import { RecordFeesSchema, type FeeEntry } from "./schemas";
import { belongedInMonth, feeExemption } from "./fee-rules";

/**
 * Records the fees of a branch's members for a month (paid or not, amount,
 * reason when unpaid). Members not listed keep what they had. Idempotent: the
 * same input twice changes nothing and writes no audit event the second time.
 * The month must be open for the branch (the meetings' editing window: fees
 * are recorded beside attendance and locked with it).
 */
export async function recordFees(actor: Actor, branchId: number, raw: unknown, options: { now?: Date } = {}) {
  const checked = await checkFees(actor, branchId, raw, options);
  const saved = await db().$transaction((tx) => saveFees(tx, actor, checked));
  return { branchId: checked.branch.id, period: checked.period, ...saved };
}

export type CheckedFees = { branch: { id: number; code: string }; period: string; fees: FeeEntry[] };

/**
 * Everything recordFees refuses, before anything is written: the branch in
 * scope, the input, the month open, each member of the branch in the month
 * and expected to pay. The meeting form checks its fees with this too, then
 * saves them with saveFees in the meeting's own transaction.
 */
export async function checkFees(actor: Actor, branchId: number, raw: unknown, options: { now?: Date } = {}): Promise<CheckedFees> {
  assertCan(actor, "meeting.record");
  // The branch first: another ward's branch answers 404 whatever the body says.
  if (!Number.isSafeInteger(branchId) || branchId <= 0 || branchId > 2_147_483_647) throw new NotFoundError("Không tìm thấy chi bộ.");
  const branch = await findBranchInScope(actor, branchId);
  const input = parseInput(RecordFeesSchema, raw);
  await assertPeriodEditable(branch.id, input.period, todayIso(options.now));
  const members = await db().member.findMany({
    where: { branchId: branch.id, id: { in: input.fees.map((fee) => fee.memberId) } },
    select: { id: true, code: true, fullName: true, status: true, feeExempt: true, joinedBranchOn: true, leftBranchOn: true },
  });
  const byId = new Map(members.map((member) => [member.id, member]));
  const details: ErrorDetail[] = [];
  const seen = new Set<number>();
  input.fees.forEach((fee, index) => {
    const member = byId.get(fee.memberId);
    const field = `fees.${index}.memberId`;
    if (!member) details.push({ field, message: `Đảng viên #${fee.memberId} không thuộc chi bộ ${branch.code}.` });
    else if (seen.has(fee.memberId)) details.push({ field, message: `${member.fullName} có hai dòng.` });
    else if (!belongedInMonth(member, input.period)) details.push({ field, message: `${member.fullName} không sinh hoạt tại chi bộ trong ${formatPeriod(input.period)}.` });
    else if (feeExemption(member)) details.push({ field, message: `${member.fullName}: ${feeExemption(member)!.toLowerCase()}, không ghi đảng phí.` });
    seen.add(fee.memberId);
  });
  if (details.length) throw new ValidationError(details.length === 1 ? details[0].message : `${details.length} dòng không ghi được: ${details[0].message}`, details);
  return { branch: { id: branch.id, code: branch.code }, period: input.period, fees: input.fees };
}

/** Writes checked fees in the caller's transaction: only the rows that change, and one audit event when any does. */
export async function saveFees(tx: Tx, actor: Actor, checked: CheckedFees) {
  const { branch, period, fees } = checked;
  const existing = await tx.partyFee.findMany({ where: { period, memberId: { in: fees.map((fee) => fee.memberId) } } });
  const before = new Map(existing.map((fee) => [fee.memberId, fee]));
  const changed = fees.filter((fee) => {
    const old = before.get(fee.memberId);
    return !old || old.paid !== fee.paid || old.amount !== fee.amount || old.reason !== fee.reason;
  });
  if (changed.length) {
    await writeFees(tx, actor.label, period, changed);
    await recordAuditEvent(tx, actor, {
      action: "fee.recorded",
      entityType: "PartyFee",
      entityId: `${branch.code}/${period}`,
      orgUnitId: branch.id,
      details: { period, changed: changed.length, paid: changed.filter((f) => f.paid).length, unpaid: changed.filter((f) => !f.paid).length },
    });
  }
  return { changed: changed.length > 0, changedCount: changed.length };
}

/** Upserts fee rows (shared with the CSV import). */
export async function writeFees(tx: Tx, label: string, period: string | string[], fees: FeeEntry[]) {
  const periods = Array.isArray(period) ? period : fees.map(() => period);
  await tx.$executeRaw`
    INSERT INTO "PartyFee" ("memberId", period, paid, amount, reason, "recordedByLabel", "updatedAt")
    SELECT m, p, pd, a, r, ${label}, now()
    FROM unnest(${fees.map((f) => f.memberId)}::int[], ${periods}::text[], ${fees.map((f) => f.paid)}::boolean[], ${fees.map((f) => f.amount)}::int[], ${fees.map((f) => f.reason)}::text[]) AS t(m, p, pd, a, r)
    ON CONFLICT ("memberId", period) DO UPDATE SET paid = EXCLUDED.paid, amount = EXCLUDED.amount, reason = EXCLUDED.reason, "recordedByLabel" = EXCLUDED."recordedByLabel", "updatedAt" = now()`;
}
