"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { FormMessage, SubmitButton } from "@/components/ui/form";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Administrators: rebuild every month's roll-ups from the raw data (after changes that bypassed imports). */
export function RebuildStatsForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form">
      <FormMessage state={state} />
      <p className="small muted">
        Số liệu tổng hợp được tính lại tự động khi nhập tệp hoặc khi ứng dụng Sổ tay gửi số liệu. Chỉ cần tính lại toàn bộ khi dữ liệu gốc được sửa theo đường khác
        (sắp xếp lại tổ chức, sửa trực tiếp trong cơ sở dữ liệu). Ở quy mô thành phố mất khoảng nửa phút.
      </p>
      <div>
        <SubmitButton className="button button-secondary" pendingLabel="Đang tính lại…">
          Tính lại toàn bộ số liệu tổng hợp
        </SubmitButton>
      </div>
    </form>
  );
}
