"use client";

import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { formatNumber } from "@/lib/format/number";

type Row = { member: { id: number; code: string; fullName: string }; fee: { paid: boolean; amount: number | null; reason: string | null } | null };
type Props = { action: (state: FormState, data: FormData) => Promise<FormState>; branchId: number; period: string; rows: Row[] };

/** The branch's fee sheet on a phone: one tap per member (paid / not paid), amount and reason optional. */
export function FeeSheetForm({ action, branchId, period, rows }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const [choice, setChoice] = useState<Record<number, "1" | "0" | undefined>>(() => Object.fromEntries(rows.map((row) => [row.member.id, row.fee ? (row.fee.paid ? "1" : "0") : undefined])));
  const [amounts, setAmounts] = useState<Record<number, string>>(() => Object.fromEntries(rows.map((row) => [row.member.id, row.fee?.amount != null ? formatNumber(row.fee.amount) : ""])));
  const paid = Object.values(choice).filter((value) => value === "1").length;
  const unpaid = Object.values(choice).filter((value) => value === "0").length;
  const markAllPaid = () => setChoice(Object.fromEntries(rows.map((row) => [row.member.id, choice[row.member.id] ?? "1"])));
  return (
    <form action={formAction} className="card form form-wide" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="branchId" value={branchId} />
      <input type="hidden" name="period" value={period} />
      <div className="card-header">
        <h2>Đảng viên phải đóng</h2>
        <button type="button" className="button button-secondary button-small" onClick={markAllPaid}>
          Người chưa ghi: đã đóng
        </button>
      </div>
      <ul className="roster">
        {rows.map(({ member, fee }) => {
          const value = choice[member.id];
          const amountError = state.fieldErrors?.[`amount.${member.id}`]?.join(" ");
          return (
            <li key={member.id} className={value === "0" ? "roster-unexcused" : undefined}>
              <div className="roster-name">
                <span>{member.fullName}</span>
                <span className="small muted mono">{member.code}</span>
              </div>
              <div className="seg seg-2" role="radiogroup" aria-label={`Đảng phí của ${member.fullName}`}>
                <label className="seg-present">
                  <input type="radio" name={`paid.${member.id}`} value="1" checked={value === "1"} onChange={() => setChoice({ ...choice, [member.id]: "1" })} />
                  <span>Đã đóng</span>
                </label>
                <label className="seg-unexcused">
                  <input type="radio" name={`paid.${member.id}`} value="0" checked={value === "0"} onChange={() => setChoice({ ...choice, [member.id]: "0" })} />
                  <span>Chưa đóng</span>
                </label>
              </div>
              {value === "1" ? (
                <div className="roster-reason">
                  <label className="visually-hidden" htmlFor={`amount-${member.id}`}>
                    Số tiền {member.fullName} đã đóng (đồng)
                  </label>
                  <input
                    id={`amount-${member.id}`}
                    type="text"
                    inputMode="numeric"
                    name={`amount.${member.id}`}
                    value={amounts[member.id] ?? ""}
                    onChange={(event) => setAmounts({ ...amounts, [member.id]: event.target.value })}
                    placeholder="Số tiền (đồng), không bắt buộc"
                    aria-invalid={amountError ? true : undefined}
                    maxLength={20}
                  />
                </div>
              ) : null}
              {value === "0" ? (
                <div className="roster-reason">
                  <label className="visually-hidden" htmlFor={`reason-${member.id}`}>
                    Lý do {member.fullName} chưa đóng
                  </label>
                  <input id={`reason-${member.id}`} type="text" name={`reason.${member.id}`} defaultValue={fee?.reason ?? ""} placeholder="Lý do chính đáng (nếu có)" maxLength={300} />
                </div>
              ) : null}
              {amountError ? <div className="field-error roster-error">{amountError}</div> : null}
            </li>
          );
        })}
      </ul>
      <div className="sticky-bar">
        <div className="sticky-counts" aria-live="polite">
          <strong>
            Đã đóng {formatNumber(paid)}/{formatNumber(rows.length)}
          </strong>
          <span className="small muted">
            Chưa đóng {formatNumber(unpaid)} · Chưa ghi {formatNumber(rows.length - paid - unpaid)}
          </span>
        </div>
        <SubmitButton>Lưu đảng phí</SubmitButton>
      </div>
    </form>
  );
}
