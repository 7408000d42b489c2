// Inputs of the party fee area, shared by the form, the API and the import.
import { z } from "zod";
import { PeriodSchema } from "@/lib/periods/period";

const Id = (what: string) => z.coerce.number({ message: `${what} phải là số.` }).int(`${what} phải là số nguyên.`).positive(`${what} phải là số dương.`).max(2_147_483_647, `${what} không hợp lệ.`);

/** Largest monthly fee accepted (VND): well above any real one, it catches a misplaced digit. */
export const MAX_FEE_AMOUNT = 100_000_000;

const FeeAmountSchema = z
  .number({ message: "Số tiền phải là số (đồng)." })
  .int("Số tiền là số đồng, không có phần lẻ.")
  .min(0, "Số tiền không được âm.")
  .max(MAX_FEE_AMOUNT, "Số tiền quá lớn cho đảng phí một tháng.");

const FeeEntrySchema = z
  .object({
    memberId: Id("memberId"),
    paid: z.boolean({ message: "paid là true (đã đóng) hoặc false (chưa đóng)." }),
    amount: FeeAmountSchema.nullish(),
    reason: z.string({ message: "Lý do phải là chữ." }).trim().max(300, "Lý do dài tối đa 300 ký tự.").nullish(),
  })
  .transform((entry) => ({ memberId: entry.memberId, paid: entry.paid, amount: entry.paid ? (entry.amount ?? null) : null, reason: entry.paid ? null : entry.reason || null }));

export const RecordFeesSchema = z.object({
  period: PeriodSchema,
  fees: z.array(FeeEntrySchema, { message: "fees là danh sách đảng viên." }).min(1, "Chưa chọn đã đóng hoặc chưa đóng cho đảng viên nào.").max(2_000, "Tối đa 2.000 đảng viên mỗi lần."),
});

export type FeeEntry = z.infer<typeof FeeEntrySchema>;

export const FeeSheetQuery = z.object({ period: PeriodSchema });
export const FeeExportQuery = FeeSheetQuery.extend({ format: z.enum(["xlsx", "csv"], { message: "format là xlsx hoặc csv." }).default("xlsx") });

/** "50.000", "50000", "50 000 đ" → 50000; empty → null; anything else → NaN. */
export function parseFeeAmount(text: string | undefined | null): number | null {
  const clean = (text ?? "").replace(/\s|đ|₫|vnd/gi, "");
  if (!clean) return null;
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(clean)) return Number.NaN;
  return Number(clean.replace(/\./g, ""));
}
