// PostgreSQL client tools (pg_dump, pg_restore) for backup and restore. The
// embedded server ships none; Debian's postgresql-client does, and its major
// version must not be older than the server's (docs/database.md).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

function candidates(tool: string): string[] {
  const fromPath = (process.env.PATH ?? "").split(path.delimiter).map((dir) => path.join(dir, tool));
  const debian = fs.existsSync("/usr/lib/postgresql")
    ? fs
        .readdirSync("/usr/lib/postgresql")
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join("/usr/lib/postgresql", version, "bin", tool))
    : [];
  return [...(process.env.PG_BIN_DIR ? [path.join(process.env.PG_BIN_DIR, tool)] : []), ...debian, ...fromPath].filter((file) => fs.existsSync(file));
}

function majorOf(versionOutput: string): number {
  const match = /(\d+)(?:\.\d+)?/.exec(versionOutput.replace(/^[^0-9]*/, ""));
  return match ? Number(match[1]) : 0;
}

export async function serverMajorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/** The newest installed copy of `tool` able to talk to a server of `serverMajor`. */
export function findPgTool(tool: "pg_dump" | "pg_restore" | "psql" | "pg_basebackup", serverMajor: number): string {
  for (const file of candidates(tool)) {
    const major = majorOf(execFileSync(file, ["--version"], { encoding: "utf8" }));
    if (major >= serverMajor) return file;
  }
  throw new Error(
    `Không tìm thấy ${tool} phiên bản ${serverMajor} trở lên. Cài gói postgresql-client (Debian: apt-get install postgresql-client) ` +
      `hoặc đặt PG_BIN_DIR tới thư mục chứa ${tool}.`,
  );
}
