"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  label: string;
  hint?: string;
  submitLabel: string;
  /** Hide the form after success (the page shows the result on reload). */
  compact?: boolean;
};

/** A reason and a button: reopening a period, dismissing an alert. */
export function ReasonForm({ action, hidden, label, hint, submitLabel, compact }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  if (compact && state.status === "success") return <FormMessage state={state} />;
  return (
    <form action={formAction} className={compact ? "form reason-form" : "form"} noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field name="reason" label={label} state={state} hint={hint}>
        {(props) => <input {...props} type="text" defaultValue={state.values?.reason ?? ""} maxLength={500} />}
      </Field>
      <div>
        <SubmitButton className="button button-secondary button-small" pendingLabel="Đang ghi…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
