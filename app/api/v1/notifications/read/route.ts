import { apiRoute, readJson } from "@/lib/api/handler";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { MarkReadSchema } from "@/lib/notifications/schemas";

export const POST = apiRoute({}, async ({ request, actor }) => {
  const body = await readJson(request, MarkReadSchema);
  const marked = await markNotificationsRead(actor, body);
  return { marked, unread: await countUnreadNotifications(actor) };
});
