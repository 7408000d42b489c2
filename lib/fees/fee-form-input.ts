// The fee sheet form's fields ("paid.<memberId>" = 1|0, "amount.<id>", "reason.<id>")
// as recordFees' input. Plain function: unit-tested, no database.
import { ValidationError, type ErrorDetail } from "@/lib/errors";
import { MAX_FEE_AMOUNT, parseFeeAmount } from "./schemas";

type FeeEntry = { memberId: number; paid: boolean; amount: number | null; reason: string | null };

/**
 * The per-member fee fields of a form, named "<paid>.<memberId>" = 1|0,
 * "<amount>.<id>" and, where the form has one, "<reason>.<id>". A bad amount
 * is reported under its own field name.
 */
function readFeeFields(input: Record<string, string | undefined>, names: { paid: string; amount: string; reason?: string }) {
  const fees: FeeEntry[] = [];
  const details: ErrorDetail[] = [];
  const paidField = new RegExp(`^${names.paid}\\.(\\d{1,10})$`);
  for (const [key, value] of Object.entries(input)) {
    const match = paidField.exec(key);
    if (!match || (value !== "1" && value !== "0")) continue;
    const id = match[1];
    const paid = value === "1";
    const amount = paid ? parseFeeAmount(input[`${names.amount}.${id}`]) : null;
    if (amount !== null && (Number.isNaN(amount) || amount > MAX_FEE_AMOUNT)) {
      details.push({ field: `${names.amount}.${id}`, message: "Số tiền ghi bằng số đồng, ví dụ 50.000." });
      continue;
    }
    const reason = !paid && names.reason ? input[`${names.reason}.${id}`]?.trim() || null : null;
    fees.push({ memberId: Number(id), paid, amount, reason });
  }
  return { fees, details };
}

export function feeInputFromForm(input: Record<string, string>) {
  const { fees, details } = readFeeFields(input, { paid: "paid", amount: "amount", reason: "reason" });
  if (details.length) throw new ValidationError("Có số tiền không đúng: sửa các ô được đánh dấu.", details);
  return { period: input.period ?? "", fees };
}

/**
 * The meeting form's fee fields: "feePaid.<memberId>" = 1 (ticked: paid, with
 * "feeAmount.<id>" optional) or 0 (unticked after being recorded paid). A
 * member whose box was never ticked sends nothing and keeps what the fee sheet
 * has (not recorded, or unpaid with its reason). Null when nothing is sent.
 */
export function feeInputFromMeetingForm(input: Record<string, string | undefined>) {
  const { fees, details } = readFeeFields(input, { paid: "feePaid", amount: "feeAmount" });
  if (details.length) throw new ValidationError("Có số tiền đảng phí không đúng: sửa các ô được đánh dấu.", details);
  return fees.length ? { period: input.period ?? "", fees } : null;
}

/** fees.N.memberId (recordFees' errors) → feePaid.<memberId>, the names the meeting form uses. */
export function meetingFeeFieldDetails(details: ErrorDetail[], fees: { memberId: number }[]): ErrorDetail[] {
  return details.map((detail) => {
    const match = /^fees\.(\d+)\.(\w+)$/.exec(detail.field ?? "");
    if (!match) return detail;
    const memberId = fees[Number(match[1])]?.memberId;
    return { ...detail, field: match[2] === "amount" ? `feeAmount.${memberId}` : `feePaid.${memberId}` };
  });
}
