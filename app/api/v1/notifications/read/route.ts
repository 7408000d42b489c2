import { apiRoute, readJson } from "@/lib/api/handler";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";

export const POST = apiRoute({}, async ({ request, actor }) => {
  const body = await readJson(request);
  const marked = await markNotificationsRead(actor, body);
  return { marked, unread: await countUnreadNotifications(actor) };
});
