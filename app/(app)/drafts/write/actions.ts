"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { saveWorkingCopy } from "@/lib/drafts/working-copy";
import { decideSuggestion } from "@/lib/drafts/decide-suggestion";

export const submitDraftAction = formAction({ permission: "draft.submit" }, async (actor, input) => {
  const result = await submitDraftVersion(actor, { period: input.period, title: input.title, body: input.body, expectedVersionNo: input.expectedVersionNo });
  // The queue and the branch's own list both show the new version.
  revalidatePath("/drafts");
  revalidatePath(`/drafts/branch/${actor.orgUnitId}`);
  redirect(`/drafts/${result.id}?view=text&v=${result.versionNo}&${result.created ? "moi" : "trung"}=1`);
});

export const saveWorkingCopyAction = formAction({ permission: "draft.submit" }, async (actor, input) => {
  const { savedAt } = await saveWorkingCopy(actor, { period: input.period, title: input.title, body: input.body, baseVersionNo: input.baseVersionNo });
  return { status: "success", message: "Đã lưu bản nháp.", data: { savedAt: savedAt.toISOString() } };
});

export const decideSuggestionAction = formAction({ permission: "draft.submit" }, async (actor, input) => {
  const accept = input.accept === "1";
  const { body } = await decideSuggestion(actor, Number(input.draftId), Number(input.commentId), { accept });
  return { status: "success", message: accept ? "Đã đưa đề xuất vào bản đang soạn." : "Đã từ chối đề xuất.", data: { body, commentId: Number(input.commentId), accepted: accept } };
});
