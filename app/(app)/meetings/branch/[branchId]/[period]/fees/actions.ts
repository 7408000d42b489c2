"use server";

import { formAction } from "@/lib/actions/form-action";
import { recordFees } from "@/lib/fees/record-fees";
import { feeInputFromForm } from "@/lib/fees/fee-form-input";
import { formatNumber } from "@/lib/format/number";

export const recordFeesAction = formAction({ permission: "meeting.record" }, async (actor, input) => {
  const result = await recordFees(actor, Number(input.branchId), feeInputFromForm(input));
  return { status: "success", message: result.changed ? `Đã lưu đảng phí của ${formatNumber(result.changedCount)} đảng viên.` : "Không có gì thay đổi." };
});
