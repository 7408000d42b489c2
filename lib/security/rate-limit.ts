import "server-only";
import { db } from "@/lib/db/client";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number; windowStart: Date };

/**
 * Fixed-window counter kept in PostgreSQL, so every app instance counts the
 * same requests. One statement, atomic under concurrency.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  if (Math.random() < 0.01) {
    // Old windows are useless; prune now and then instead of running a job.
    await db().rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } } });
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, count, retryAfterSeconds, windowStart };
}

/** Gives back a hit counted by hitRateLimit in `windowStart` (a reserved attempt that turned out not to count). */
export async function refundRateLimit(key: string, windowStart: Date): Promise<void> {
  await db().$executeRaw`
    UPDATE "RateLimitBucket" SET "count" = "count" - 1 WHERE "key" = ${key} AND "windowStart" = ${windowStart} AND "count" > 0`;
}

/** The state of a window without counting a hit (to refuse early, before any work). */
export async function peekRateLimit(key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const bucket = await db().rateLimitBucket.findUnique({ where: { key_windowStart: { key, windowStart } } });
  const count = Number(bucket?.count ?? 0);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count < limit, count, retryAfterSeconds, windowStart };
}
