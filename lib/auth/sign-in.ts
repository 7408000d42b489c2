import "server-only";
import crypto from "node:crypto";
import { db, type Tx } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { recordAnonymousAuditEvent } from "@/lib/audit/record-audit-event";
import { createNotification } from "@/lib/notifications/create-notification";
import { hitRateLimit, peekRateLimit, refundRateLimit, type RateLimitResult } from "@/lib/security/rate-limit";
import { formatDateTime } from "@/lib/format/date";
import { burnPasswordCheck, verifyPassword } from "./password";
import { deviceCookieAfterSignIn, deviceCookieTrusts } from "./device-cookie";
import { SIGN_IN_FAILED_MESSAGE, TOO_MANY_ATTEMPTS_MESSAGE } from "./sign-in-messages";

export const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 10;
/** Failed sign-ins from one client address, whatever the usernames, per 10-minute window. Successes never count. */
export const CLIENT_FAILURES_PER_WINDOW = 30;
const CLIENT_WINDOW_SECONDS = 600;

export type SignInRequest = {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
  /** The browser's device cookie (lib/auth/device-cookie.ts), if it sent one. */
  deviceCookie?: string;
};
export type SignInFailureCode = "CredentialsSignin" | "TooManyAttempts";
export type SignInResult =
  | { ok: true; sessionId: string; userId: number; deviceCookie: string | null }
  | { ok: false; code: SignInFailureCode; message: string };

/** `during` names a check that is not a sign-in (the current password on "change password"), for the audit trail. */
type AuditMeta = { ip: string | null; userAgent: string | null; during?: "password_change" };

// Locks, sessions and rate-limit windows run on the real time, like the session
// check (lib/auth/session.ts): a demo served as of another day (APP_CLOCK in
// lib/clock.ts) must not open sessions that are already over or last a year.
const securityNow = () => new Date();

// Every failure gets this one answer, whether the username exists, the
// password is wrong, the account is locked or disabled: the answer must not
// tell an outsider which usernames are real. The owner learns of a lock at the
// next successful sign-in (a notification) and the administrator in the user list.
const FAILED: SignInResult = { ok: false, code: "CredentialsSignin", message: SIGN_IN_FAILED_MESSAGE };

function normalizeUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

function clientFailuresKey(ip: string | undefined): string {
  return `login:fail:${ip ?? "unknown"}`;
}

/**
 * Whether a sign-in from this address may go ahead (nothing counted): the
 * address has failures left, or the browser's device cookie names the account.
 * The sign-in route answers 429 otherwise, before any password is hashed.
 */
export async function clientSignInAllowance(ip: string, username: string, deviceCookie: string | undefined): Promise<RateLimitResult & { trustedDevice: boolean }> {
  const trustedDevice = deviceCookieTrusts(deviceCookie, normalizeUsername(username));
  const window = await peekRateLimit(clientFailuresKey(ip), CLIENT_FAILURES_PER_WINDOW, CLIENT_WINDOW_SECONDS);
  return { ...window, allowed: trustedDevice || window.allowed, trustedDevice };
}

/** The 429 body's message, with the wait; the form shows TOO_MANY_ATTEMPTS_MESSAGE for the code. */
export function clientRateLimitedMessage(retryAfterSeconds: number): string {
  return `Quá nhiều lần đăng nhập sai từ máy này. Thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`;
}

export type PasswordAttempt<T> =
  | { outcome: "unknown" }
  | { outcome: "locked"; user: User }
  | { outcome: "wrong"; user: User; lockedUntil: Date | null }
  | { outcome: "correct"; user: User; value: T };

/**
 * Checks a password of one account, one attempt at a time per account: the
 * user's row is locked (FOR NO KEY UPDATE, which leaves foreign keys to it
 * free) for the whole check, so a burst of parallel attempts queues up and at
 * most MAX_FAILED_LOGINS wrong passwords are ever evaluated per lock period.
 * The lock is read after the row lock is held, so it is current when the
 * password is checked and when `onCorrect` (which creates the session, in the
 * same transaction) runs. Wrong passwords count; the fifth locks the account
 * for LOCKOUT_MINUTES. While locked, nothing is evaluated and nothing counted.
 * Used by sign-in and by "change password" (its current password).
 */
export async function attemptPassword<T>(
  account: { username: string } | { id: number },
  password: string,
  meta: AuditMeta,
  onCorrect: (tx: Tx, user: User) => Promise<T>,
): Promise<PasswordAttempt<T>> {
  const attempt = await db().$transaction(async (tx): Promise<PasswordAttempt<T>> => {
    const rows =
      "username" in account
        ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE username = ${account.username} FOR NO KEY UPDATE`
        : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "User" WHERE id = ${account.id} FOR NO KEY UPDATE`;
    if (!rows.length) return { outcome: "unknown" };
    const user = await tx.user.findUniqueOrThrow({ where: { id: rows[0].id } });
    const { during, ...where } = meta;
    const audit = { ...where, actorLabel: user.username, actorUserId: user.id, entityType: "User", entityId: user.id };
    const at = securityNow();
    if (user.lockedUntil && user.lockedUntil > at) {
      await recordAnonymousAuditEvent(tx, { ...audit, action: "auth.login.refused_locked" });
      return { outcome: "locked", user };
    }
    if (await verifyPassword(user.passwordHash, password)) return { outcome: "correct", user, value: await onCorrect(tx, user) };

    // A lock that has run out starts a new period; its lockedUntil stays (in the
    // past) until the next success, which tells the owner about it.
    const previous = user.lockedUntil && user.failedLoginCount >= MAX_FAILED_LOGINS ? 0 : user.failedLoginCount;
    const failedLoginCount = previous + 1;
    const lockedUntil = failedLoginCount >= MAX_FAILED_LOGINS ? new Date(at.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount, ...(lockedUntil ? { lockedUntil } : {}) } });
    await recordAnonymousAuditEvent(tx, { ...audit, action: "auth.login.failed", details: { failedLoginCount, ...(during ? { during } : {}) } });
    if (lockedUntil) await recordAnonymousAuditEvent(tx, { ...audit, action: "auth.account.locked", details: { lockedUntil: lockedUntil.toISOString() } });
    return { outcome: "wrong", user, lockedUntil };
  });
  // Unknown and locked accounts cost the same time as a real check.
  if (attempt.outcome === "unknown" || attempt.outcome === "locked") await burnPasswordCheck(password);
  return attempt;
}

/**
 * Signs in with a username and password. Limits, after OWASP's
 * Authentication Cheat Sheet: per account, five wrong passwords lock it for
 * fifteen minutes (attemptPassword); per client address, CLIENT_FAILURES_PER_WINDOW
 * failures per window, except for a browser whose device cookie names the
 * account. A successful sign-in never uses up a limit. Every outcome is audited.
 */
export async function signInWithPassword(request: SignInRequest): Promise<SignInResult> {
  const username = normalizeUsername(request.username ?? "");
  const password = request.password ?? "";
  const meta: AuditMeta = { ip: request.ip ?? null, userAgent: request.userAgent?.slice(0, 300) ?? null };
  if (!username || !password || username.length > 64 || password.length > 1024) return FAILED;

  // The address's failure slot is taken before the slow check, so parallel
  // attempts cannot overshoot the limit, and given back when the attempt succeeds.
  const trustedDevice = deviceCookieTrusts(request.deviceCookie, username);
  const reserved = trustedDevice ? null : await hitRateLimit(clientFailuresKey(request.ip), CLIENT_FAILURES_PER_WINDOW, CLIENT_WINDOW_SECONDS);
  if (reserved && !reserved.allowed) {
    await recordAnonymousAuditEvent(db(), { ...meta, actorLabel: username, action: "auth.login.rate_limited", entityType: "User" });
    return { ok: false, code: "TooManyAttempts", message: TOO_MANY_ATTEMPTS_MESSAGE };
  }

  const sessionId = crypto.randomBytes(24).toString("base64url");
  const attempt = await attemptPassword({ username }, password, meta, async (tx, user) => {
    if (!user.active) {
      await recordAnonymousAuditEvent(tx, { ...meta, actorLabel: username, actorUserId: user.id, action: "auth.login.refused_disabled", entityType: "User", entityId: user.id });
      return false;
    }
    const at = securityNow();
    if (user.lockedUntil) await noticeOfLock(tx, user, user.lockedUntil);
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: at } });
    await tx.authSession.create({
      data: { id: sessionId, userId: user.id, expiresAt: new Date(at.getTime() + SESSION_HOURS * 3_600_000), ip: meta.ip, userAgent: meta.userAgent },
    });
    await recordAnonymousAuditEvent(tx, { ...meta, actorLabel: username, actorUserId: user.id, action: "auth.login.succeeded", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId, details: { trustedDevice } });
    return true;
  });

  if (attempt.outcome === "unknown") {
    await recordAnonymousAuditEvent(db(), { ...meta, actorLabel: username, action: "auth.login.failed", entityType: "User", details: { reason: "unknown_user" } });
  }
  if (attempt.outcome === "correct" && attempt.value) {
    if (reserved) await refundRateLimit(clientFailuresKey(request.ip), reserved.windowStart);
    return { ok: true, sessionId, userId: attempt.user.id, deviceCookie: deviceCookieAfterSignIn(request.deviceCookie, username) };
  }
  return FAILED;
}

/** The owner hears of a lock at the next successful sign-in, where an outsider cannot ask. */
async function noticeOfLock(tx: Tx, user: User, lockedUntil: Date): Promise<void> {
  const lockedAt = new Date(lockedUntil.getTime() - LOCKOUT_MINUTES * 60_000);
  await createNotification(tx, {
    userIds: [user.id],
    kind: "account.locked",
    title: `Tài khoản của bạn đã bị tạm khóa lúc ${formatDateTime(lockedAt)} vì nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần`,
    body: `Khóa ${LOCKOUT_MINUTES} phút, đến ${formatDateTime(lockedUntil)}. Nếu không phải bạn nhập sai, có người đang đoán mật khẩu của bạn: hãy đổi mật khẩu.`,
    href: "/account",
  });
}

export async function revokeSession(sessionId: string, reason: "signout" | "admin" = "signout"): Promise<void> {
  const session = await db().authSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt) return;
  await db().$transaction(async (tx) => {
    await tx.authSession.update({ where: { id: sessionId }, data: { revokedAt: securityNow() } });
    await recordAnonymousAuditEvent(tx, {
      actorLabel: session.user.username,
      actorUserId: session.userId,
      action: reason === "signout" ? "auth.logout" : "auth.session.revoked",
      entityType: "User",
      entityId: session.userId,
    });
  });
}
