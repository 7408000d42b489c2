import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { MarkReadSchema } from "./schemas";

/** Marks the actor's notifications read: `{ ids }` (others' ids are ignored), or `{ all: true }`. */
export async function markNotificationsRead(actor: Actor, raw: unknown): Promise<number> {
  const target = parseInput(MarkReadSchema, raw);
  if (actor.kind !== "user") return 0;
  const ids = (target.ids ?? []).filter((id) => Number.isSafeInteger(id) && id > 0);
  if (!target.all && !ids.length) return 0;
  const { count } = await db().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(target.all ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  return count;
}

/** Opens one notification: marks it read and returns where it leads. */
export async function openNotification(actor: Actor, id: number): Promise<string> {
  if (actor.kind !== "user" || !Number.isSafeInteger(id)) throw new NotFoundError("Không tìm thấy thông báo.");
  const notification = await db().notification.findFirst({ where: { id, userId: actor.id } });
  if (!notification) throw new NotFoundError("Không tìm thấy thông báo.");
  if (!notification.readAt) await db().notification.update({ where: { id }, data: { readAt: new Date() } });
  return notification.href.startsWith("/") && !notification.href.startsWith("//") ? notification.href : "/";
}
