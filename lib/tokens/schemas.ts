import { z } from "zod";

const TOKEN_ROLES = ["BOARD_REVIEWER", "WARD_COMMITTEE", "BRANCH_SECRETARY", "LEADER"] as const;

export const IssueApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Tên mã truy cập cần ít nhất 3 ký tự.").max(100, "Tên mã truy cập dài tối đa 100 ký tự."),
  /** The unit picked in the form; `orgUnitCode` is still accepted from scripts. */
  orgUnitId: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number({ message: "Chọn đơn vị." }).int("Chọn đơn vị.").positive("Chọn đơn vị.").max(2_147_483_647, "Chọn đơn vị.").optional()),
  orgUnitCode: z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().toUpperCase().min(1).max(40, "Mã đơn vị dài tối đa 40 ký tự.").optional()),
  role: z.enum(TOKEN_ROLES, { message: "Chọn vai trò của mã truy cập." }),
  expiresInDays: z.coerce.number().int().min(1, "Thời hạn ít nhất 1 ngày.").max(730, "Thời hạn tối đa 730 ngày.").optional(),
}).refine((input) => input.orgUnitId !== undefined || input.orgUnitCode !== undefined, { message: "Chọn đơn vị.", path: ["orgUnitId"] });
export type IssueApiTokenInput = z.infer<typeof IssueApiTokenSchema>;
