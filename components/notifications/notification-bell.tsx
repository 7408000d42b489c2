import type { Actor } from "@/lib/auth/actor";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { BellLink } from "./bell-link";

/** The bell in the top bar with the number of unread notifications. */
export async function NotificationBell({ actor }: { actor: Actor }) {
  const unread = await countUnreadNotifications(actor);
  return <BellLink initialCount={unread} />;
}
