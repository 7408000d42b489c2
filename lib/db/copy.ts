// Bulk loading with COPY … FROM STDIN (text format): the city data set and
// large imports go through here instead of row-by-row INSERTs.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type CopyValue = string | number | boolean | Date | null | undefined;

function encode(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Streams rows into `table` (quoted identifiers). Returns the number of rows written. */
export async function copyRows(client: pg.ClientBase, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<number> {
  const sql = `COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`;
  const stream = client.query(copyFrom(sql));
  let count = 0;
  function* lines() {
    let batch = "";
    for (const row of rows) {
      batch += `${row.map(encode).join("\t")}\n`;
      count++;
      if (batch.length > 1 << 16) {
        yield batch;
        batch = "";
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(lines()), stream);
  return count;
}

/** After loading explicit ids, move each serial sequence past the largest id. */
export async function resetSequences(client: pg.ClientBase, tables: string[]): Promise<void> {
  for (const table of tables) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`);
  }
}
