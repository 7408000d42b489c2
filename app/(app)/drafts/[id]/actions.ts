"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";
import { resolveDraftComment } from "@/lib/drafts/resolve-draft-comment";
import { decideSuggestion } from "@/lib/drafts/decide-suggestion";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { DRAFT_FLAGS } from "@/lib/drafts/labels";

export const addCommentAction = formAction({ permission: "draft.comment" }, async (actor, input) => {
  const draftId = Number(input.draftId);
  const anchor = input.anchorQuote ? { quote: input.anchorQuote, start: input.anchorStart, end: input.anchorEnd } : undefined;
  const result = await addDraftComment(actor, draftId, { body: input.body, versionNo: input.versionNo, anchor, quote: input.quote, parentId: input.parentId, suggestion: input.suggestion });
  revalidatePath(`/drafts/${draftId}`);
  return { status: "success", message: result.published ? "Đã gửi góp ý." : "Đã lưu góp ý. Góp ý sẽ được gửi cùng quyết định xem xét." };
});

export const resolveCommentAction = formAction({ permission: "draft.comment" }, async (actor, input) => {
  const draftId = Number(input.draftId);
  await resolveDraftComment(actor, draftId, Number(input.commentId), input.resolved !== "0");
  revalidatePath(`/drafts/${draftId}`);
  return { status: "success", message: input.resolved !== "0" ? "Đã đánh dấu đã xử lý." : "Đã mở lại." };
});

export const decideSuggestionAction = formAction({ permission: "draft.submit" }, async (actor, input) => {
  const draftId = Number(input.draftId);
  const accept = input.accept === "1";
  await decideSuggestion(actor, draftId, Number(input.commentId), { accept });
  revalidatePath(`/drafts/${draftId}`);
  return { status: "success", message: accept ? "Đã đưa đề xuất vào bản đang soạn." : "Đã từ chối đề xuất." };
});

export const submitReviewAction = formAction({ permission: "draft.review" }, async (actor, input) => {
  const draftId = Number(input.draftId);
  const flags = DRAFT_FLAGS.filter((flag) => input[`flag_${flag}`] === "1");
  await submitDraftReview(actor, draftId, { decision: input.decision, summary: input.summary, flags, expectedVersionNo: input.expectedVersionNo });
  revalidatePath(`/drafts/${draftId}`);
  return { status: "success", message: input.decision === "APPROVED" ? "Đã duyệt dự thảo." : "Đã gửi yêu cầu chỉnh sửa cho chi bộ và Đảng ủy phường." };
});

export const acknowledgeFeedbackAction = formAction({ permission: "feedback.ack" }, async (actor, input) => {
  const result = await acknowledgeFeedback(actor, Number(input.feedbackId), { reply: input.reply });
  revalidatePath("/drafts/[id]", "page");
  return { status: "success", message: result.reply ? "Đã xác nhận và gửi trả lời." : "Đã xác nhận phản hồi.", data: { reply: result.reply, acknowledgedByName: result.acknowledgedByName } };
});
