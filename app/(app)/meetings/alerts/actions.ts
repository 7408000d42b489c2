"use server";

import { formAction } from "@/lib/actions/form-action";
import { dismissDataQualityAlert } from "@/lib/meetings/dismiss-alert";

export const dismissAlertAction = formAction({ permission: "meeting.alert.dismiss" }, async (actor, input) => {
  await dismissDataQualityAlert(actor, { kind: input.kind, subjectKey: input.subjectKey, period: input.period, reason: input.reason ?? "" });
  return { status: "success", message: "Đã bỏ qua cảnh báo, lý do được lưu." };
});
