// npm run bench:import — the member import of the whole city against a plain
// COPY of the same file, on a database that already holds the city data set
// (DATABASE_URL; `npm run seed -- --reset --scale city` makes one). The same
// rows as `npm run bench` (import rows), without the rest of the bench.
// Writes to that database: run it on a copy.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import os from "node:os";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Cần DATABASE_URL của một cơ sở dữ liệu đã nạp dữ liệu thành phố (bản sao: lệnh này ghi vào đó).");
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { actorFromUser } = await import("@/lib/auth/actor-from-user");
  const { runImport } = await import("@/lib/imports/run-import");
  const { findImportDefinition } = await import("@/lib/imports/registry");
  const admin = actorFromUser(await db().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
  const { memberFileOfCity } = await import("./member-file");
  const { csv, rows } = await memberFileOfCity(raw);
  log(`tệp đảng viên: ${rows.toLocaleString("vi-VN")} dòng, ${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MB`);
  const timed = async (fn: () => Promise<unknown>) => {
    const startedAt = performance.now();
    await fn();
    return performance.now() - startedAt;
  };
  const copy = () =>
    timed(async () => {
      await raw.query(`CREATE TEMP TABLE bench_members (code text, branch text, name text, status text, eligible text, installed text, gender text, born text, joined text)`);
      await pipeline(Readable.from([csv]), raw.query(copyFrom(`COPY bench_members FROM STDIN WITH (FORMAT csv, HEADER true)`)));
      await raw.query(`DROP TABLE bench_members`);
    });
  const members = findImportDefinition("members")!;
  const results: Record<string, number | string> = { load: os.loadavg()[0].toFixed(2) };
  results.copy1 = await copy();
  results.dryRun = await timed(() => runImport(admin, members, { text: csv, dryRun: true }));
  results.import = await timed(async () => log(JSON.stringify(await runImport(admin, members, { text: csv, dryRun: false })).slice(0, 300)));
  results.again = await timed(() => runImport(admin, members, { text: csv, dryRun: false }));
  results.copy2 = await copy();
  const baseline = Math.min(Number(results.copy1), Number(results.copy2));
  for (const [name, value] of Object.entries(results)) log(`${name}: ${typeof value === "number" ? `${(value / 1000).toFixed(2)} s${name.startsWith("copy") ? "" : ` (${(value / baseline).toFixed(2)}× COPY)`}` : value}`);
  await raw.end();
  await disconnectDb();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
