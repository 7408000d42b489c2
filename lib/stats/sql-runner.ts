import "server-only";
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/periods/period";
import type { Tx } from "@/lib/db/client";

/**
 * Runs Prisma.sql statements on either a Prisma transaction (imports, the API)
 * or a plain pg connection (the demo seed, which writes with COPY on one
 * connection). The roll-up SQL is written once and runs on both.
 */
export type SqlRunner = {
  execute: (query: Prisma.Sql) => Promise<number>;
  rows: <T>(query: Prisma.Sql) => Promise<T[]>;
};

export function prismaRunner(tx: Pick<Tx, "$executeRaw" | "$queryRaw">): SqlRunner {
  return {
    execute: (query) => tx.$executeRaw(query),
    rows: <T>(query: Prisma.Sql) => tx.$queryRaw<T[]>(query),
  };
}

// Dates go to PostgreSQL as ISO strings (UTC), whatever the process time zone.
function pgValues(values: unknown[]): unknown[] {
  return values.map((value) => (value instanceof Date ? value.toISOString() : value));
}

export function pgRunner(client: pg.ClientBase): SqlRunner {
  return {
    execute: async (query) => (await client.query(query.text, pgValues(query.values))).rowCount ?? 0,
    rows: async <T>(query: Prisma.Sql) => (await client.query(query.text, pgValues(query.values))).rows as T[],
  };
}

/**
 * A roll-up kept on write (HandbookStat, MeetingStat): its writers and
 * rebuilds queue up on one advisory lock, and the months it holds are those
 * the top of the tree has rows for.
 */
export function rollupKeptOnWrite(table: "HandbookStat" | "MeetingStat", lockKey: number) {
  const rows = Prisma.raw(`"${table}"`);
  return {
    /** Takes the roll-up's lock until the end of the transaction (re-entrant). */
    async lock(run: SqlRunner): Promise<void> {
      await run.rows(Prisma.sql`SELECT pg_advisory_xact_lock(${lockKey})::text AS locked`);
    },
    /** Months that have roll-ups, oldest first. */
    async periods(run: SqlRunner): Promise<Period[]> {
      const found = await run.rows<{ period: string }>(Prisma.sql`
        SELECT DISTINCT s.period FROM "OrgUnit" r JOIN ${rows} s ON s."orgUnitId" = r.id
        WHERE r."parentId" IS NULL ORDER BY s.period`);
      return found.map((row) => row.period);
    },
  };
}
