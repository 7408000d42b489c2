"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Props = { action: (state: FormState, data: FormData) => Promise<FormState>; units: { code: string; name: string; level: string }[] };

export function CreateUserForm({ action, units }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const value = (name: string) => state.values?.[name] ?? "";
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <div className="form-row">
        <Field name="username" label="Tên đăng nhập" state={state} hint="Chữ thường không dấu, số, dấu chấm hoặc gạch ngang.">
          {(props) => <input {...props} type="text" defaultValue={value("username")} autoComplete="off" autoCapitalize="none" required minLength={3} maxLength={64} />}
        </Field>
        <Field name="displayName" label="Họ tên / tên hiển thị" state={state}>
          {(props) => <input {...props} type="text" defaultValue={value("displayName")} required maxLength={120} />}
        </Field>
      </div>
      <div className="form-row">
        <Field name="role" label="Vai trò" state={state}>
          {(props) => (
            <select {...props} defaultValue={value("role") || "BRANCH_SECRETARY"} required>
              {ROLES.map((role) => (
                <option key={role} value={role}>{ROLE_LABELS[role]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="orgUnitCode" label="Mã đơn vị (gốc phạm vi)" state={state} hint="Gõ tên hoặc mã để chọn, ví dụ LB-BD-05.">
          {(props) => (
            <>
              <input {...props} type="text" list="unit-codes" defaultValue={value("orgUnitCode")} autoComplete="off" required maxLength={40} />
              <datalist id="unit-codes">
                {units.map((unit) => (
                  <option key={unit.code} value={unit.code}>{unit.name}</option>
                ))}
              </datalist>
            </>
          )}
        </Field>
      </div>
      <Field name="password" label="Mật khẩu tạm" state={state} hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} ký tự, không dùng mật khẩu phổ biến.`}>
        {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />}
      </Field>
      <div>
        <SubmitButton pendingLabel="Đang tạo…">Tạo người dùng</SubmitButton>
      </div>
    </form>
  );
}
