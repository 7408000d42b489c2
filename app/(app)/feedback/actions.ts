"use server";

import { formAction } from "@/lib/actions/form-action";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";

export const acknowledgeFeedbackAction = formAction({ permission: "feedback.ack" }, async (actor, input) => {
  const result = await acknowledgeFeedback(actor, Number(input.feedbackId), { reply: input.reply });
  return { status: "success", message: result.reply ? "Đã xác nhận và gửi trả lời." : "Đã xác nhận phản hồi.", data: { reply: result.reply, acknowledgedByName: result.acknowledgedByName } };
});
