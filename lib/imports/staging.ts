import "server-only";
import crypto from "node:crypto";
import os from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { copyRows } from "@/lib/db/copy";
import { pgRunner, type SqlRunner } from "@/lib/stats/sql-runner";
import { parseCsvRecords, type CsvLayout } from "./csv";

// Staging of a CSV file for imports that validate and write set-wise in SQL
// (members; any import of member-sized files). The file goes into a table of
// its own with PostgreSQL's COPY (its CSV parser, at COPY speed), one text
// column per file column and the row number. Tables live in the schema
// "import_staging", unlogged (nothing to recover after a crash) and dropped
// when the import ends; the leftovers of a process that died are dropped by
// the next import after an hour.

const STAGING_SCHEMA = "import_staging";
const LEFTOVER_AGE_MS = 3_600_000;
// Checks are CPU-bound in PostgreSQL: one connection per core, and no more than four so that one import leaves the server to others.
const MAX_PARTS = 4;

/**
 * Storage of the import's tables: scratch that lives for seconds, so no
 * autovacuum (a worker vacuuming a table makes its DROP wait).
 */
export const SCRATCH_STORAGE = Prisma.raw("WITH (autovacuum_enabled = false)");

/** A run of staged rows (`row_no` from … to, inclusive) and the connection that works on it. */
export type StagedPart = { run: SqlRunner; from: number; to: number };

export type StagedCsv = {
  /** The staging table: `row_no` (as a spreadsheet numbers rows, the header is 1) and `c1` … `cN`. */
  table: Prisma.Sql;
  /** Data rows staged. */
  rows: number;
  /** SQL of a field's cell: trimmed text, NULL when empty or when the file has no such column. */
  cell: (field: string) => Prisma.Sql;
  /** A further table of this import (dropped with it), e.g. the checked rows. */
  tableFor: (suffix: string) => Prisma.Sql;
  /** Statements on the staging connection (outside any transaction). */
  run: SqlRunner;
  /**
   * Runs `work` over consecutive runs of rows at once, each on a connection of
   * its own (one per CPU core, at most four; `parts` to choose), and returns
   * each part's result in row order. Each statement commits on its own.
   */
  inParts: <T>(work: (part: StagedPart) => Promise<T>, parts?: number) => Promise<T[]>;
  /** Drops the import's tables and closes the connection. */
  release: () => Promise<void>;
};

// Whitespace trimmed around cells, as csv-parse (trim: true) does for the common ones: few characters keep btrim cheap.
const TRIM_CHARS = "' \\t\\n\\r\\f\\v\\u00a0\\u3000\\ufeff'";

function tableName(startedAt: number): string {
  return `csv_${startedAt}_${crypto.randomBytes(4).toString("hex")}`;
}

/** A connection to the database; an error while it sits idle (the server closed it) fails its next query instead of the process. */
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

/** Row numbers `first` … `last` in `count` consecutive runs of nearly equal length. */
function splitRows(first: number, last: number, count: number): { from: number; to: number }[] {
  const size = Math.ceil((last - first + 1) / count);
  const parts: { from: number; to: number }[] = [];
  for (let from = first; from <= last; from += size) parts.push({ from, to: Math.min(from + size - 1, last) });
  return parts;
}

async function inParts<T>(rows: number, work: (part: StagedPart) => Promise<T>, parts = Math.min(os.availableParallelism(), MAX_PARTS)): Promise<T[]> {
  const runs = splitRows(2, rows + 1, Math.max(1, Math.min(parts, rows)));
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < runs.length; i++) clients.push(await connect());
    // Every part ends before any connection closes: a part still writing would hold its table past the import's DROP.
    const outcomes = await Promise.allSettled(runs.map((range, i) => work({ run: pgRunner(clients[i]), ...range })));
    const failed = outcomes.find((outcome) => outcome.status === "rejected");
    if (failed) throw failed.reason;
    return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

async function dropLeftovers(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'csv\\_%'`, [STAGING_SCHEMA]);
  for (const { name } of rows) {
    const startedAt = Number(/^csv_(\d+)_/.exec(name)?.[1]);
    if (startedAt && Date.now() - startedAt > LEFTOVER_AGE_MS) await client.query(`DROP TABLE IF EXISTS "${STAGING_SCHEMA}"."${name}"`);
  }
}

async function ensureSchema(client: pg.Client): Promise<void> {
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${STAGING_SCHEMA}"`);
  } catch (error) {
    // Two first imports at once: the other one created it.
    if ((error as { code?: string }).code !== "23505" && (error as { code?: string }).code !== "42P06") throw error;
  }
}

/** The file's body in slices for COPY (the header stays: COPY skips it). */
function* slices(text: string): Generator<string> {
  const size = 1 << 20;
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

/** Lines PostgreSQL's CSV COPY would read differently from csv-parse: an end-of-data marker, or a single column (empty lines). */
function copyCanRead(layout: CsvLayout): boolean {
  return layout.header.length > 1 && !/^\\\.\r?$/m.test(layout.text);
}

/**
 * Stages the file: COPY with PostgreSQL's CSV parser; when PostgreSQL refuses
 * the layout (rows of different lengths, empty lines, mixed line ends), the
 * file is read with csv-parse as every import reads it and its rows are
 * copied instead. Either way rows get the numbers a spreadsheet shows.
 */
export async function stageCsv(layout: CsvLayout): Promise<StagedCsv> {
  const startedAt = Date.now();
  const name = tableName(startedAt);
  const qualified = `"${STAGING_SCHEMA}"."${name}"`;
  const width = layout.header.length;
  const columns = Array.from({ length: width }, (_, i) => `c${i + 1}`);
  const client = await connect();
  const created: string[] = [];
  const release = async () => {
    try {
      for (const table of created.reverse()) await client.query(`DROP TABLE IF EXISTS ${table}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  try {
    await ensureSchema(client);
    await dropLeftovers(client);
    // Sorting and grouping half a million codes stays in memory.
    await client.query(`SET work_mem = '256MB'`);
    // row_no from an identity: COPY numbers the records in file order (the header is row 1).
    await client.query(`CREATE UNLOGGED TABLE ${qualified} (row_no int GENERATED ALWAYS AS IDENTITY (START WITH 2), ${columns.map((c) => `${c} text`).join(", ")}) ${SCRATCH_STORAGE.text}`);
    created.push(qualified);
    let rows: number | null = null;
    if (copyCanRead(layout)) {
      try {
        const copy = client.query(copyFrom(`COPY ${qualified} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER '${layout.delimiter}')`));
        await pipeline(Readable.from(slices(layout.text)), copy);
        rows = Number(copy.rowCount);
      } catch (error) {
        // 22P04: rows of another length, an unterminated quote, mixed line ends. Read it the tolerant way below.
        if ((error as { code?: string }).code !== "22P04") throw error;
        await client.query(`TRUNCATE ${qualified}`);
      }
    }
    if (rows === null) {
      const [, ...records] = parseCsvRecords(layout);
      // COPY writes the given row_no even into an identity column. (copyRows quotes the name: schema"."table.)
      rows = await copyRows(
        client,
        `${STAGING_SCHEMA}"."${name}`,
        ["row_no", ...columns],
        records.map((record, index) => [index + 2, ...columns.map((_, i) => record[i])]),
      );
    }
    // Cells of a field: the last non-empty of the columns that map to it (a file may carry a column twice).
    const columnsOf = new Map<string, number[]>();
    layout.fields.forEach((field, i) => field && columnsOf.set(field, [i + 1, ...(columnsOf.get(field) ?? [])]));
    const cell = (field: string) => {
      const indexes = columnsOf.get(field);
      if (!indexes) return Prisma.sql`NULL::text`;
      const parts = indexes.map((i) => `NULLIF(btrim(c${i}, E${TRIM_CHARS}), '')`);
      return Prisma.raw(parts.length === 1 ? parts[0] : `COALESCE(${parts.join(", ")})`);
    };
    const tableFor = (suffix: string) => {
      const other = `"${STAGING_SCHEMA}"."${name}_${suffix.replace(/[^a-z0-9_]/g, "")}"`;
      if (!created.includes(other)) created.push(other);
      return Prisma.raw(other);
    };
    const stagedRows = rows;
    return {
      table: Prisma.raw(qualified),
      rows,
      cell,
      tableFor,
      run: pgRunner(client),
      inParts: (work, parts) => inParts(stagedRows, work, parts),
      release,
    };
  } catch (error) {
    await release();
    throw error;
  }
}
