"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { SubmitButton } from "@/components/ui/form";

/** One click to remind a ward or a branch; says what happened right beside the button. */
export function ReminderButton({ action, hidden, label }: { action: (state: FormState, data: FormData) => Promise<FormState>; hidden: Record<string, string | number>; label: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form reminder-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.status === "success" ? null : (
        <SubmitButton className="button button-secondary button-small" pendingLabel="Đang gửi…">
          {label}
        </SubmitButton>
      )}
      {state.message ? (
        <span className={state.status === "error" ? "field-error" : "small"} role="status">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/**
 * Acknowledges the approvals ticked on the page (their checkboxes belong to
 * this form through form="bulk-ack"); requests for changes are read and
 * acknowledged one by one.
 */
export function BulkAckForm({ action, count }: { action: (state: FormState, data: FormData) => Promise<FormState>; count: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  const toggleAll = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"][form="bulk-ack"]')) box.checked = checked;
  };
  return (
    <form id="bulk-ack" action={formAction} className="card bulk-ack" aria-label="Xác nhận nhiều quyết định duyệt">
      <p className="small">
        {count ? `Trang này có ${count} quyết định duyệt chưa xác nhận. Đánh dấu ô “Chọn” trên từng thẻ, hoặc chọn tất cả, rồi xác nhận một lần.` : "Không còn quyết định duyệt nào chờ xác nhận trên trang này."}
      </p>
      <div className="actions-row">
        {count ? (
          <>
            <button type="button" className="button button-secondary button-small" onClick={() => toggleAll(true)}>
              Chọn tất cả quyết định duyệt
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => toggleAll(false)}>
              Bỏ chọn
            </button>
            <SubmitButton className="button button-small" pendingLabel="Đang xác nhận…">
              Xác nhận các quyết định đã chọn
            </SubmitButton>
          </>
        ) : null}
        {state.message ? (
          <span className={state.status === "error" ? "field-error" : "small"} role="status">
            {state.message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
