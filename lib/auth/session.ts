import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import { clientAddress, userAgentOf } from "@/lib/http/client-address";
import { actorFromUser } from "./actor-from-user";

const TOUCH_AFTER_MS = 5 * 60_000;

/** The signed-in user of this request, checked against the database; null when signed out, revoked or disabled. */
export const getSessionActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  const record = await db().authSession.findUnique({
    where: { id: session.sid },
    include: { user: { include: { orgUnit: true } } },
  });
  const now = new Date();
  if (!record || record.revokedAt || record.expiresAt <= now || !record.user.active) return null;
  if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db().authSession.update({ where: { id: record.id }, data: { lastSeenAt: now } });
  }
  const requestHeaders = await headers();
  return actorFromUser(record.user, { ip: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders) });
});

/** For pages: the actor, or a redirect to the sign-in page. */
export async function requireSessionActor(): Promise<Actor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/login");
  return actor;
}

export async function getSessionUserFlags(actor: Actor): Promise<{ mustChangePassword: boolean }> {
  if (actor.kind !== "user") return { mustChangePassword: false };
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { mustChangePassword: true } });
  return { mustChangePassword: user?.mustChangePassword ?? false };
}
