import { z } from "zod";

export const TOKEN_ROLES = ["BOARD_REVIEWER", "WARD_COMMITTEE", "BRANCH_SECRETARY", "LEADER"] as const;

export const IssueApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Tên mã truy cập cần ít nhất 3 ký tự.").max(100, "Tên mã truy cập dài tối đa 100 ký tự."),
  orgUnitCode: z.string({ message: "Nhập mã đơn vị." }).trim().toUpperCase().min(1, "Nhập mã đơn vị.").max(40, "Mã đơn vị dài tối đa 40 ký tự."),
  role: z.enum(TOKEN_ROLES, { message: "Chọn vai trò của mã truy cập." }),
  expiresInDays: z.coerce.number().int().min(1, "Thời hạn ít nhất 1 ngày.").max(730, "Thời hạn tối đa 730 ngày.").optional(),
});
export type IssueApiTokenInput = z.infer<typeof IssueApiTokenSchema>;
