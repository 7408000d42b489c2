import { apiRoute } from "@/lib/api/handler";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";

export const GET = apiRoute({}, async ({ actor }) => ({ unread: await countUnreadNotifications(actor) }));
