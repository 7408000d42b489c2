"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";

/** The ward committee acknowledges feedback, with an optional reply for the board and the branch. */
export function FeedbackAckForm({ action, feedbackId, acknowledged, reply }: { action: (state: FormState, data: FormData) => Promise<FormState>; feedbackId: number; acknowledged: boolean; reply: string | null }) {
  const [state, formAction] = useActionState(action, IDLE);
  // The inbox keeps the card in place after acknowledging, so the answer stays visible until the next visit.
  const done = acknowledged || state.status === "success";
  return (
    <form action={formAction} className="form ack-form">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor={`ack-reply-${feedbackId}`}>{done ? "Sửa trả lời" : "Trả lời (không bắt buộc)"}</label>
        <textarea id={`ack-reply-${feedbackId}`} name="reply" rows={2} maxLength={5000} defaultValue={state.values?.reply ?? reply ?? ""} aria-describedby={`ack-reply-${feedbackId}-hint`} />
        <div className="field-hint" id={`ack-reply-${feedbackId}-hint`}>Ban Tổ chức và chi bộ nhận được trả lời này.</div>
        {state.fieldErrors?.reply ? <div className="field-error">{state.fieldErrors.reply.join(" ")}</div> : null}
      </div>
      <div>
        <SubmitButton pendingLabel="Đang gửi…">{done ? "Cập nhật trả lời" : "Xác nhận đã nhận"}</SubmitButton>
      </div>
    </form>
  );
}
