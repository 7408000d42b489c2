import type { Actor } from "@/lib/auth/actor";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { BellLink } from "./bell-link";
import { sessionContextOf } from "@/lib/auth/session-context";

/** The bell in the top bar with the number of unread notifications. */
export async function NotificationBell({ actor }: { actor: Actor }) {
  // Counted by the session query of a signed-in user; queried only for other actors.
  const unread = sessionContextOf(actor)?.unreadNotifications ?? (await countUnreadNotifications(actor));
  return <BellLink initialCount={unread} />;
}
