import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAnonymousAuditEvent } from "@/lib/audit/record-audit-event";
import { hitRateLimit, peekRateLimit, type RateLimitResult } from "@/lib/security/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password";
import { formatTime } from "@/lib/format/date";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 10;
/** Attempts from one client address, whatever the username, per 10 minutes. */
export const CLIENT_ATTEMPTS_PER_WINDOW = 30;
const CLIENT_WINDOW_SECONDS = 600;

const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

export type SignInRequest = { username: string; password: string; ip?: string; userAgent?: string };
export type SignInResult = { ok: true; sessionId: string; userId: number } | { ok: false; message: string };

export function normalizeUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

function signInRateLimitKey(ip: string | undefined): string {
  return `login:ip:${ip ?? "unknown"}`;
}

/** Whether a client address has used up its sign-in attempts (nothing counted). The sign-in route answers 429 then. */
export async function clientSignInAllowance(ip: string): Promise<RateLimitResult> {
  return peekRateLimit(signInRateLimitKey(ip), CLIENT_ATTEMPTS_PER_WINDOW, CLIENT_WINDOW_SECONDS);
}

export function clientRateLimitedMessage(retryAfterSeconds: number): string {
  return `Quá nhiều lần đăng nhập từ máy này. Thử lại sau ${Math.ceil(retryAfterSeconds / 60)} phút.`;
}

/**
 * Checks a username and password. Five failures in a row lock the account for
 * fifteen minutes; every outcome is audited; a client address that tries too
 * many accounts is slowed down as well.
 */
export async function signInWithPassword(request: SignInRequest): Promise<SignInResult> {
  const username = normalizeUsername(request.username ?? "");
  const password = request.password ?? "";
  const meta = { ip: request.ip ?? null, userAgent: request.userAgent?.slice(0, 300) ?? null };
  if (!username || !password || username.length > 64 || password.length > 1024) {
    return { ok: false, message: WRONG_CREDENTIALS };
  }

  const limit = await hitRateLimit(signInRateLimitKey(request.ip), CLIENT_ATTEMPTS_PER_WINDOW, CLIENT_WINDOW_SECONDS);
  if (!limit.allowed) {
    await recordAnonymousAuditEvent(db(), { ...meta, actorLabel: username, action: "auth.login.rate_limited", entityType: "User" });
    return { ok: false, message: clientRateLimitedMessage(limit.retryAfterSeconds) };
  }

  const user = await db().user.findUnique({ where: { username } });
  if (!user) {
    await burnPasswordCheck(password);
    await recordAnonymousAuditEvent(db(), { ...meta, actorLabel: username, action: "auth.login.failed", entityType: "User", details: { reason: "unknown_user" } });
    return { ok: false, message: WRONG_CREDENTIALS };
  }

  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await burnPasswordCheck(password);
    await recordAnonymousAuditEvent(db(), { ...meta, actorLabel: username, actorUserId: user.id, action: "auth.login.refused_locked", entityType: "User", entityId: user.id });
    return { ok: false, message: lockedMessage(user.lockedUntil) };
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    return recordFailure(user.id, username, meta);
  }

  if (!user.active) {
    await recordAnonymousAuditEvent(db(), { ...meta, actorLabel: username, actorUserId: user.id, action: "auth.login.refused_disabled", entityType: "User", entityId: user.id });
    return { ok: false, message: "Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên." };
  }

  const sessionId = crypto.randomBytes(24).toString("base64url");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    await tx.authSession.create({
      data: { id: sessionId, userId: user.id, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000), ip: meta.ip, userAgent: meta.userAgent },
    });
    await recordAnonymousAuditEvent(tx, { ...meta, actorLabel: username, actorUserId: user.id, action: "auth.login.succeeded", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId });
  });
  return { ok: true, sessionId, userId: user.id };
}

async function recordFailure(userId: number, username: string, meta: { ip: string | null; userAgent: string | null }): Promise<SignInResult> {
  return db().$transaction(async (tx) => {
    // Atomic increment: parallel wrong guesses all count.
    const updated = await tx.user.update({ where: { id: userId }, data: { failedLoginCount: { increment: 1 } } });
    await recordAnonymousAuditEvent(tx, { ...meta, actorLabel: username, actorUserId: userId, action: "auth.login.failed", entityType: "User", entityId: userId, details: { failedLoginCount: updated.failedLoginCount } });
    if (updated.failedLoginCount < MAX_FAILED_LOGINS) {
      const left = MAX_FAILED_LOGINS - updated.failedLoginCount;
      return { ok: false, message: `${WRONG_CREDENTIALS} Còn ${left} lần thử trước khi tài khoản bị tạm khóa.` } as const;
    }
    const lockedUntil = new Date(Date.now() + LOCKOUT_MINUTES * 60_000);
    await tx.user.update({ where: { id: userId }, data: { lockedUntil, failedLoginCount: 0 } });
    await recordAnonymousAuditEvent(tx, { ...meta, actorLabel: username, actorUserId: userId, action: "auth.account.locked", entityType: "User", entityId: userId, details: { lockedUntil: lockedUntil.toISOString() } });
    return { ok: false, message: lockedMessage(lockedUntil) } as const;
  });
}

function lockedMessage(until: Date): string {
  return `Tài khoản tạm khóa do nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần. Thử lại sau ${formatTime(until)}.`;
}

export async function revokeSession(sessionId: string, reason: "signout" | "admin" = "signout"): Promise<void> {
  const session = await db().authSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt) return;
  await db().$transaction(async (tx) => {
    await tx.authSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    await recordAnonymousAuditEvent(tx, {
      actorLabel: session.user.username,
      actorUserId: session.userId,
      action: reason === "signout" ? "auth.logout" : "auth.session.revoked",
      entityType: "User",
      entityId: session.userId,
    });
  });
}
