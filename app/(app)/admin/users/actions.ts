"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { createUser, resetUserPassword, setUserActive, unlockUser } from "@/lib/users/users";

export const createUserAction = formAction({ permission: "user.manage", revalidate: ["/admin/users"] }, async (actor, input) => {
  const { id } = await createUser(actor, input);
  redirect(`/admin/users/${id}?moi=1`);
});

export const setUserActiveAction = formAction({ permission: "user.manage", revalidate: ["/admin/users"] }, async (actor, input) => {
  const active = input.active === "1";
  await setUserActive(actor, Number(input.userId), active);
  return { status: "success", message: active ? "Đã kích hoạt lại tài khoản." : "Đã vô hiệu hóa tài khoản; các phiên đăng nhập của người này đã kết thúc." };
});

export const unlockUserAction = formAction({ permission: "user.manage" }, async (actor, input) => {
  await unlockUser(actor, Number(input.userId));
  return { status: "success", message: "Đã mở khóa tài khoản." };
});

export const resetPasswordAction = formAction({ permission: "user.manage" }, async (actor, input) => {
  await resetUserPassword(actor, input);
  return { status: "success", message: "Đã đặt mật khẩu tạm. Người dùng phải đổi mật khẩu ở lần đăng nhập tới." };
});
