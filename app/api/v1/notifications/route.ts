import { apiRoute, readQuery } from "@/lib/api/handler";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NotificationsQuerySchema } from "@/lib/notifications/schemas";

/** The caller's in-app notifications, newest first, with the unread count. */
export const GET = apiRoute({}, async ({ request, actor }) => {
  const query = readQuery(request, NotificationsQuerySchema);
  const result = await listNotifications(actor, { page: query.page, unreadOnly: query.unread });
  return { items: result.items, total: result.total, page: result.page, pageSize: result.pageSize, unread: result.unread };
});
