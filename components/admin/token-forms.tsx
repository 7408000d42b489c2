"use client";

import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { ROLE_LABELS, ROLE_SCOPE_LEVELS } from "@/lib/auth/permissions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const TOKEN_ROLES = ["LEADER", "BOARD_REVIEWER", "WARD_COMMITTEE", "BRANCH_SECRETARY"] as const;

export type TokenUnit = { id: number; code: string; name: string; level: "CITY" | "DISTRICT" | "WARD" | "BRANCH"; parentName: string | null };

/** The unit is picked from the list (only the levels the chosen role may have), never typed as a code. */
export function IssueTokenForm({ action, units }: { action: Action; units: TokenUnit[] }) {
  const [state, formAction] = useActionState(action, IDLE);
  const value = (name: string) => state.values?.[name] ?? "";
  const [role, setRole] = useState<(typeof TOKEN_ROLES)[number]>((value("role") as (typeof TOKEN_ROLES)[number]) || "LEADER");
  const fitting = units.filter((unit) => ROLE_SCOPE_LEVELS[role].includes(unit.level));
  const secret = state.status === "success" ? state.data?.secret : undefined;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {typeof secret === "string" ? (
        <div className="alert alert-warn">
          <strong>Mã truy cập (chỉ hiển thị lần này):</strong>
          <input type="text" readOnly value={secret} className="mono" aria-label="Mã truy cập vừa cấp" onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
      <Field name="name" label="Tên gợi nhớ" state={state} hint="Ví dụ: Ứng dụng Sổ tay — đồng bộ số liệu Long Biên">
        {(props) => <input {...props} type="text" defaultValue={value("name")} required maxLength={100} />}
      </Field>
      <div className="form-row">
        <Field name="role" label="Vai trò" state={state}>
          {(props) => (
            <select {...props} value={role} onChange={(event) => setRole(event.target.value as (typeof TOKEN_ROLES)[number])}>
              {TOKEN_ROLES.map((candidate) => (
                <option key={candidate} value={candidate}>{ROLE_LABELS[candidate]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="orgUnitId" label="Đơn vị" state={state} hint={`${fitting.length.toLocaleString("vi-VN")} đơn vị phù hợp với vai trò đã chọn.`}>
          {(props) => (
            <select {...props} key={role} defaultValue={value("orgUnitId")} required>
              <option value="">— Chọn đơn vị —</option>
              {fitting.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                  {unit.parentName && unit.level === "BRANCH" ? ` — ${unit.parentName}` : ""} ({unit.code})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="expiresInDays" label="Hết hạn sau (ngày)" state={state} hint="Để trống: không hết hạn. Tối đa 730 ngày.">
        {(props) => <input {...props} type="number" min={1} max={730} defaultValue={value("expiresInDays") || "365"} />}
      </Field>
      <div>
        <SubmitButton pendingLabel="Đang cấp…">Cấp mã truy cập</SubmitButton>
      </div>
    </form>
  );
}

export function RevokeTokenButton({ action, tokenId, name }: { action: Action; tokenId: number; name: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Thu hồi mã “${name}”? Hệ thống dùng mã này sẽ bị từ chối ngay.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton className="button button-danger button-small" pendingLabel="Đang thu hồi…">Thu hồi</SubmitButton>
      {state.status === "error" ? <div className="field-error">{state.message}</div> : null}
    </form>
  );
}
