"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { belongedOn, expectedOn, isDateInPeriod } from "@/lib/meetings/rules";
import { ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES } from "@/lib/meetings/labels";
import { formatDate, formatPeriod } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { MeetingConductFields, type MeetingConduct } from "./meeting-conduct-fields";

type Status = (typeof ATTENDANCE_STATUSES)[number];
/** The member's party fee for the meeting's month: due when they belonged in it; exemption says why they do not pay. */
type MemberFee = { due: boolean; exemption: string | null; paid: boolean | null; amount: number | null };
type Member = { id: number; code: string; fullName: string; status: string; joinedBranchOn: string; leftBranchOn: string | null; fee?: MemberFee };
type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  branchId: number;
  period: string;
  kind: "REGULAR" | "THEMATIC";
  today: string;
  members: Member[];
  meeting: { id: number; versionNo: number; heldOn: string; usedHandbook: boolean; notes: string | null; attendance: { memberId: number; status: Status; reason: string | null }[] } | null;
  /** As recorded, or as the schedule announced it for a meeting not yet recorded. */
  conduct: MeetingConduct | null;
  suggestedHeldOn: string;
  editableUntil: string | null;
};

const SHORT: Record<Status, string> = { PRESENT: "Có mặt", EXCUSED: "Vắng có lý do", UNEXCUSED: "Vắng không lý do" };

/**
 * Recording a meeting on a phone: everyone expected is present by default,
 * the secretary taps the exceptions (an excused absence asks for a reason).
 * Who is expected follows the meeting date: members excused from meetings and
 * members who had not joined or had already left are listed apart.
 * Each member also has a "Đã nộp đảng phí" box for the month (the fee sheet's
 * record, saved with the meeting); an unticked box that was never ticked
 * leaves the fee sheet as it is.
 */
export function RecordMeetingForm({ action, branchId, period, kind, today, members, meeting, conduct, suggestedHeldOn, editableUntil }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? suggestedHeldOn);
  const [statuses, setStatuses] = useState<Record<number, Status>>(() => Object.fromEntries((meeting?.attendance ?? []).map((row) => [row.memberId, row.status])));
  const [reasons, setReasons] = useState<Record<number, string>>(() => Object.fromEntries((meeting?.attendance ?? []).filter((row) => row.reason).map((row) => [row.memberId, row.reason!])));
  const [filter, setFilter] = useState("");
  // Controlled: React resets uncontrolled fields after a form action, a refused save must keep what was ticked.
  const [usedHandbook, setUsedHandbook] = useState(meeting?.usedHandbook ?? false);
  const [feePaid, setFeePaid] = useState<Record<number, boolean>>(() => Object.fromEntries(members.map((member) => [member.id, member.fee?.paid === true])));
  const [feeAmounts, setFeeAmounts] = useState<Record<number, string>>(() => Object.fromEntries(members.map((member) => [member.id, member.fee?.amount != null ? formatNumber(member.fee.amount) : ""])));

  const day = /^\d{4}-\d{2}-\d{2}$/.test(heldOn) ? heldOn : today;
  const expected = useMemo(() => members.filter((member) => expectedOn(member, day)), [members, day]);
  const exempt = members.filter((member) => member.status === "EXEMPT" && belongedOn(member, day));
  const outside = members.filter((member) => member.status !== "EXEMPT" && !belongedOn(member, day));
  const statusOf = (id: number): Status => statuses[id] ?? "PRESENT";
  const counts = { PRESENT: 0, EXCUSED: 0, UNEXCUSED: 0 };
  for (const member of expected) counts[statusOf(member.id)]++;
  const folded = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/đ/gi, "d").toLowerCase();
  const shown = filter ? expected.filter((member) => folded(member.fullName).includes(folded(filter))) : expected;
  // React resets the form's DOM after its action, also a refused one; the fee boxes must show (and send) what was ticked.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    for (const [id, paid] of Object.entries(feePaid)) {
      const box = formRef.current?.querySelector<HTMLInputElement>(`input[type=checkbox][name="feePaid.${id}"]`);
      if (box) box.checked = paid;
    }
    // Only after an answer: feePaid itself is what the boxes already show.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const feeDue = expected.filter((member) => member.fee?.due && !member.fee.exemption);
  const feePaidCount = feeDue.filter((member) => feePaid[member.id]).length;
  const feeErrorFor = (id: number) => state.fieldErrors?.[`feeAmount.${id}`]?.join(" ") ?? state.fieldErrors?.[`feePaid.${id}`]?.join(" ");
  const errorFor = (id: number) => state.fieldErrors?.[`reason.${id}`]?.join(" ") ?? state.fieldErrors?.[`status.${id}`]?.join(" ");

  return (
    <form ref={formRef} action={formAction} className="record-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="branchId" value={branchId} />
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="kind" value={kind} />
      {meeting ? <input type="hidden" name="expectedVersionNo" value={meeting.versionNo} /> : null}

      <div className="card form form-wide">
        <div className="form-row">
          <Field
            name="heldOn"
            label="Ngày họp"
            state={state}
            hint={heldOn && !isDateInPeriod(heldOn, period) ? "Ngày họp nằm ngoài kỳ: vẫn ghi được nhưng sẽ có cảnh báo dữ liệu." : editableUntil ? `Sửa được đến hết ${formatDate(editableUntil)}.` : undefined}
          >
            {(props) => <input {...props} type="date" value={heldOn} max={today} onChange={(event) => setHeldOn(event.target.value)} required />}
          </Field>
          <div className="field checkbox-field">
            <label className="checkbox">
              <input type="checkbox" name="usedHandbook" checked={usedHandbook} onChange={(event) => setUsedHandbook(event.target.checked)} /> Cuộc họp có dùng Sổ tay đảng viên điện tử
            </label>
          </div>
        </div>
        <MeetingConductFields state={state} conduct={conduct} kind={kind} heldOn={heldOn} />
        <Field name="notes" label="Ghi chú (không bắt buộc)" state={state}>
          {(props) => <textarea {...props} rows={2} maxLength={2000} defaultValue={state.values?.notes ?? meeting?.notes ?? ""} />}
        </Field>
      </div>

      <section className="section card" aria-labelledby="roster-title">
        <div className="card-header">
          <h2 id="roster-title">Điểm danh ({expected.length} người phải dự)</h2>
          <button type="button" className="button button-secondary button-small" onClick={() => setStatuses({})}>
            Tất cả có mặt
          </button>
        </div>
        <p className="small muted">
          Mặc định mọi người có mặt; chỉ cần chạm vào người vắng.{feeDue.length ? ` Đánh dấu người đã nộp đảng phí ${formatPeriod(period).toLowerCase()}.` : ""}
        </p>
        {expected.length > 12 ? (
          <div className="field roster-filter">
            <label htmlFor="roster-filter">Tìm tên</label>
            <input id="roster-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="gõ có dấu hoặc không dấu" autoComplete="off" />
          </div>
        ) : null}
        <ul className="roster">
          {expected.map((member) => {
            const status = statusOf(member.id);
            const error = errorFor(member.id);
            return (
              <li key={member.id} hidden={!shown.includes(member)} className={status !== "PRESENT" ? `roster-${status.toLowerCase()}` : undefined}>
                <div className="roster-name">
                  <span>{member.fullName}</span>
                  <span className="small muted mono">{member.code}</span>
                </div>
                <div className="seg" role="radiogroup" aria-label={`Điểm danh ${member.fullName}`}>
                  {ATTENDANCE_STATUSES.map((option) => (
                    <label key={option} className={`seg-${option.toLowerCase()}`}>
                      <input type="radio" name={`status.${member.id}`} value={option} checked={status === option} onChange={() => setStatuses({ ...statuses, [member.id]: option })} />
                      <span>{SHORT[option]}</span>
                    </label>
                  ))}
                </div>
                {status === "EXCUSED" ? (
                  <div className="roster-reason">
                    <label className="visually-hidden" htmlFor={`reason-${member.id}`}>
                      Lý do vắng của {member.fullName}
                    </label>
                    <input
                      id={`reason-${member.id}`}
                      type="text"
                      name={`reason.${member.id}`}
                      value={reasons[member.id] ?? ""}
                      onChange={(event) => setReasons({ ...reasons, [member.id]: event.target.value })}
                      placeholder="Lý do vắng (bắt buộc)"
                      aria-invalid={error ? true : undefined}
                      maxLength={300}
                      required
                    />
                  </div>
                ) : null}
                {error ? <div className="field-error roster-error">{error}</div> : null}
                {member.fee?.exemption ? (
                  <div className="roster-fee small muted">{member.fee.exemption}</div>
                ) : member.fee?.due ? (
                  <div className="roster-fee">
                    <label className="checkbox">
                      <input type="checkbox" name={`feePaid.${member.id}`} value="1" checked={feePaid[member.id] ?? false} onChange={(event) => setFeePaid({ ...feePaid, [member.id]: event.target.checked })} />
                      <span>
                        Đã nộp đảng phí<span className="visually-hidden"> – {member.fullName}</span>
                      </span>
                    </label>
                    {/* Unticked after being recorded paid: say so, otherwise an unticked box leaves the sheet as it is. */}
                    {!feePaid[member.id] && member.fee.paid ? <input type="hidden" name={`feePaid.${member.id}`} value="0" /> : null}
                    {feePaid[member.id] ? (
                      <>
                        <label className="visually-hidden" htmlFor={`fee-amount-${member.id}`}>
                          Số tiền đảng phí của {member.fullName}
                        </label>
                        <input
                          id={`fee-amount-${member.id}`}
                          className="roster-fee-amount"
                          type="text"
                          inputMode="numeric"
                          name={`feeAmount.${member.id}`}
                          value={feeAmounts[member.id] ?? ""}
                          onChange={(event) => setFeeAmounts({ ...feeAmounts, [member.id]: event.target.value })}
                          placeholder="Số tiền, vd 50.000"
                          aria-invalid={feeErrorFor(member.id) ? true : undefined}
                          maxLength={20}
                        />
                      </>
                    ) : member.fee.paid === false ? (
                      <span className="small muted">Bảng đảng phí ghi: chưa đóng</span>
                    ) : null}
                  </div>
                ) : null}
                {feeErrorFor(member.id) ? <div className="field-error roster-error">{feeErrorFor(member.id)}</div> : null}
              </li>
            );
          })}
        </ul>
        {exempt.length ? (
          <details className="section">
            <summary>Miễn sinh hoạt, không điểm danh ({exempt.length})</summary>
            <ul className="plain-list columns">
              {exempt.map((member) => (
                <li key={member.id}>{member.fullName}</li>
              ))}
            </ul>
          </details>
        ) : null}
        {outside.length ? (
          <details className="section">
            <summary>Không thuộc chi bộ vào ngày họp ({outside.length})</summary>
            <ul className="plain-list">
              {outside.map((member) => (
                <li key={member.id}>
                  {member.fullName}{" "}
                  <span className="small muted">
                    {member.joinedBranchOn > day ? `vào chi bộ từ ${formatDate(member.joinedBranchOn)}` : `rời chi bộ từ ${formatDate(member.leftBranchOn)}`}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <div className="sticky-bar">
        <div className="sticky-counts" aria-live="polite">
          <strong>
            {ATTENDANCE_STATUS_LABELS.PRESENT} {counts.PRESENT}/{expected.length}
          </strong>
          <span className="small muted">
            Có lý do {counts.EXCUSED} · Không lý do {counts.UNEXCUSED}
            {feeDue.length ? ` · Đảng phí ${feePaidCount}/${feeDue.length}` : ""}
          </span>
        </div>
        <SubmitButton>{meeting ? "Lưu thay đổi" : "Lưu cuộc họp"}</SubmitButton>
      </div>
    </form>
  );
}
