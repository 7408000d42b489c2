// npm run bench:meetings [-- --iterations 20] [--scale district|city] [--no-http]
// Timing of the meetings area at district and city scale (docs/benchmarks.md).
// Each scale runs in its own child process on its own throwaway database
// (seeded like `npm run seed -- --scale …`), so lib/ connects to that one.
// Measures the queries of the compliance view and its neighbours in-process,
// and the compliance page over HTTP against the production build.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { openThrowawayDatabase, PROJECT_ROOT } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "@/prisma/seed";
import { DEFAULT_DEMO_PASSWORD } from "@/prisma/seed/district";
import { ensureProductionBuild } from "../lib/build";
import { startAppServer, type AppServer } from "../lib/app-server";
import { measure, option, type Timing } from "../lib/bench";

async function runScale(scale: "district" | "city", iterations: number, http: boolean): Promise<void> {
  const log = (message: string) => process.stderr.write(`[${scale}] ${message}\n`);
  const database = await openThrowawayDatabase(log);
  let server: AppServer | undefined;
  try {
    const prepared = await prepareDatabase(database.url, { seedDemoWhenEmpty: false });
    let stepStarted = 0;
    let stepSeconds = 0;
    const seedStarted = Date.now();
    await seedDemo(database.url, {
      scale,
      passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD),
      log: (message) => {
        if (message.startsWith("Dữ liệu demo: sinh hoạt")) stepStarted = Date.now();
        if (stepStarted && !stepSeconds && message.startsWith("Điểm danh:")) stepSeconds = (Date.now() - stepStarted) / 1000;
        log(message);
      },
    });
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    process.env.DATABASE_URL = database.url;
    // A running database has been vacuumed by autovacuum (visibility map set: index-only scans);
    // a database COPY'd a second ago has not. Measure the steady state.
    const pg = await import("pg");
    const maintenance = new pg.default.Client({ connectionString: database.url });
    await maintenance.connect();
    await maintenance.query("VACUUM (ANALYZE)");
    await maintenance.end();

    // Loaded now that DATABASE_URL points at this scale's database.
    const { db } = await import("@/lib/db/client");
    const { actorFromUser } = await import("@/lib/auth/actor-from-user");
    const { currentPeriod, previousPeriod } = await import("@/lib/periods/period");
    const { getBranchHeatMap, getComplianceByChild, getComplianceOverview } = await import("@/lib/meetings/compliance");
    const { findDataQualityAlerts } = await import("@/lib/meetings/data-quality-alerts");
    const { findAbsenceFlags } = await import("@/lib/members/find-absence-flags");
    const { recordMeeting } = await import("@/lib/meetings/record-meeting");
    const { getRecordingRoster } = await import("@/lib/meetings/recording-roster");

    const actor = async (username: string) => actorFromUser(await db().user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } }));
    const board = await actor("bantochuc");
    const ward = await actor("phuong-bo-de");
    const cityLeader = await actor("lanhdao-thanhpho");
    const secretary = await actor("chibo-lb-bd-05");
    const period = currentPeriod();
    const year = Number(period.slice(0, 4));
    const counts = await db().$queryRaw<{ meetings: number; rows: number; branches: number }[]>`
      SELECT (SELECT count(*)::int FROM "Meeting") AS meetings, (SELECT count(*)::int FROM "Attendance") AS rows,
             (SELECT count(*)::int FROM "OrgUnit" WHERE level = 'BRANCH') AS branches`;

    const results: Timing[] = [];
    results.push(await measure("compliance view data, district (overview + alerts, as the page)", iterations, () => Promise.all([getComplianceOverview(board, { period }), findDataQualityAlerts(board, { period })])));
    results.push(await measure("GET /meetings/compliance data, district (one period)", iterations, () => getComplianceByChild(board, { period })));
    results.push(await measure("branch × month heat map, district, page 1 of 40", iterations, () => getBranchHeatMap(board, { period, pageSize: 40 })));
    results.push(await measure("compliance view data, one ward", iterations, () => Promise.all([getComplianceOverview(ward, { period }), findDataQualityAlerts(ward, { period })])));
    results.push(await measure("data-quality alerts, district, last month", iterations, () => findDataQualityAlerts(board, { period: previousPeriod(period) })));
    results.push(await measure("members absent 3+ months, district, this year (page 1)", iterations, () => findAbsenceFlags(board, { year })));
    if (scale === "city") {
      results.push(await measure("compliance view data, whole city (30 districts)", iterations, () => Promise.all([getComplianceOverview(cityLeader, { period }), findDataQualityAlerts(cityLeader, { period })])));
      results.push(await measure("GET /meetings/compliance data, whole city", iterations, () => getComplianceByChild(cityLeader, { period })));
      results.push(await measure("branch × month heat map, whole city (16.762 branches), page 1", Math.max(5, Math.floor(iterations / 2)), () => getBranchHeatMap(cityLeader, { period, pageSize: 40 })));
    }
    const roster = await getRecordingRoster(secretary, secretary.orgUnitId, period, "REGULAR");
    const heldOn = roster.meeting?.heldOn ?? roster.today;
    const attendance = roster.members.filter((m) => m.status !== "EXEMPT" && m.joinedBranchOn <= heldOn && (!m.leftBranchOn || m.leftBranchOn > heldOn)).map((m) => ({ memberId: m.id, status: "PRESENT" as const }));
    results.push(
      await measure("PUT /meetings data (record a meeting, 1 write + audit)", iterations, (i) =>
        recordMeeting(secretary, { branchId: secretary.orgUnitId, period, kind: "REGULAR", heldOn, usedHandbook: i % 2 === 0, attendance }),
      ),
    );

    if (http) {
      server = await startAppServer(database.url, { NEXTAUTH_SECRET: prepared.authSecret });
      const { baseUrl } = server;
      process.env.E2E_BASE_URL = baseUrl;
      const { signInOverHttp } = await import("../../tests/support/http");
      const page = async (username: string, url: string) => {
        const { session } = await signInOverHttp(username, DEFAULT_DEMO_PASSWORD);
        return async () => {
          const response = await fetch(`${baseUrl}${url}`, { headers: { cookie: session.cookie } });
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          await response.text();
        };
      };
      results.push(await measure("HTTP GET /meetings (district board, full page)", iterations, await page("bantochuc", `/meetings?period=${period}`)));
      results.push(await measure("HTTP GET /api/v1/meetings/compliance (district board)", iterations, await page("bantochuc", `/api/v1/meetings/compliance?period=${period}`)));
      if (scale === "city") results.push(await measure("HTTP GET /meetings (city leader, full page)", iterations, await page("lanhdao-thanhpho", `/meetings?period=${period}`)));
    }

    const summary = { scale, period, seedSeconds, meetingsStepSeconds: stepSeconds, ...counts[0], results };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(summary)}\n`);
    await db().$disconnect();
  } finally {
    await server?.stop();
    await database.release();
  }
}

function printTable(summary: { scale: string; period: string; seedSeconds: number; meetingsStepSeconds: number; meetings: number; rows: number; branches: number; results: Timing[] }) {
  console.log(`\n## ${summary.scale}: ${summary.branches.toLocaleString("en")} branches, ${summary.meetings.toLocaleString("en")} meetings, ${summary.rows.toLocaleString("en")} attendance rows, period ${summary.period}`);
  console.log(`seed ${summary.seedSeconds.toFixed(1)} s in all, of which meetings step ${summary.meetingsStepSeconds.toFixed(1)} s\n`);
  console.log("| what | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|");
  for (const r of summary.results) console.log(`| ${r.name} | ${r.n} | ${r.p50} | ${r.p95} | ${r.max} |`);
}

async function main() {
  const iterations = Number(option("iterations") ?? 20);
  const http = !process.argv.includes("--no-http");
  const child = option("child");
  if (child === "district" || child === "city") return runScale(child, iterations, http);

  const only = option("scale");
  const scales = only === "district" || only === "city" ? [only] : (["district", "city"] as const);
  if (http) ensureProductionBuild((message) => process.stderr.write(`${message}\n`));
  for (const scale of scales) {
    const args = [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", __filename, "--child", scale, "--iterations", String(iterations), ...(http ? [] : ["--no-http"])];
    const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const line = result.stdout.split("\n").find((candidate) => candidate.startsWith("BENCH_RESULT "));
    if (!line) throw new Error(`benchmark ${scale} failed (exit ${result.status})`);
    printTable(JSON.parse(line.slice("BENCH_RESULT ".length)));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
