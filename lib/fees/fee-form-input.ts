// The fee sheet form's fields ("paid.<memberId>" = 1|0, "amount.<id>", "reason.<id>")
// as recordFees' input. Plain function: unit-tested, no database.
import { ValidationError, type ErrorDetail } from "@/lib/errors";
import { MAX_FEE_AMOUNT, parseFeeAmount } from "./schemas";

export function feeInputFromForm(input: Record<string, string>) {
  const fees: { memberId: number; paid: boolean; amount: number | null; reason: string | null }[] = [];
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(input)) {
    const match = /^paid\.(\d{1,10})$/.exec(key);
    if (!match || (value !== "1" && value !== "0")) continue;
    const id = match[1];
    const paid = value === "1";
    const amount = paid ? parseFeeAmount(input[`amount.${id}`]) : null;
    if (amount !== null && (Number.isNaN(amount) || amount > MAX_FEE_AMOUNT)) {
      details.push({ field: `amount.${id}`, message: "Số tiền ghi bằng số đồng, ví dụ 50.000." });
      continue;
    }
    fees.push({ memberId: Number(id), paid, amount, reason: paid ? null : input[`reason.${id}`]?.trim() || null });
  }
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
  const fees: { memberId: number; paid: boolean; amount: number | null; reason: null }[] = [];
  const details: ErrorDetail[] = [];
  for (const [key, value] of Object.entries(input)) {
    const match = /^feePaid\.(\d{1,10})$/.exec(key);
    if (!match || (value !== "1" && value !== "0")) continue;
    const id = match[1];
    const paid = value === "1";
    const amount = paid ? parseFeeAmount(input[`feeAmount.${id}`]) : null;
    if (amount !== null && (Number.isNaN(amount) || amount > MAX_FEE_AMOUNT)) {
      details.push({ field: `feeAmount.${id}`, message: "Số tiền ghi bằng số đồng, ví dụ 50.000." });
      continue;
    }
    fees.push({ memberId: Number(id), paid, amount, reason: null });
  }
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
