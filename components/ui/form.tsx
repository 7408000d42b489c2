"use client";

import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/actions/form-state";

export function SubmitButton({ children, pendingLabel = "Đang lưu…", className = "button" }: { children: React.ReactNode; pendingLabel?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.status === "error" && state.message ? <div className="alert alert-error" role="alert">{state.message}</div> : null}
      {state.status === "success" && state.message ? <div className="alert alert-success" role="status">{state.message}</div> : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  state: FormState;
  hint?: React.ReactNode;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
};

export function Field({ name, label, state, hint, children }: FieldProps) {
  const id = `f-${name}`;
  const errors = state.fieldErrors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? <div className="field-hint" id={`${id}-hint`}>{hint}</div> : null}
      {errors?.length ? <div className="field-error" id={`${id}-error`}>{errors.join(" ")}</div> : null}
    </div>
  );
}
