"use server";

import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { formAction } from "@/lib/actions/form-action";
import { changeOwnPassword } from "@/lib/users/users";

// The way out of a temporary password, so it must work while one is in force.
export const changePasswordAction = formAction({ allowPasswordChangePending: true }, async (actor, input) => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  await changeOwnPassword(actor, input, session?.sid);
  return { status: "success", message: "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc." };
});
