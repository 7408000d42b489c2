"use server";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/form-action";
import { ValidationError } from "@/lib/errors";
import { applyRestructuring, previewRestructuring } from "@/lib/org/restructure/restructure-org-units";

function readRequest(input: Record<string, string>): unknown {
  try {
    return JSON.parse(input.request ?? "");
  } catch {
    throw new ValidationError("Biểu mẫu gửi lên không hợp lệ. Tải lại trang rồi thử lại.");
  }
}

/** "Xem trước" shows what would move; "Xác nhận áp dụng" applies the very same request. */
export const restructureAction = formAction({ permission: "org.restructure", revalidate: ["/admin/restructure", "/org"] }, async (actor, input) => {
  const request = readRequest(input);
  if (input.intent !== "apply") {
    const outcome = await previewRestructuring(actor, request);
    return { status: "success", message: "Xem trước: chưa có gì được ghi. Kiểm tra rồi bấm “Xác nhận áp dụng”.", data: { preview: JSON.stringify(outcome), request: input.request } };
  }
  const outcome = await applyRestructuring(actor, request);
  const body = request as { type: string; unitId?: number; sourceId?: number; target?: { id?: number } };
  const unitId = body.type === "MERGE" ? (outcome.created[0]?.id ?? body.target?.id) : body.type === "SPLIT" ? body.sourceId : body.unitId;
  redirect(`/org/${unitId}/history?su-kien=${outcome.event.id}`);
});
