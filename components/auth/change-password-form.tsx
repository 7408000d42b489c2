"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

export function ChangePasswordForm({ action }: { action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Mật khẩu hiện tại" state={state}>
        {(props) => <input {...props} type="password" autoComplete="current-password" required />}
      </Field>
      <Field name="newPassword" label="Mật khẩu mới" state={state} hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} ký tự; có thể dùng cả câu tiếng Việt có dấu.`}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />}
      </Field>
      <Field name="confirmPassword" label="Nhập lại mật khẩu mới" state={state}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required />}
      </Field>
      <div>
        <SubmitButton>Đổi mật khẩu</SubmitButton>
      </div>
    </form>
  );
}
