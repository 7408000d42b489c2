"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

/** The ward committee acknowledges feedback, with an optional reply for the board and the branch. */
export function FeedbackAckForm({ action, feedbackId, acknowledged, reply }: { action: (state: FormState, data: FormData) => Promise<FormState>; feedbackId: number; acknowledged: boolean; reply: string | null }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form ack-form">
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <FormMessage state={state} />
      <Field name="reply" label={acknowledged ? "Sửa trả lời" : "Trả lời (không bắt buộc)"} state={state} hint="Ban Tổ chức và chi bộ nhận được trả lời này.">
        {(props) => <textarea {...props} id={`reply-${feedbackId}`} rows={2} maxLength={5000} defaultValue={state.values?.reply ?? reply ?? ""} />}
      </Field>
      <div>
        <SubmitButton pendingLabel="Đang gửi…">{acknowledged ? "Cập nhật trả lời" : "Xác nhận đã nhận"}</SubmitButton>
      </div>
    </form>
  );
}
