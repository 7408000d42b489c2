"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { postGuidance, withdrawGuidance } from "@/lib/drafts/guidance";

export const postGuidanceAction = formAction({ permission: "guidance.post" }, async (actor, input) => {
  await postGuidance(actor, input);
  revalidatePath("/drafts/guidance");
  return { status: "success", message: "Đã đăng nội dung định hướng. Các dự thảo nộp từ nay được đối chiếu với nội dung này." };
});

export const withdrawGuidanceAction = formAction({ permission: "guidance.post" }, async (actor, input) => {
  await withdrawGuidance(actor, Number(input.guidanceId));
  revalidatePath("/drafts/guidance");
  return { status: "success", message: "Đã rút nội dung định hướng." };
});
