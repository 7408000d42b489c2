// npm run bench:page-cost [-- --runs 100] — where one request of each city page spends its time,
// on a database that already holds the city data set (DATABASE_URL; `npm run seed -- --reset
// --scale city` makes one; it only reads, sign-ins aside). Starts the production server, signs in,
// and sends each page one request at a time: the server's CPU per request (Linux, from /proc), and,
// when PostgreSQL loads pg_stat_statements (shared_preload_libraries), the statements per request
// and PostgreSQL's time executing and planning them. Under 8 concurrent users on 2 cores a page's
// p95 follows its CPU per request (node and PostgreSQL together), not its latency alone.
import fs from "node:fs";
import pg from "pg";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { ensureProductionBuild } from "../lib/build";
import { allowMoreSignIns, signIn, startAppServer } from "../lib/app-server";
import { option, percentile } from "../lib/bench";

const RUNS = Number(option("runs") ?? 100);
const WARMUPS = 5;
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time of a process so far, in ms (user + system). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Cần DATABASE_URL của một cơ sở dữ liệu đã nạp dữ liệu thành phố.");
  ensureProductionBuild();
  const { authSecret } = await prepareDatabase(url, { seedDemoWhenEmpty: false, log: () => undefined });
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const one = async <T>(sql: string) => (await raw.query(sql)).rows[0] as T;
  const statements = await raw.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`).then(
    () => raw.query(`SELECT 1 FROM pg_stat_statements LIMIT 1`).then(() => true),
    () => false,
  );
  const city = await one<{ id: number }>(`SELECT id FROM "OrgUnit" WHERE "parentId" IS NULL AND "validTo" IS NULL ORDER BY id LIMIT 1`);
  const ward = await one<{ id: number }>(`SELECT id FROM "OrgUnit" WHERE code = 'LB-BD'`);
  const { period } = await one<{ period: string }>(`SELECT max(period) AS period FROM "Draft"`);
  const meetingPeriod = addMonths(currentPeriod(), -1); // as `npm run bench`
  await allowMoreSignIns(url);
  const server = await startAppServer(url, { NEXTAUTH_SECRET: authSecret });
  try {
    const leader = await signIn(server.baseUrl, "lanhdao-thanhpho");
    const board = await signIn(server.baseUrl, "bantochuc");
    const pages: [string, string, string][] = [
      ["health (the bench's baseline)", "/api/v1/health", ""],
      ["floor: account page", "/account", board],
      ["drafts queue of a ward", `/drafts?period=${period}&orgUnitId=${ward.id}`, board],
      ["dashboard (city node)", `/dashboard/${city.id}`, leader],
      ["meetings compliance (whole scope)", `/meetings?period=${meetingPeriod}`, leader],
      ["home, city leader", "/", leader],
    ];
    console.log(`| request (${RUNS} one at a time) | latency p50 ms | server CPU ms / request | statements / request | PostgreSQL ms / request | body kB |`);
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const [name, path, cookie] of pages) {
      const get = async () => {
        const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
        return (await response.text()).length;
      };
      for (let i = 0; i < WARMUPS; i++) await get();
      if (statements) await raw.query(`SELECT pg_stat_statements_reset()`);
      const cpuBefore = cpuMs(server.child.pid!);
      const latencies: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        bytes = await get();
        latencies.push(performance.now() - started);
      }
      const cpu = (cpuMs(server.child.pid!) - cpuBefore) / RUNS;
      const db = statements
        ? await one<{ calls: number; ms: number }>(
            `SELECT coalesce(sum(calls), 0)::float8 AS calls, coalesce(sum(total_exec_time + total_plan_time), 0)::float8 AS ms FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'`,
          )
        : undefined;
      const perRequest = (value: number | undefined) => (value === undefined ? "–" : (value / RUNS).toFixed(1));
      console.log(`| ${name} | ${percentile(latencies, 50).toFixed(1)} | ${cpu.toFixed(1)} | ${perRequest(db?.calls)} | ${perRequest(db?.ms)} | ${(bytes / 1000).toFixed(0)} |`);
    }
  } finally {
    await server.stop();
    await raw.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
