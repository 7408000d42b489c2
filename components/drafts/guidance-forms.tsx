"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function GuidanceForm({ action, period }: { action: Action; period: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const value = (name: string) => (state.status === "error" ? (state.values?.[name] ?? "") : "");
  return (
    <form action={formAction} className="form" key={state.status === "success" ? state.message : "guidance"}>
      <input type="hidden" name="period" value={period} />
      <FormMessage state={state} />
      <Field name="title" label="Nội dung chi bộ cần cụ thể hóa" state={state}>
        {(props) => <input {...props} type="text" required maxLength={200} defaultValue={value("title")} placeholder="ví dụ: Phòng cháy, chữa cháy mùa hanh khô" />}
      </Field>
      <Field name="details" label="Yêu cầu cụ thể" state={state}>
        {(props) => <textarea {...props} rows={3} maxLength={3000} defaultValue={value("details")} />}
      </Field>
      <Field name="keywords" label="Từ khóa nhận biết (cách nhau bằng dấu phẩy)" state={state} hint="Máy tìm các từ này (có dấu hoặc không dấu) để biết dự thảo đã đề cập nội dung chưa. Bỏ trống: dùng tên nội dung.">
        {(props) => <input {...props} type="text" maxLength={600} defaultValue={value("keywords")} placeholder="phòng cháy, chữa cháy, PCCC" />}
      </Field>
      <div>
        <SubmitButton pendingLabel="Đang đăng…">Đăng định hướng</SubmitButton>
      </div>
    </form>
  );
}

export function WithdrawGuidanceButton({ action, guidanceId }: { action: Action; guidanceId: number }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="guidanceId" value={guidanceId} />
      <SubmitButton className="button button-danger button-small" pendingLabel="…">Rút</SubmitButton>
      {state.status === "error" ? <span className="field-error"> {state.message}</span> : null}
    </form>
  );
}
