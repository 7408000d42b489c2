"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  request: Record<string, string>;
  proposedNumber: number;
  numberSuffix: string;
};

/** Issues the document under a number the user may change (the next free one is proposed). */
export function IssueForm({ action, request, proposedNumber, numberSuffix }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form inline-form" noValidate>
      <FormMessage state={state} />
      {Object.entries(request).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field name="number" label={`Số văn bản (…${numberSuffix})`} state={state} hint="Số tiếp theo được đề xuất; có thể sửa trước khi ban hành.">
        {(props) => <input {...props} type="number" min={1} max={9999} inputMode="numeric" defaultValue={state.values?.number ?? String(proposedNumber)} />}
      </Field>
      <div>
        <SubmitButton pendingLabel="Đang ban hành…">Ban hành và lưu</SubmitButton>
      </div>
      {state.status === "success" && state.data?.id ? (
        <p>
          <a href={`/api/v1/documents/${state.data.id}/file`}>Tải bản đã ban hành</a>
        </p>
      ) : null}
    </form>
  );
}
