"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";

type Values = { superiorName: string; bodyName: string; symbol: string; place: string; signerCapacity: string; signerTitle: string; signerName: string; recipients: string[] };
type Props = { action: (state: FormState, data: FormData) => Promise<FormState>; unitId: number; values: Values };

const FIELDS: { name: keyof Omit<Values, "recipients">; label: string; hint: string }[] = [
  { name: "superiorName", label: "Cơ quan cấp trên trực tiếp", hint: "Dòng trên cùng bên trái, ví dụ QUẬN ỦY LONG BIÊN." },
  { name: "bodyName", label: "Cơ quan ban hành", hint: "Chữ in đậm dưới tên cấp trên, ví dụ BAN TỔ CHỨC." },
  { name: "symbol", label: "Ký hiệu cơ quan", hint: "Trong số văn bản: Số 12-BC/ký hiệu." },
  { name: "place", label: "Địa danh", hint: "Đầu dòng ngày tháng: Long Biên, ngày …" },
  { name: "signerCapacity", label: "Thẩm quyền ký", hint: "Ví dụ T/M ĐẢNG ỦY; để trống nếu người đứng đầu ký trực tiếp." },
  { name: "signerTitle", label: "Chức vụ người ký", hint: "Ví dụ BÍ THƯ, TRƯỞNG BAN." },
  { name: "signerName", label: "Họ tên người ký", hint: "Để trống để điền tay khi ký." },
];

export function IssuerForm({ action, unitId, values }: Props) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="unitId" value={unitId} />
      <div className="form-row">
        {FIELDS.map((field) => (
          <Field key={field.name} name={field.name} label={field.label} state={state} hint={field.hint}>
            {(props) => <input {...props} type="text" defaultValue={state.values?.[field.name] ?? values[field.name]} />}
          </Field>
        ))}
      </div>
      <Field name="recipients" label="Nơi nhận (mỗi dòng một nơi)" state={state} hint="Thêm vào sau nơi nhận chính của từng văn bản.">
        {(props) => <textarea {...props} rows={4} defaultValue={state.values?.recipients ?? values.recipients.join("\n")} />}
      </Field>
      <div>
        <SubmitButton>Lưu</SubmitButton>
      </div>
    </form>
  );
}
