"use server";

import { formAction } from "@/lib/actions/form-action";
import { updateSetting } from "@/lib/settings/app-settings";
import { applySettingToMeetingStats } from "@/lib/meetings/meeting-stats";

export const updateSettingAction = formAction({ permission: "settings.manage", revalidate: ["/admin/settings"] }, async (actor, input) => {
  const value = input.input === "integer-list" ? input.value.split(/[,;\s]+/).filter(Boolean) : input.value;
  await updateSetting(actor, input.key, value, { expectedUpdatedAt: input.expectedUpdatedAt });
  const rebuilt = await applySettingToMeetingStats(actor, input.key);
  return { status: "success", message: rebuilt ? "Đã lưu thiết lập và tính lại số liệu sinh hoạt chi bộ theo ngưỡng mới." : "Đã lưu thiết lập." };
});
