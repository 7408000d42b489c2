import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";

const Body = z
  .object({ ids: z.array(z.number({ message: "ids là danh sách số." }).int().positive()).max(500).optional(), all: z.boolean().optional() })
  .refine((body) => body.all || (body.ids && body.ids.length), { message: "Gửi ids hoặc all: true." });

export const POST = apiRoute({}, async ({ request, actor }) => {
  const body = await readJson(request, Body);
  const marked = await markNotificationsRead(actor, body);
  return { marked, unread: await countUnreadNotifications(actor) };
});
