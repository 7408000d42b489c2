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
import { PasswordChangeRequiredError } from "@/lib/errors";

const TOUCH_AFTER_MS = 5 * 60_000;

type SessionState = { actor: Actor; mustChangePassword: boolean };

/** The session of this request, checked against the database; null when signed out, revoked or disabled. */
const resolveSession = cache(async (): Promise<SessionState | null> => {
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
  const actor = actorFromUser(record.user, { ip: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders) });
  return { actor, mustChangePassword: record.user.mustChangePassword };
});

type SessionOptions = {
  /**
   * Let a user with a temporary password through: only the account page and the
   * change-password action (signing out is next-auth's own endpoint).
   */
  allowPasswordChangePending?: boolean;
};

/**
 * The signed-in user of this request, or null. A user whose password was set by
 * an administrator and not yet changed gets PasswordChangeRequiredError (403
 * in the API, a refusal in actions) unless the caller allows it: this is the
 * one place the rule is enforced, for pages, actions and the API alike.
 */
export async function getSessionActor(options: SessionOptions = {}): Promise<Actor | null> {
  const state = await resolveSession();
  if (!state) return null;
  if (state.mustChangePassword && !options.allowPasswordChangePending) throw new PasswordChangeRequiredError();
  return state.actor;
}

/** For pages: the actor, or a redirect to the sign-in page (signed out) or to the account page (temporary password). */
export async function requireSessionActor(options: SessionOptions = {}): Promise<Actor> {
  const state = await resolveSession();
  if (!state) redirect("/login");
  if (state.mustChangePassword && !options.allowPasswordChangePending) redirect("/account?batBuoc=1");
  return state.actor;
}

export async function getSessionUserFlags(actor: Actor): Promise<{ mustChangePassword: boolean }> {
  if (actor.kind !== "user") return { mustChangePassword: false };
  const state = await resolveSession();
  if (state?.actor.id === actor.id) return { mustChangePassword: state.mustChangePassword };
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { mustChangePassword: true } });
  return { mustChangePassword: user?.mustChangePassword ?? false };
}
