"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { DRAFT_FLAGS, FLAG_LABELS, type DraftFlagKey } from "@/lib/drafts/labels";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  draftId: number;
  currentVersionNo: number;
  proposedFlags: DraftFlagKey[];
  reasons: Partial<Record<DraftFlagKey, string>>;
  pendingComments: number;
};

/**
 * The reviewer's decision on the current version. Flags the analyzer proposes
 * are listed with its reason and are not pre-ticked: the reviewer accepts
 * them by ticking, and those left unticked are recorded as dismissed.
 */
export function ReviewForm({ action, draftId, currentVersionNo, proposedFlags, reasons, pendingComments }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  // Once sent, the form does not invite a second decision (the page then shows the decision).
  if (state.status === "success") return <div className="alert alert-success" role="status">{state.message}</div>;
  // Nothing is pre-ticked: an earlier version's flags were about that version.
  const checked = (flag: DraftFlagKey) => state.values?.[`flag_${flag}`] === "1";
  return (
    <form action={formAction} className="form review-form" noValidate>
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="expectedVersionNo" value={currentVersionNo} />
      <FormMessage state={state} />
      <fieldset className="field">
        <legend>Quyết định cho phiên bản {currentVersionNo}</legend>
        <label className="choice">
          <input type="radio" name="decision" value="APPROVED" defaultChecked={state.values?.decision === "APPROVED"} /> Duyệt
        </label>
        <label className="choice">
          <input type="radio" name="decision" value="CHANGES_REQUESTED" defaultChecked={state.values?.decision === "CHANGES_REQUESTED"} /> Yêu cầu chỉnh sửa
        </label>
        {state.fieldErrors?.decision ? <div className="field-error">{state.fieldErrors.decision.join(" ")}</div> : null}
      </fieldset>
      <Field name="summary" label="Nhận xét chung" state={state}>
        {(props) => <textarea {...props} rows={3} required maxLength={5000} defaultValue={state.values?.summary ?? ""} />}
      </Field>
      <fieldset className="field">
        <legend>Cờ chất lượng</legend>
        {DRAFT_FLAGS.map((flag) => (
          <label key={flag} className="choice">
            <input type="checkbox" name={`flag_${flag}`} value="1" defaultChecked={checked(flag)} /> {FLAG_LABELS[flag]}
            {proposedFlags.includes(flag) ? (
              <span className="proposal">
                <span className="badge badge-warn">Máy đề xuất</span> <span className="small muted">{reasons[flag]}</span>
              </span>
            ) : null}
          </label>
        ))}
        {proposedFlags.length ? <div className="field-hint">Đề xuất không được đánh dấu sẽ được ghi nhận là đã bỏ qua.</div> : null}
      </fieldset>
      {pendingComments ? <p className="small">Gửi kèm {pendingComments} góp ý chưa gửi của bạn.</p> : null}
      <div>
        <SubmitButton pendingLabel="Đang gửi…">Gửi quyết định</SubmitButton>
      </div>
    </form>
  );
}
