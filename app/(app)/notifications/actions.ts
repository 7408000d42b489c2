"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { markNotificationsRead, openNotification } from "@/lib/notifications/mark-notifications-read";

export const openNotificationAction = formAction({}, async (actor, input) => {
  const href = await openNotification(actor, Number(input.notificationId));
  redirect(href);
});

export const markAllReadAction = formAction({}, async (actor) => {
  await markNotificationsRead(actor, { all: true });
  revalidatePath("/notifications");
  return { status: "success", message: "Đã đánh dấu tất cả là đã đọc." };
});
