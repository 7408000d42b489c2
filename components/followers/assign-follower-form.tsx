"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";

type Option = { id: number; label: string };
type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** The hidden fields that say what is assigned (orgUnitId) or whose work moves (fromUserId). */
  hidden: Record<string, string | number>;
  /** The select's name: userId (assign a unit) or toUserId (move one follower's units). */
  field: "userId" | "toUserId";
  label: string;
  options: Option[];
  selected: number | null;
  /** The "nobody" choice (remove an own assignment); absent when a person must be chosen. */
  noneLabel?: string;
  submitLabel: string;
  idSuffix: string;
};

/** One select and a button: assign a ward or a branch to a follower, or move a follower's work to another. */
export function AssignFollowerForm({ action, hidden, field, label, options, selected, noneLabel, submitLabel, idSuffix }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const id = `${field}-${idSuffix}`;
  const errors = state.fieldErrors?.[field];
  return (
    <form action={formAction} className="assign-form" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <select id={id} name={field} defaultValue={selected === null ? "" : String(selected)} aria-invalid={errors?.length ? true : undefined}>
        {noneLabel !== undefined ? <option value="">{noneLabel}</option> : <option value="">— Chọn người —</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>{option.label}</option>
        ))}
      </select>
      <SubmitButton className="button button-secondary button-small" pendingLabel="Đang lưu…">{submitLabel}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
