import "server-only";
import crypto from "node:crypto";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseCsv, readCsvLayout, type CsvColumn } from "./csv";
import { stageCsv, type StagedCsv } from "./staging";
// Vietnamese defaults for zod messages the row schemas do not spell out.
import "@/lib/validation/parse";

export type ImportError = { row: number; field?: string; message: string };

type ImportColumn = CsvColumn & { description: string; example: string };

/** State shared by the batches of one import, e.g. to refuse a key already seen in an earlier batch. */
type ImportRun = { state: Map<string, unknown> };

/**
 * What one kind of import (members, attendance, usage) supplies to the
 * shared runner: its columns, how a row is validated, how rows are checked
 * against the database (references in the actor's scope, conflicts), and
 * how accepted rows are written. Rows are independent: a rejected row writes
 * nothing, the accepted ones are written together in one transaction.
 */
export type ImportDefinition<Row, Resolved> = {
  kind: string;
  label: string;
  description: string;
  permission: Permission;
  columns: ImportColumn[];
  rowSchema: z.ZodType<Row>;
  /** Database checks for a batch of valid rows; return the accepted ones and errors for the others. */
  resolve: (actor: Actor, rows: { row: number; value: Row }[], run: ImportRun) => Promise<{ accepted: { row: number; value: Resolved }[]; errors: ImportError[] }>;
  /** Writes accepted rows inside the import's transaction. */
  write: (tx: Tx, actor: Actor, rows: Resolved[]) => Promise<void>;
  maxRows?: number;
  /** One rejected row writes nothing at all (the default writes the accepted rows). */
  allOrNothing?: boolean;
};

/**
 * An import of member-sized files: the file is staged with COPY
 * (lib/imports/staging.ts), checked set-wise in SQL and written set-wise,
 * instead of row by row in JavaScript. Same answers, same all-or-nothing.
 */
export type StagedImportDefinition = Pick<ImportDefinition<unknown, unknown>, "kind" | "label" | "description" | "permission" | "columns" | "maxRows"> & {
  /** Checks every staged row; returns the counts and the first `maxErrors` errors in row order. */
  check: (actor: Actor, staged: StagedCsv, maxErrors: number) => Promise<{ accepted: number; rejected: number; errors: ImportError[] }>;
  /** Writes the accepted rows inside the import's transaction. */
  write: (tx: Tx, actor: Actor, staged: StagedCsv) => Promise<void>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportDefinition = ImportDefinition<any, any> | StagedImportDefinition;

function isStaged(definition: AnyImportDefinition): definition is StagedImportDefinition {
  return !("rowSchema" in definition);
}

type ImportResult = { jobId: string; dryRun: boolean; accepted: number; rejected: number; errors: ImportError[] };

const RESOLVE_BATCH = 5_000;
const MAX_ERRORS_RETURNED = 1_000;
const DEFAULT_MAX_ROWS = 600_000;

type RunOptions = { text: string; dryRun: boolean; jobId?: string; fileName?: string };

function checkRowCount(count: number, definition: AnyImportDefinition): void {
  const maxRows = definition.maxRows ?? DEFAULT_MAX_ROWS;
  if (count > maxRows) throw new ValidationError(`Tệp có ${count.toLocaleString("vi-VN")} dòng, vượt giới hạn ${maxRows.toLocaleString("vi-VN")} dòng mỗi lần nhập.`);
  if (count === 0) throw new ValidationError("Tệp chỉ có dòng tiêu đề, không có dữ liệu.");
}

async function createJob(actor: Actor, definition: AnyImportDefinition, options: RunOptions, jobId: string, totalRows: number): Promise<void> {
  await db().importJob.create({
    data: {
      id: jobId,
      kind: definition.kind,
      dryRun: options.dryRun,
      actorUserId: actor.kind === "user" ? actor.id : null,
      actorTokenId: actor.kind === "token" ? actor.id : null,
      orgUnitId: actor.orgUnitId,
      fileName: options.fileName?.slice(0, 200) ?? null,
      totalRows,
    },
  });
}

async function finishJob(jobId: string, result: ImportResult, totalRows: number): Promise<void> {
  await db().importJob.update({
    where: { id: jobId },
    data: { status: "SUCCEEDED", processedRows: totalRows, accepted: result.accepted, rejected: result.rejected, errors: result.errors.slice(0, 100), finishedAt: new Date() },
  });
}

async function failJob(jobId: string, error: unknown): Promise<void> {
  await db()
    .importJob.update({ where: { id: jobId }, data: { status: "FAILED", message: error instanceof Error ? error.message.slice(0, 500) : "lỗi", finishedAt: new Date() } })
    .catch(() => undefined);
}

/** Writes with the import's audit event in one transaction: all of the accepted rows or none. */
async function writeAtomically(actor: Actor, definition: AnyImportDefinition, jobId: string, options: RunOptions, counts: { accepted: number; rejected: number }, write: (tx: Tx) => Promise<void>): Promise<void> {
  await db().$transaction(
    async (tx) => {
      await write(tx);
      await recordAuditEvent(tx, actor, {
        action: `import.${definition.kind}`,
        entityType: "ImportJob",
        entityId: jobId,
        orgUnitId: actor.orgUnitId,
        details: { accepted: counts.accepted, rejected: counts.rejected, fileName: options.fileName ?? null },
      });
    },
    { timeout: 15 * 60_000, maxWait: 30_000 },
  );
}

/** Runs one import: parse, validate every row, check against the database, write the accepted rows atomically. */
export async function runImport(actor: Actor, definition: AnyImportDefinition, options: RunOptions): Promise<ImportResult> {
  assertCan(actor, definition.permission);
  const jobId = options.jobId && /^[0-9a-f-]{36}$/i.test(options.jobId) ? options.jobId : crypto.randomUUID();
  if (isStaged(definition)) return runStagedImport(actor, definition, options, jobId);
  const { rows } = parseCsv(options.text, definition.columns);
  checkRowCount(rows.length, definition);
  await createJob(actor, definition, options, jobId, rows.length);

  try {
    const errors: ImportError[] = [];
    const valid: { row: number; value: unknown }[] = [];
    for (const { row, values } of rows) {
      const parsed = definition.rowSchema.safeParse(values);
      if (parsed.success) valid.push({ row, value: parsed.data });
      else for (const issue of parsed.error.issues) errors.push({ row, field: issue.path.map(String).join(".") || undefined, message: issue.message });
    }

    const accepted: { row: number; value: unknown }[] = [];
    const run: ImportRun = { state: new Map() };
    for (let start = 0; start < valid.length; start += RESOLVE_BATCH) {
      const result = await definition.resolve(actor, valid.slice(start, start + RESOLVE_BATCH), run);
      accepted.push(...result.accepted);
      errors.push(...result.errors);
      const processed = Math.min(valid.length, start + RESOLVE_BATCH) + (rows.length - valid.length);
      await db().importJob.update({ where: { id: jobId }, data: { processedRows: Math.min(processed, rows.length) } });
    }

    const rejectedRows = new Set(errors.map((error) => error.row)).size;
    errors.sort((a, b) => a.row - b.row);
    // An all-or-nothing import (fees) writes nothing while any row is refused.
    const blocked = !!definition.allOrNothing && errors.length > 0;
    if (!options.dryRun && accepted.length && !blocked) {
      await writeAtomically(actor, definition, jobId, options, { accepted: accepted.length, rejected: rejectedRows }, (tx) =>
        definition.write(tx, actor, accepted.map((entry) => entry.value)),
      );
    }
    const result = { jobId, dryRun: options.dryRun, accepted: blocked && !options.dryRun ? 0 : accepted.length, rejected: rejectedRows, errors: errors.slice(0, MAX_ERRORS_RETURNED) };
    await finishJob(jobId, result, rows.length);
    return result;
  } catch (error) {
    await failJob(jobId, error);
    throw error;
  }
}

/**
 * The staged path: COPY the file into its staging table, check it in SQL
 * (progress: staged, then checked), write the accepted rows in one
 * transaction, drop the staging tables whatever happens.
 */
async function runStagedImport(actor: Actor, definition: StagedImportDefinition, options: RunOptions, jobId: string): Promise<ImportResult> {
  const layout = readCsvLayout(options.text, definition.columns);
  const staged = await stageCsv(layout);
  try {
    checkRowCount(staged.rows, definition);
    await createJob(actor, definition, options, jobId, staged.rows);
    try {
      const { accepted, rejected, errors } = await definition.check(actor, staged, MAX_ERRORS_RETURNED);
      await db().importJob.update({ where: { id: jobId }, data: { processedRows: staged.rows } });
      if (!options.dryRun && accepted) {
        await writeAtomically(actor, definition, jobId, options, { accepted, rejected }, (tx) => definition.write(tx, actor, staged));
      }
      const result = { jobId, dryRun: options.dryRun, accepted, rejected, errors };
      await finishJob(jobId, result, staged.rows);
      return result;
    } catch (error) {
      await failJob(jobId, error);
      throw error;
    }
  } finally {
    await staged.release();
  }
}

/** Progress of an import the actor started (polled by the upload form). */
export async function getImportJob(actor: Actor, jobId: string) {
  const job = /^[0-9a-f-]{36}$/i.test(jobId) ? await db().importJob.findUnique({ where: { id: jobId } }) : null;
  const mine = job && (actor.kind === "user" ? job.actorUserId === actor.id : job.actorTokenId === actor.id);
  if (!job || !mine) throw new NotFoundError("Không tìm thấy lượt nhập dữ liệu.");
  // A job whose process died stays RUNNING; after an hour call it failed (its transaction never committed).
  const stale = job.status === "RUNNING" && Date.now() - job.startedAt.getTime() > 3_600_000;
  return {
    id: job.id,
    kind: job.kind,
    dryRun: job.dryRun,
    status: stale ? "FAILED" : job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    accepted: job.accepted,
    rejected: job.rejected,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
