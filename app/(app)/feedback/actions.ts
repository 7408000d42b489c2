"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { acknowledgeApprovals, acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { remindBranch, remindWard } from "@/lib/drafts/reminders";

export const acknowledgeFeedbackAction = formAction({ permission: "feedback.ack" }, async (actor, input) => {
  const result = await acknowledgeFeedback(actor, Number(input.feedbackId), { reply: input.reply });
  return { status: "success", message: result.reply ? "Đã xác nhận và gửi trả lời." : "Đã xác nhận phản hồi.", data: { reply: result.reply, acknowledgedByName: result.acknowledgedByName } };
});

/** The ticked approvals arrive as ack.<feedbackId> = 1 (one field each). */
export const acknowledgeApprovalsAction = formAction({ permission: "feedback.ack" }, async (actor, input) => {
  const feedbackIds = Object.keys(input)
    .filter((key) => key.startsWith("ack."))
    .map((key) => key.slice(4));
  if (!feedbackIds.length) return { status: "error", message: "Chưa chọn quyết định duyệt nào." };
  const { acknowledged } = await acknowledgeApprovals(actor, { feedbackIds });
  revalidatePath("/feedback");
  return { status: "success", message: `Đã xác nhận ${acknowledged} quyết định duyệt.` };
});

export const remindWardAction = formAction({ permission: "feedback.remind" }, async (actor, input) => {
  const { notified } = await remindWard(actor, { wardId: input.wardId, note: input.note });
  revalidatePath("/feedback");
  return { status: "success", message: `Đã nhắc (${notified} tài khoản phường nhận thông báo).` };
});

export const remindBranchAction = formAction({ permission: "draft.remind" }, async (actor, input) => {
  const { notified } = await remindBranch(actor, { draftId: input.draftId, note: input.note });
  revalidatePath("/feedback");
  return { status: "success", message: notified ? "Đã nhắc bí thư chi bộ." : "Đã ghi lời nhắc; chi bộ chưa có tài khoản nhận thông báo." };
});
