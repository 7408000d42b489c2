import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

// Figures derived from the database, remembered in this process while the revisions they were read
// under hold. A revision ("TreeRevision", "DraftRevision", "HandbookStatRevision") gets a new value, never reused, in the
// transaction that changes what it covers, so a remembered value is served exactly while nothing it
// depends on has changed, whichever instance of the app made the change.

/** The tree's revision as a scalar subquery, to read beside other rows (null right after a wipe). */
export const treeRevisionSql = Prisma.sql`(SELECT revision FROM "TreeRevision" WHERE id = 1)`;
/** The drafts' revision, likewise. */
export const draftRevisionSql = Prisma.sql`(SELECT revision FROM "DraftRevision" WHERE id = 1)`;
/** The handbook roll-up's revision, likewise. */
export const handbookStatRevisionSql = Prisma.sql`(SELECT revision FROM "HandbookStatRevision" WHERE id = 1)`;

export type RememberedValues<T> = { get(key: string): T | undefined; set(key: string, value: T): void; readonly size: number };

/** A bounded memory of values by key: past `limit` entries the oldest written goes first. */
export function rememberedValues<T>(limit: number): RememberedValues<T> {
  const values = new Map<string, T>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.delete(key);
      if (values.size >= limit) values.delete(values.keys().next().value!);
      values.set(key, value);
    },
    get size() {
      return values.size;
    },
  };
}

/** The given revisions read together and joined into one key part; null while any is missing (right after a wipe). */
export async function readRevisions(revisions: Prisma.Sql[]): Promise<string | null> {
  const [row] = await db().$queryRaw<{ revisions: (string | null)[] }[]>`SELECT ARRAY[${Prisma.join(revisions)}] AS revisions`;
  return row.revisions.every((revision) => revision !== null) ? row.revisions.join("|") : null;
}

/** The value remembered under `key`, else `read()` remembered under it; no key: always read. Callers get their own copy. */
export async function recall<T>(memory: RememberedValues<T>, key: string | null, read: () => Promise<T>): Promise<T> {
  const known = key === null ? undefined : memory.get(key);
  if (known !== undefined) return structuredClone(known);
  const value = await read();
  if (key !== null) memory.set(key, structuredClone(value));
  return value;
}
