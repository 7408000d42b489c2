import "server-only";
import crypto from "node:crypto";
import { nextAuthSecret } from "@/lib/env";

// OWASP Authentication Cheat Sheet, "device cookies": a browser that has
// signed in to an account before carries a signed cookie naming that account.
// Its attempts on that account skip the per-address limit, so a guesser on the
// same office network (one NAT address) cannot lock colleagues out by using up
// the address's failures. The account's own limit (five wrong passwords, then
// fifteen minutes) still applies to every attempt.
//
// Value: up to DEVICE_COOKIE_ACCOUNTS entries "<base64url username>.<nonce>.<HMAC>",
// newest first, joined by "~" (a shared office computer serves several people).

export const DEVICE_COOKIE_NAME = "so-tay.device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 86_400;
const DEVICE_COOKIE_ACCOUNTS = 5;

function signingKey(): Buffer | null {
  const secret = nextAuthSecret();
  // No secret, no trusted devices: every attempt is limited per address.
  return secret ? crypto.createHmac("sha256", secret).update("device-cookie v1").digest() : null;
}

function mac(key: Buffer, username: string, nonce: string): string {
  return crypto.createHmac("sha256", key).update(`${username}\n${nonce}`).digest("base64url");
}

function entries(value: string | undefined): string[] {
  return (value ?? "").split("~").filter(Boolean).slice(0, DEVICE_COOKIE_ACCOUNTS);
}

function usernameOf(entry: string): string | null {
  const [encoded, nonce, signature] = entry.split(".");
  if (!encoded || !nonce || !signature) return null;
  return Buffer.from(encoded, "base64url").toString("utf8");
}

/** Whether the cookie value holds a valid entry for `username` (already normalized). */
export function deviceCookieTrusts(value: string | undefined, username: string): boolean {
  const key = signingKey();
  if (!key || !value) return false;
  return entries(value).some((entry) => {
    const [encoded, nonce, signature] = entry.split(".");
    if (!encoded || !nonce || !signature || usernameOf(entry) !== username) return false;
    const expected = Buffer.from(mac(key, username, nonce));
    const given = Buffer.from(signature);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  });
}

/** The cookie value after `username` signed in: a fresh entry first, the other accounts' entries kept. */
export function deviceCookieAfterSignIn(value: string | undefined, username: string): string | null {
  const key = signingKey();
  if (!key) return null;
  const nonce = crypto.randomBytes(12).toString("base64url");
  const fresh = `${Buffer.from(username, "utf8").toString("base64url")}.${nonce}.${mac(key, username, nonce)}`;
  const others = entries(value).filter((entry) => usernameOf(entry) !== username);
  return [fresh, ...others].slice(0, DEVICE_COOKIE_ACCOUNTS).join("~");
}

/** The device cookie's value in a Cookie request header. */
export function deviceCookieFrom(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === DEVICE_COOKIE_NAME) return part.slice(index + 1).trim();
  }
  return undefined;
}
