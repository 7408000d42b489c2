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
import { Prisma, type AuthSession, type OrgUnit, type User } from "@/lib/generated/prisma/client";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { rememberSessionContext } from "./session-context";

const TOUCH_AFTER_MS = 5 * 60_000;

type SessionState = { actor: Actor; mustChangePassword: boolean };

type SessionRow = Pick<User, "username" | "displayName" | "role" | "orgUnitId" | "active" | "mustChangePassword"> &
  Pick<AuthSession, "revokedAt" | "expiresAt" | "lastSeenAt"> & { userId: number; unitPath: string; unitLevel: OrgLevel; unread: number; root: OrgUnit | null };

const ROOT_COLUMNS = Prisma.sql`t.id, t.code, t.name, t.level, t."parentId", t.path, t.depth,
  to_char(t."validFrom", 'YYYY-MM-DD') AS "validFrom", to_char(t."validTo", 'YYYY-MM-DD') AS "validTo",
  to_char(t."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", to_char(t."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

/**
 * The session of this request, checked against the database; null when signed out, revoked or disabled.
 * One round trip loads the session, its user, the scope root and the shell's unread count together.
 */
const resolveSession = cache(async (): Promise<SessionState | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  const [record] = await db().$queryRaw<SessionRow[]>`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt",
      u.id AS "userId", u.username, u."displayName", u.role, u."orgUnitId", u.active, u."mustChangePassword",
      o.path AS "unitPath", o.level AS "unitLevel",
      (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread,
      -- The scope root as getScopeRoot returns it: the user's unit, or the top of the tree for administrators.
      (SELECT to_jsonb(r) FROM (
         SELECT ${ROOT_COLUMNS} FROM "OrgUnit" t WHERE u.role <> 'ADMIN' AND t.id = o.id
         UNION ALL
         (SELECT ${ROOT_COLUMNS} FROM "OrgUnit" t WHERE u.role = 'ADMIN' AND t."parentId" IS NULL AND t."validTo" IS NULL ORDER BY t.id LIMIT 1)
       ) r LIMIT 1) AS root
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId" JOIN "OrgUnit" o ON o.id = u."orgUnitId"
    WHERE s.id = ${session.sid}`;
  const now = new Date();
  if (!record || record.revokedAt || record.expiresAt <= now || !record.active) return null;
  if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db().authSession.update({ where: { id: session.sid }, data: { lastSeenAt: now } });
  }
  const requestHeaders = await headers();
  const user = { id: record.userId, username: record.username, displayName: record.displayName, role: record.role, orgUnitId: record.orgUnitId, orgUnit: { path: record.unitPath, level: record.unitLevel } };
  const actor = actorFromUser(user, { ip: clientAddress(requestHeaders), userAgent: userAgentOf(requestHeaders) });
  rememberSessionContext(actor, { scopeRoot: record.root ? orgUnitFromJson(record.root) : null, unreadNotifications: record.unread });
  return { actor, mustChangePassword: record.mustChangePassword };
});

/** The root row as to_jsonb gives it (dates as text) back in Prisma's shape. */
function orgUnitFromJson(row: OrgUnit): OrgUnit {
  const date = (value: unknown) => (value === null ? null : new Date(String(value).length === 10 ? `${String(value)}T00:00:00.000Z` : String(value)));
  return { ...row, validFrom: date(row.validFrom)!, validTo: date(row.validTo), createdAt: date(row.createdAt)!, updatedAt: date(row.updatedAt)! };
}

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
