"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function OpenNotificationButton({ action, id, label }: { action: Action; id: number; label: string }) {
  const [, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="notificationId" value={id} />
      <SubmitButton className="link-button" pendingLabel={label}>{label}</SubmitButton>
    </form>
  );
}

export function MarkAllReadButton({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form">
      <SubmitButton className="button button-secondary" pendingLabel="…">Đánh dấu tất cả đã đọc</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
