import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { listNotifications } from "@/lib/notifications/list-notifications";

const Query = z.object({
  page: z.coerce.number({ message: "page phải là số nguyên dương." }).int().min(1, "page phải là số nguyên dương.").default(1),
  unread: z.preprocess((value) => value === "1" || value === "true", z.boolean()).default(false),
});

/** The caller's in-app notifications, newest first, with the unread count. */
export const GET = apiRoute({}, async ({ request, actor }) => {
  const query = readQuery(request, Query);
  const result = await listNotifications(actor, { page: query.page, unreadOnly: query.unread });
  return { items: result.items, total: result.total, page: result.page, pageSize: result.pageSize, unread: result.unread };
});
