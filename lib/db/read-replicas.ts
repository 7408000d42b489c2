import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient, db } from "@/lib/db/client";
import { env } from "@/lib/env";

/**
 * Read replicas (docs/scaling.md). With DATABASE_READ_URLS (comma-separated
 * PostgreSQL URLs of streaming replicas) dashboards and lists read from them,
 * round-robin; everything else, and every write, uses the primary (`db()`).
 * Unset, `readDb()` is simply `db()`: nothing changes.
 *
 * Read-your-own-write: a user who has just written (a form action or an API
 * write with the session cookie) carries the cookie PRIMARY_UNTIL_COOKIE for
 * a few seconds, and their reads stay on the primary meanwhile, so the page a
 * form redirects to shows what was just saved even if a replica lags.
 */
const PRIMARY_UNTIL_COOKIE = "stdv_primary_until";
/** Longer than the replication lag we tolerate; replicas that lag more should be taken out of DATABASE_READ_URLS. */
const READ_YOUR_WRITES_SECONDS = 10;

const holder = globalThis as unknown as { __prismaReplicas?: PrismaClient[]; __prismaReplicaTurn?: number };

export function replicaUrls(): string[] {
  return (env().DATABASE_READ_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

function replicas(): PrismaClient[] {
  if (!holder.__prismaReplicas) holder.__prismaReplicas = replicaUrls().map((url) => createPrismaClient(url, env().DATABASE_POOL_SIZE));
  return holder.__prismaReplicas;
}

/** True when the current request's user wrote in the last few seconds (cookie set by markRecentWrite). */
async function wroteRecently(): Promise<boolean> {
  try {
    const { cookies } = await import("next/headers");
    const until = Number((await cookies()).get(PRIMARY_UNTIL_COOKIE)?.value ?? 0);
    return Number.isFinite(until) && until > Date.now();
  } catch {
    return false; // outside a request (scripts, tests): no session to be consistent for
  }
}

/** The client for dashboards and lists: a replica (round-robin), or the primary when there is none or the user just wrote. */
export async function readDb(options: { primary?: boolean } = {}): Promise<PrismaClient> {
  const pool = replicas();
  if (!pool.length || options.primary || (await wroteRecently())) return db();
  holder.__prismaReplicaTurn = ((holder.__prismaReplicaTurn ?? -1) + 1) % pool.length;
  return pool[holder.__prismaReplicaTurn];
}

/** The cookie value that keeps this user's reads on the primary for READ_YOUR_WRITES_SECONDS. */
export function primaryUntilCookie() {
  return { name: PRIMARY_UNTIL_COOKIE, value: String(Date.now() + READ_YOUR_WRITES_SECONDS * 1000), httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: READ_YOUR_WRITES_SECONDS };
}

/** Called after a successful write in a server action: the next pages this user opens read the primary. */
export async function markRecentWrite(): Promise<void> {
  if (!replicaUrls().length) return;
  try {
    const { cookies } = await import("next/headers");
    const cookie = primaryUntilCookie();
    (await cookies()).set(cookie.name, cookie.value, cookie);
  } catch {
    // outside a request
  }
}
