"use client";

import { useActionState, useState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { describeMinutesMismatch, minutesMismatches, type AttendanceFigures } from "@/lib/meetings/minutes-check";

type Props = {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  meetingId: number;
  versionNo: number;
  minutes: string | null;
  documents: { title: string; sentOn: string }[];
  heldOn: string;
  /** The roll call, to question minutes that state other figures. */
  attendance: AttendanceFigures;
};

/** Minutes (required) and the documents sent to members before the meeting; rows are added on demand. */
export function CloseMeetingForm({ action, meetingId, versionNo, minutes, documents, heldOn, attendance }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  const [text, setText] = useState(() => state.values?.minutes ?? minutes ?? "");
  const mismatch = describeMinutesMismatch(minutesMismatches(text, attendance));
  const [rows, setRows] = useState(() => (documents.length ? documents : [{ title: "", sentOn: "" }]).map((doc, i) => ({ ...doc, key: i })));
  const [nextKey, setNextKey] = useState(rows.length);
  return (
    <form action={formAction} className="form form-wide" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="expectedVersionNo" value={versionNo} />
      <Field name="minutes" label="Biên bản cuộc họp" state={state} hint="Nội dung chính, kết luận, phân công và thời hạn. Bắt buộc để hoàn tất cuộc họp.">
        {(props) => <textarea {...props} rows={6} defaultValue={state.values?.minutes ?? minutes ?? ""} required onChange={(event) => setText(event.target.value)} />}
      </Field>
      {mismatch ? (
        <div className="alert alert-warn" role="status">
          {mismatch}
        </div>
      ) : null}
      <fieldset className="fieldset">
        <legend>Tài liệu đã gửi đảng viên trước cuộc họp</legend>
        {rows.map((row, i) => (
          <div className="form-row doc-row" key={row.key}>
            <Field name={`docTitle.${row.key}`} label={`Tài liệu ${i + 1}`} state={state}>
              {(props) => <input {...props} type="text" defaultValue={state.values?.[`docTitle.${row.key}`] ?? row.title} placeholder="Ví dụ: Dự thảo nghị quyết tháng 11" />}
            </Field>
            <Field name={`docSentOn.${row.key}`} label="Ngày gửi" state={state} hint={i === 0 ? `Trước ngày họp ${heldOn.split("-").reverse().join("/")}` : undefined}>
              {(props) => <input {...props} type="date" defaultValue={state.values?.[`docSentOn.${row.key}`] ?? row.sentOn} />}
            </Field>
          </div>
        ))}
        <div className="actions-row">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              setRows([...rows, { title: "", sentOn: "", key: nextKey }]);
              setNextKey(nextKey + 1);
            }}
          >
            + Thêm tài liệu
          </button>
          {rows.length > 1 ? (
            <button type="button" className="button button-secondary button-small" onClick={() => setRows(rows.slice(0, -1))}>
              Bớt dòng cuối
            </button>
          ) : null}
        </div>
      </fieldset>
      <div>
        <SubmitButton>{minutes ? "Lưu biên bản" : "Hoàn tất cuộc họp"}</SubmitButton>
      </div>
    </form>
  );
}
