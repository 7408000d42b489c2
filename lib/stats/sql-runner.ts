import "server-only";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
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
