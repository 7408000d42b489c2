"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Schedule = { plannedOn: string; startTime: string; place: string; agenda: string; versionNo: number };

/** The secretary announces the meeting ahead: date, start time, place and content. */
export function AnnounceMeetingForm({ action, branchId, period, today, schedule }: { action: (state: FormState, data: FormData) => Promise<FormState>; branchId: number; period: string; today: string; schedule: Schedule | null }) {
  const [state, formAction] = useActionState(action, IDLE);
  const value = (name: keyof Schedule, stored: string | undefined) => state.values?.[name] ?? stored ?? "";
  return (
    <form action={formAction} className="form form-wide" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="branchId" value={branchId} />
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="kind" value="REGULAR" />
      {schedule ? <input type="hidden" name="expectedVersionNo" value={schedule.versionNo} /> : null}
      <div className="form-row">
        <Field name="plannedOn" label="Ngày họp" state={state}>
          {(props) => <input {...props} type="date" min={today} defaultValue={value("plannedOn", schedule?.plannedOn)} required />}
        </Field>
        <Field name="startTime" label="Giờ bắt đầu" state={state}>
          {(props) => <input {...props} type="time" defaultValue={value("startTime", schedule?.startTime)} required />}
        </Field>
      </div>
      <Field name="place" label="Địa điểm" state={state}>
        {(props) => <input {...props} type="text" maxLength={300} defaultValue={value("place", schedule?.place)} placeholder="ví dụ: Nhà văn hóa tổ dân phố" required />}
      </Field>
      <Field name="agenda" label="Nội dung sinh hoạt" state={state} hint="Gửi đến đảng viên của chi bộ và Đảng ủy phường phụ trách.">
        {(props) => <textarea {...props} rows={4} maxLength={5000} defaultValue={value("agenda", schedule?.agenda)} required />}
      </Field>
      <div>
        <SubmitButton pendingLabel="Đang gửi…">{schedule ? "Cập nhật lịch họp" : "Thông báo lịch họp"}</SubmitButton>
      </div>
    </form>
  );
}
