"use server";

import { formAction } from "@/lib/actions/form-action";
import { updateSetting } from "@/lib/settings/app-settings";

export const updateSettingAction = formAction({ permission: "settings.manage", revalidate: ["/admin/settings"] }, async (actor, input) => {
  const value = input.input === "integer-list" ? input.value.split(/[,;\s]+/).filter(Boolean) : input.value;
  await updateSetting(actor, input.key, value, { expectedUpdatedAt: input.expectedUpdatedAt });
  return { status: "success", message: "Đã lưu thiết lập." };
});
