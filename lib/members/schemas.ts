import { z } from "zod";
import type { Gender, MemberStatus } from "@/lib/generated/prisma/enums";
import { foldHeader } from "@/lib/imports/csv";
import { countCell, dateCell, yesNoCell } from "@/lib/stats/csv-cells";
import { todayIso } from "@/lib/format/date";

const STATUS_WORDS: Record<string, MemberStatus> = {
  "dang sinh hoat": "ACTIVE",
  "sinh hoat": "ACTIVE",
  active: "ACTIVE",
  "mien sinh hoat": "EXEMPT",
  mien: "EXEMPT",
  exempt: "EXEMPT",
  "da chuyen di": "TRANSFERRED_OUT",
  "chuyen di": "TRANSFERRED_OUT",
  "chuyen sinh hoat di": "TRANSFERRED_OUT",
  "transferred out": "TRANSFERRED_OUT",
  "da tu tran": "DECEASED",
  "tu tran": "DECEASED",
  deceased: "DECEASED",
};

const GENDER_WORDS: Record<string, Gender> = { nam: "MALE", male: "MALE", m: "MALE", nu: "FEMALE", female: "FEMALE", f: "FEMALE" };

export function isCurrentStatus(status: MemberStatus): boolean {
  return status === "ACTIVE" || status === "EXEMPT";
}

/** One line of the member CSV (values as text; docs/imports.md, kind "members"). */
export const MemberImportRowSchema = z
  .object({
    code: z
      .string({ message: "Nhập mã đảng viên." })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9._/-]{0,39}$/, "Mã đảng viên gồm chữ không dấu, số và - . _ /, tối đa 40 ký tự."),
    branchCode: z.string({ message: "Nhập mã chi bộ." }).trim().toUpperCase().min(1, "Nhập mã chi bộ.").max(40, "Mã chi bộ dài tối đa 40 ký tự."),
    fullName: z
      .string({ message: "Nhập họ và tên." })
      .transform((text) => text.normalize("NFC").replace(/\s+/g, " ").trim())
      .pipe(z.string().min(2, "Họ và tên quá ngắn.").max(120, "Họ và tên dài tối đa 120 ký tự.")),
    status: z
      .string()
      .transform((text, ctx) => {
        const status = STATUS_WORDS[foldHeader(text)] ?? STATUS_WORDS[foldHeader(text.replace(/_/g, " "))];
        if (!status) {
          ctx.addIssue({ code: "custom", message: `Trạng thái "${text}" không hợp lệ: ghi Đang sinh hoạt, Miễn sinh hoạt, Đã chuyển đi hoặc Đã từ trần.` });
          return z.NEVER;
        }
        return status;
      })
      .default("ACTIVE"),
    eligibleForHandbook: yesNoCell("cột thuộc diện cài Sổ tay").default(true),
    handbookInstalledAt: dateCell("ngày cài Sổ tay").optional(),
    gender: z
      .string()
      .transform((text, ctx) => {
        const gender = GENDER_WORDS[foldHeader(text)];
        if (!gender) {
          ctx.addIssue({ code: "custom", message: `Giới tính "${text}" không hợp lệ: ghi Nam hoặc Nữ.` });
          return z.NEVER;
        }
        return gender;
      })
      .optional(),
    birthYear: countCell("năm sinh", 9999)
      .refine((year) => year >= 1900 && year <= Number(todayIso().slice(0, 4)), "Năm sinh không hợp lệ.")
      .optional(),
    joinedBranchOn: dateCell("ngày vào chi bộ").optional(),
    leftBranchOn: dateCell("ngày rời chi bộ").optional(),
  })
  .superRefine((row, ctx) => {
    if (row.leftBranchOn && isCurrentStatus(row.status)) {
      ctx.addIssue({ code: "custom", path: ["leftBranchOn"], message: "Đảng viên đang sinh hoạt hoặc miễn sinh hoạt thì không có ngày rời chi bộ." });
    }
    if (row.leftBranchOn && row.joinedBranchOn && row.leftBranchOn < row.joinedBranchOn) {
      ctx.addIssue({ code: "custom", path: ["leftBranchOn"], message: "Ngày rời chi bộ trước ngày vào chi bộ." });
    }
  });
export type MemberImportRow = z.infer<typeof MemberImportRowSchema>;
