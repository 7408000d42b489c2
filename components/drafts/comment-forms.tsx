"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function ReplyForm({ action, draftId, parentId }: { action: Action; draftId: number; parentId: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <details className="reply">
      <summary>Trả lời</summary>
      <form action={formAction} className="form">
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="parentId" value={parentId} />
        <FormMessage state={state} />
        <div className="field">
          <label htmlFor={`reply-${parentId}`}>Nội dung trả lời</label>
          <textarea id={`reply-${parentId}`} name="body" rows={2} required maxLength={5000} key={state.status === "success" ? `done-${state.message}` : "reply"} />
          {state.fieldErrors?.body ? <div className="field-error">{state.fieldErrors.body.join(" ")}</div> : null}
        </div>
        <div>
          <SubmitButton className="button button-small" pendingLabel="Đang gửi…">Gửi trả lời</SubmitButton>
        </div>
      </form>
    </details>
  );
}

export function ResolveForm({ action, draftId, commentId, resolved }: { action: Action; draftId: number; commentId: number; resolved: boolean }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="resolved" value={resolved ? "0" : "1"} />
      <SubmitButton className="button button-secondary button-small" pendingLabel="…">{resolved ? "Mở lại" : "Đánh dấu đã xử lý"}</SubmitButton>
      {state.status === "error" ? <span className="field-error"> {state.message}</span> : null}
    </form>
  );
}

export function SuggestionDecision({ action, draftId, commentId }: { action: Action; draftId: number; commentId: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <div className="actions-row">
      <form action={formAction} className="inline-form">
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="accept" value="1" />
        <SubmitButton className="button button-small" pendingLabel="…">Nhận đề xuất</SubmitButton>
      </form>
      <form action={formAction} className="inline-form">
        <input type="hidden" name="draftId" value={draftId} />
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="accept" value="0" />
        <SubmitButton className="button button-secondary button-small" pendingLabel="…">Không nhận</SubmitButton>
      </form>
      {state.message ? <span className={state.status === "error" ? "field-error" : "small muted"} role="status">{state.message}</span> : null}
    </div>
  );
}

/** A comment on the whole draft, or on a passage typed or pasted (the keyboard way to anchor). */
export function GeneralCommentForm({ action, draftId, versionNo, privateUntilReview }: { action: Action; draftId: number; versionNo: number; privateUntilReview: boolean }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="versionNo" value={versionNo} />
      <FormMessage state={state} />
      <Field name="quote" label="Trích đoạn văn (không bắt buộc)" state={state} hint="Dán hoặc gõ lại nguyên văn một đoạn để góp ý vào đoạn đó.">
        {(props) => <input {...props} type="text" maxLength={2000} defaultValue={state.status === "error" ? state.values?.quote : ""} key={`q-${state.status}`} />}
      </Field>
      <Field name="body" label="Góp ý chung" state={state}>
        {(props) => <textarea {...props} rows={3} required maxLength={5000} defaultValue={state.status === "error" ? state.values?.body : ""} key={`b-${state.status}`} />}
      </Field>
      <div>
        <SubmitButton className="button button-secondary" pendingLabel="Đang lưu…">{privateUntilReview ? "Lưu góp ý" : "Gửi góp ý"}</SubmitButton>
      </div>
    </form>
  );
}
