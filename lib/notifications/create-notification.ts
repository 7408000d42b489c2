import "server-only";
import type { Tx } from "@/lib/db/client";

export type NotificationInput = {
  /** Users to notify; duplicates and the acting user (`exceptUserId`) are left out. */
  userIds: number[];
  kind: string;
  title: string;
  body?: string | null;
  /** Where the notification leads in the app. */
  href: string;
  orgUnitId?: number | null;
  exceptUserId?: number | null;
};

/**
 * Writes in-app notifications inside the caller's transaction, so that they
 * exist exactly when the change that caused them commits. Any area may call it.
 */
export async function createNotification(tx: Tx, input: NotificationInput): Promise<number> {
  const userIds = [...new Set(input.userIds)].filter((id) => id !== input.exceptUserId);
  if (!userIds.length) return 0;
  const { count } = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      title: input.title.slice(0, 300),
      body: input.body ? input.body.slice(0, 1_000) : null,
      href: input.href,
      orgUnitId: input.orgUnitId ?? null,
    })),
  });
  return count;
}
