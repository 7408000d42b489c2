import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";

const NOTIFICATIONS_PAGE_SIZE = 30;

/** The actor's own notifications, newest first. API tokens have none. */
export async function listNotifications(actor: Actor, options: { page?: number; unreadOnly?: boolean } = {}) {
  const page = Math.max(1, Math.floor(options.page ?? 1));
  if (actor.kind !== "user") return { items: [], total: 0, unread: 0, page, pageSize: NOTIFICATIONS_PAGE_SIZE };
  const where = { userId: actor.id, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    db().notification.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE, take: NOTIFICATIONS_PAGE_SIZE }),
    db().notification.count({ where }),
    countUnreadNotifications(actor),
  ]);
  return { items, total, unread, page, pageSize: NOTIFICATIONS_PAGE_SIZE };
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  if (actor.kind !== "user") return 0;
  return db().notification.count({ where: { userId: actor.id, readAt: null } });
}
