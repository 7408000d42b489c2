"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  settingKey: string;
  label: string;
  description: string;
  input: "integer" | "integer-list";
  value: string;
  /** When the value was last changed (sent back so that a concurrent change is refused, not overwritten). */
  updatedAt: string;
};

export function SettingForm({ action, settingKey, label, description, input, value, updatedAt }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="key" value={settingKey} />
      <input type="hidden" name="input" value={input} />
      <input type="hidden" name="expectedUpdatedAt" value={updatedAt} />
      <Field name="value" label={label} state={state} hint={description}>
        {(props) => <input {...props} type="text" inputMode="numeric" defaultValue={state.values?.value ?? value} />}
      </Field>
      <div>
        <SubmitButton className="button button-secondary">Lưu</SubmitButton>
      </div>
    </form>
  );
}
