"use client";

import type { FormState } from "@/lib/actions/form-state";
import { Field } from "@/components/ui/form";

export type MeetingConduct = {
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  committeePrepared: boolean | null;
  committeePreparedOn: string | null;
  combinedWithThematic: boolean;
};

/**
 * When and where the meeting was held, whether the chi ủy met first, and
 * whether the regular and thematic meetings were held together: what the
 * quality criteria judge besides attendance.
 */
export function MeetingConductFields({ state, conduct, kind, heldOn }: { state: FormState; conduct: MeetingConduct | null; kind: "REGULAR" | "THEMATIC"; heldOn: string }) {
  const value = (name: keyof MeetingConduct, stored: string | null | undefined) => state.values?.[name] ?? stored ?? "";
  const prepared = state.values?.committeePrepared ?? (conduct?.committeePrepared === null || conduct?.committeePrepared === undefined ? "" : conduct.committeePrepared ? "yes" : "no");
  const combined = state.values ? state.values.combinedWithThematic === "on" : (conduct?.combinedWithThematic ?? false);
  return (
    <fieldset className="conduct">
      <legend>Thời gian, địa điểm và chuẩn bị</legend>
      <div className="form-row conduct-times">
        <Field name="startTime" label="Bắt đầu" state={state}>
          {(props) => <input {...props} type="time" defaultValue={value("startTime", conduct?.startTime)} />}
        </Field>
        <Field name="endTime" label="Kết thúc" state={state}>
          {(props) => <input {...props} type="time" defaultValue={value("endTime", conduct?.endTime)} />}
        </Field>
      </div>
      <Field name="place" label="Địa điểm" state={state}>
        {(props) => <input {...props} type="text" maxLength={300} defaultValue={value("place", conduct?.place)} placeholder="ví dụ: Nhà văn hóa tổ dân phố" autoComplete="off" />}
      </Field>
      <div className="form-row">
        <Field name="committeePrepared" label="Chi ủy họp chuẩn bị trước" state={state}>
          {(props) => (
            <select {...props} defaultValue={prepared}>
              <option value="">Chưa ghi</option>
              <option value="yes">Có</option>
              <option value="no">Không</option>
            </select>
          )}
        </Field>
        <Field name="committeePreparedOn" label="Ngày chi ủy họp (nếu có)" state={state}>
          {(props) => <input {...props} type="date" max={heldOn || undefined} defaultValue={value("committeePreparedOn", conduct?.committeePreparedOn)} />}
        </Field>
      </div>
      {kind === "REGULAR" ? (
        <div className="field checkbox-field">
          <label className="checkbox">
            <input type="checkbox" name="combinedWithThematic" defaultChecked={combined} /> Sinh hoạt thường kỳ kết hợp chuyên đề trong cùng buổi
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}
