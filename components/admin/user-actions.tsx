"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Props = { userId: number; active: boolean; locked: boolean; isSelf: boolean; setActive: Action; unlock: Action; resetPassword: Action };

export function UserActions({ userId, active, locked, isSelf, setActive, unlock, resetPassword }: Props) {
  const [activeState, activeAction] = useActionState(setActive, IDLE);
  const [unlockState, unlockAction] = useActionState(unlock, IDLE);
  const [resetState, resetAction] = useActionState(resetPassword, IDLE);
  return (
    <section className="card">
      <h2>Thao tác</h2>
      <FormMessage state={activeState} />
      <FormMessage state={unlockState} />
      <div className="actions-row" style={{ marginBottom: 16 }}>
        {!isSelf ? (
          <form action={activeAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="active" value={active ? "0" : "1"} />
            <SubmitButton className={active ? "button button-danger" : "button button-secondary"} pendingLabel="Đang lưu…">
              {active ? "Vô hiệu hóa tài khoản" : "Kích hoạt lại tài khoản"}
            </SubmitButton>
          </form>
        ) : null}
        {locked ? (
          <form action={unlockAction}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton className="button button-secondary">Mở khóa</SubmitButton>
          </form>
        ) : null}
      </div>
      <h3>Đặt mật khẩu tạm</h3>
      <form action={resetAction} className="form" noValidate>
        <FormMessage state={resetState} />
        <input type="hidden" name="userId" value={userId} />
        <Field name="password" label="Mật khẩu tạm mới" state={resetState} hint="Người dùng phải đổi ở lần đăng nhập tới; các phiên hiện tại kết thúc.">
          {(props) => <input {...props} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} />}
        </Field>
        <div>
          <SubmitButton className="button button-secondary">Đặt mật khẩu tạm</SubmitButton>
        </div>
      </form>
    </section>
  );
}
