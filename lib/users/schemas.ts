import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

import { ROLES } from "@/lib/auth/roles";
import { lenientPageParam } from "@/lib/validation/pagination";
import { flagParam } from "@/lib/validation/page-params";

const password = z
  .string({ message: "Nhập mật khẩu." })
  .min(PASSWORD_MIN_LENGTH, `Mật khẩu cần ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`)
  .max(PASSWORD_MAX_LENGTH, `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`);

export const CreateUserSchema = z.object({
  username: z
    .string({ message: "Nhập tên đăng nhập." })
    .trim()
    .toLowerCase()
    .min(3, "Tên đăng nhập cần ít nhất 3 ký tự.")
    .max(64, "Tên đăng nhập dài tối đa 64 ký tự.")
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới."),
  displayName: z.string({ message: "Nhập họ tên hoặc tên hiển thị." }).trim().min(2, "Tên hiển thị cần ít nhất 2 ký tự.").max(120, "Tên hiển thị dài tối đa 120 ký tự."),
  role: z.enum(ROLES, { message: "Chọn vai trò." }),
  orgUnitCode: z.string({ message: "Nhập mã đơn vị." }).trim().toUpperCase().min(1, "Nhập mã đơn vị.").max(40, "Mã đơn vị dài tối đa 40 ký tự."),
  password,
});

export const ResetPasswordSchema = z.object({
  userId: z.coerce.number().int().positive(),
  password,
});

export const ChangeOwnPasswordSchema = z
  .object({
    currentPassword: z.string({ message: "Nhập mật khẩu hiện tại." }).min(1, "Nhập mật khẩu hiện tại.").max(1024),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "Mật khẩu nhập lại không khớp." });

export const UserFilterSchema = z.object({
  q: z.string().trim().max(100).optional().default(""),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(["active", "disabled", "locked"]).optional().catch(undefined),
  page: lenientPageParam,
});

/** /admin/users/[id]: ?moi=1 right after the account was created. */
export const UserPageParams = z.object({ moi: flagParam });
