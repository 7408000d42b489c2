// npm run bench [-- --duration 10 --connections 8 --submissions 20 --ttfb-duration 5 --scale district|city]
//
// The published performance figures: builds the production app when
// the sources changed, then for the district demo and for the city data set,
// each on a throwaway database of its own: starts `next start`, measures the
// baseline GET /api/v1/health and the API lists/details and server-rendered
// pages with autocannon (latencies from its per-response events, so p95 is
// exact), the analyzer on real submissions over HTTP, and at city scale the
// member import against a plain COPY of the same file. Also the first-load
// JavaScript per route (gzip, from the build), the server's memory under
// load, and each page's time to first byte under the same load. Writes bench/results.json and prints the table docs/benchmarks.md shows.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import autocannon from "autocannon";
import { openThrowawayDatabase, PROJECT_ROOT } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { hashPassword } from "@/lib/auth/password";
import { ensureProductionBuild } from "../lib/build";
import { DEMO_PASSWORD as PASSWORD, signIn, startAppServer, type AppServer } from "../lib/app-server";
import { percentile } from "../lib/bench";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { memberFileOfCity } from "./member-file";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const DURATION = Number(option("duration", "10"));
const CONNECTIONS = Number(option("connections", "8"));
const SUBMISSIONS = Number(option("submissions", "20"));
const TTFB_SECONDS = Number(option("ttfb-duration", "5"));
// `--scales city` runs one data set only (a partial run; the city ÷ district table is then empty).
const SCALES = option("scales", "district,city").split(",").filter((scale): scale is Scale => scale === "district" || scale === "city");
const RESULTS_FILE = path.join(PROJECT_ROOT, "bench", "results.json");
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

type Scale = "district" | "city";
// "floor": pages with next to no data (the sign-in page, a signed-in page with one read): what any
// server-rendered page costs here, to read the pages' ratios against. No target.
type Kind = "baseline" | "api" | "page" | "ttfb" | "floor" | "analyzer" | "import";
// p50/p95 are null when not one response came back within the run (every request timed out).
type Figure = { name: string; scale: Scale; kind: Kind; request?: string; requests: number; errors: number; p50_ms: number | null; p95_ms: number | null; rps: number | null; maxRssMb?: number };

/** A quantile (0–1) of the samples; null when not one came back. */
function quantile(samples: number[], q: number): number | null {
  return samples.length ? percentile(samples, q * 100) : null;
}

function round(value: number, digits?: number): number;
function round(value: number | null, digits?: number): number | null;
function round(value: number | null, digits = 1): number | null {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}

/** Resident memory of a process and its children, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  const own = fs.existsSync(`/proc/${pid}/status`) ? Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) : 0;
  return own / 1024 + children.reduce((sum, child) => sum + rssMb(child), 0);
}

/** autocannon for DURATION seconds; latencies from every response so that p95 is exact. */
async function load(baseUrl: string, request: string, cookie: string | undefined, serverPid: number): Promise<Omit<Figure, "name" | "scale" | "kind">> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`${baseUrl}${request}`, { headers, redirect: "manual" }); // warm-up
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${request}: HTTP ${response.status} khi khởi động đo`);
  }
  const latencies: number[] = [];
  let errors = 0;
  let maxRss = rssMb(serverPid);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(serverPid))), 500);
  const instance = autocannon({ url: `${baseUrl}${request}`, connections: CONNECTIONS, duration: DURATION, headers });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode !== 200) errors++;
  });
  const result = await instance;
  clearInterval(sampler);
  const seconds = result.duration || DURATION; // autocannon reports seconds
  return { request, requests: latencies.length, errors: errors + (result.errors ?? 0) /* connection errors, timeouts included */, p50_ms: round(quantile(latencies, 0.5)), p95_ms: round(quantile(latencies, 0.95)), rps: round(latencies.length / seconds), maxRssMb: Math.round(maxRss) };
}

/**
 * Time to first byte of a page under the same load: CONNECTIONS clients request it in a loop
 * for TTFB_SECONDS and note when the response head arrives (the shell is sent with it; the
 * slow cards stream after). The body is read to the end before the next request.
 */
async function timeToFirstByte(baseUrl: string, request: string, cookie?: string): Promise<Omit<Figure, "name" | "scale" | "kind">> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + TTFB_SECONDS * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const startedAt = performance.now();
      const req = http.get(`${baseUrl}${request}`, { agent, headers: cookie ? { cookie } : {} }, (response) => {
        latencies.push(performance.now() - startedAt);
        if (response.statusCode !== 200) errors++;
        response.on("data", () => undefined).on("end", resolve).on("error", () => resolve());
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const client = async () => {
    while (performance.now() < until) await once();
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  agent.destroy();
  return { request, requests: latencies.length, errors, p50_ms: round(quantile(latencies, 0.5)), p95_ms: round(quantile(latencies, 0.95)), rps: round(latencies.length / TTFB_SECONDS) };
}

async function runScale(scale: Scale): Promise<Figure[]> {
  log(`== ${scale === "city" ? "thành phố" : "quận"}: cơ sở dữ liệu riêng, nạp dữ liệu ...`);
  const database = await openThrowawayDatabase(log);
  let server: AppServer | undefined;
  const raw = new pg.Client({ connectionString: database.url });
  try {
    const prepared = await prepareDatabase(database.url, { seedDemoWhenEmpty: scale === "district", log });
    if (scale === "city") {
      const { seedDemo } = await import("@/prisma/seed");
      await seedDemo(database.url, { scale: "city", passwordHash: await hashPassword(PASSWORD), log });
    }
    await raw.connect();
    const one = async <T>(sql: string, params: unknown[] = []) => (await raw.query(sql, params)).rows[0] as T;
    const ward = await one<{ id: number }>(`SELECT id FROM "OrgUnit" WHERE code = 'LB-BD'`);
    const city = await one<{ id: number }>(`SELECT id FROM "OrgUnit" WHERE "parentId" IS NULL AND "validTo" IS NULL ORDER BY id LIMIT 1`);
    const { period } = await one<{ period: string }>(`SELECT max(period) AS period FROM "Draft"`);
    const draft = await one<{ id: number }>(
      `SELECT d.id FROM "Draft" d JOIN "OrgUnit" b ON b.id = d."branchId" WHERE d.period = $1 AND b."parentId" = $2 AND d."similarDraftId" IS NOT NULL ORDER BY d.id LIMIT 1`,
      [period, ward.id],
    );
    const secretary = await one<{ username: string; branch: string }>(
      `SELECT u.username, b.name AS branch FROM "User" u JOIN "OrgUnit" b ON b.id = u."orgUnitId" WHERE u.role = 'BRANCH_SECRETARY' AND b."parentId" = $1 ORDER BY b.code LIMIT 1`,
      [ward.id],
    );
    // The last month before the seed's: the one boards review (its deadline has passed).
    const meetingPeriod = addMonths(currentPeriod(), -1);
    const counts = await one<{ branches: number; drafts: number }>(`SELECT (SELECT count(*)::int FROM "OrgUnit" WHERE level = 'BRANCH') AS branches, (SELECT count(*)::int FROM "Draft" WHERE period = $1) AS drafts`, [period]);
    log(`${counts.branches.toLocaleString("vi-VN")} chi bộ; kỳ dự thảo ${period}: ${counts.drafts.toLocaleString("vi-VN")} dự thảo`);

    server = await startAppServer(database.url, { NEXTAUTH_SECRET: prepared.authSecret });
    const { baseUrl } = server;
    const board = await signIn(baseUrl, "bantochuc");
    const cityLeader = await signIn(baseUrl, "lanhdao-thanhpho");
    const writer = await signIn(baseUrl, secretary.username);
    const wardCommittee = await one<{ username: string }>(`SELECT username FROM "User" WHERE role = 'WARD_COMMITTEE' AND "orgUnitId" = $1 ORDER BY id LIMIT 1`, [ward.id]);
    const wardUser = await signIn(baseUrl, wardCommittee.username);
    const admin = await signIn(baseUrl, "admin");

    const targets: { name: string; kind: Kind; request: string; cookie?: string }[] = [
      { name: "health (baseline)", kind: "baseline", request: "/api/v1/health" },
      { name: "floor: sign-in page (no session, no data)", kind: "floor", request: "/login" },
      { name: "floor: account page (the shell and the signed-in user)", kind: "floor", request: "/account", cookie: board },
      { name: "API: drafts queue of a ward", kind: "api", request: `/api/v1/drafts?period=${period}&orgUnitId=${ward.id}`, cookie: board },
      { name: "API: draft detail", kind: "api", request: `/api/v1/drafts/${draft.id}`, cookie: board },
      { name: "API: meetings compliance (whole scope)", kind: "api", request: `/api/v1/meetings/compliance?period=${meetingPeriod}`, cookie: cityLeader },
      { name: "API: meetings compliance of a ward", kind: "api", request: `/api/v1/meetings/compliance?period=${meetingPeriod}&orgUnitId=${ward.id}`, cookie: board },
      { name: "API: handbook stats (city node)", kind: "api", request: "/api/v1/stats/handbook", cookie: cityLeader },
      { name: "page: drafts queue of a ward", kind: "page", request: `/drafts?period=${period}&orgUnitId=${ward.id}`, cookie: board },
      { name: "page: draft", kind: "page", request: `/drafts/${draft.id}`, cookie: board },
      { name: "page: dashboard (city node)", kind: "page", request: `/dashboard/${city.id}`, cookie: cityLeader },
      { name: "page: meetings compliance (whole scope)", kind: "page", request: `/meetings?period=${meetingPeriod}`, cookie: cityLeader },
      // The home page each role lands on after signing in.
      { name: "page: home, city leader", kind: "page", request: "/", cookie: cityLeader },
      { name: "page: home, board", kind: "page", request: "/", cookie: board },
      { name: "page: home, ward committee", kind: "page", request: "/", cookie: wardUser },
      { name: "page: home, branch secretary", kind: "page", request: "/", cookie: writer },
      { name: "page: home, administrator", kind: "page", request: "/", cookie: admin },
    ];
    const figures: Figure[] = [];
    for (const target of targets) {
      const figure = { name: target.name, scale, kind: target.kind, ...(await load(baseUrl, target.request, target.cookie, server.child.pid!)) };
      log(`${scale} · ${figure.name}: p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, ${figure.rps} req/s, ${figure.errors} lỗi, RSS tối đa ${figure.maxRssMb} MB`);
      figures.push(figure);
    }
    for (const target of targets.filter((entry) => entry.kind === "page" || entry.kind === "floor")) {
      const kind: Kind = target.kind === "floor" ? "floor" : "ttfb";
      const figure = { name: `first byte: ${target.name.replace(/^page: /, "")}`, scale, kind, ...(await timeToFirstByte(baseUrl, target.request, target.cookie)) };
      log(`${scale} · ${figure.name}: p50 ${figure.p50_ms} ms, p95 ${figure.p95_ms} ms, ${figure.errors} lỗi`);
      figures.push(figure);
    }

    // The analyzer: a branch secretary submits new versions over HTTP; each runs the
    // analyzer against every draft of the period (16,762 at city scale) and stores it.
    const { createRandom } = await import("@/prisma/seed/random");
    const { writeOwnDraft, writeTemplateCopy, districtTemplate, guidanceTopicsFor, COMMON_STREETS } = await import("@/prisma/seed/draft-texts");
    const random = createRandom(7007);
    const template = districtTemplate(period, random);
    const topics = guidanceTopicsFor(period, random);
    const submissions: number[] = [];
    let refused = 0;
    for (let i = 0; i < SUBMISSIONS + 1; i++) {
      const ctx = { random, period, branchName: secretary.branch, kind: "RESIDENTIAL" as const, wardShort: "Bồ Đề", wardWord: "phường", streets: COMMON_STREETS.slice(i % 8, (i % 8) + 4), people: ["Nguyễn Văn An", "Trần Thị Lan", "Lê Văn Nam", "Phạm Thị Hoa"], memberCount: 30, number: 1, writtenDay: 20 };
      const body = i % 4 === 0 ? writeTemplateCopy(ctx, template) : writeOwnDraft(ctx, topics, "GROUNDED");
      const startedAt = performance.now();
      const response = await fetch(`${baseUrl}/api/v1/drafts`, { method: "POST", headers: { cookie: writer, "content-type": "application/json", origin: baseUrl }, body: JSON.stringify({ period, body }) });
      await response.arrayBuffer();
      if (response.status !== 201 && response.status !== 200) refused++;
      if (i > 0) submissions.push(performance.now() - startedAt); // the first one warms up
    }
    figures.push({ name: `analyzer: one submission against the period's ${counts.drafts.toLocaleString("en")} drafts`, scale, kind: "analyzer", request: "POST /api/v1/drafts", requests: submissions.length, errors: refused, p50_ms: round(quantile(submissions, 0.5)), p95_ms: round(quantile(submissions, 0.95)), rps: null });
    log(`${scale} · phân tích khi nộp: p95 ${round(quantile(submissions, 0.95))} ms (${refused} bị từ chối)`);

    if (scale === "city") figures.push(...(await benchMemberImport(database.url, raw)));
    return figures;
  } finally {
    await server?.stop();
    await raw.end().catch(() => undefined);
    await database.release();
  }
}

/** The member CSV of every current member, imported as an administrator would, against a plain COPY of the same file. */
async function benchMemberImport(databaseUrl: string, raw: pg.Client): Promise<Figure[]> {
  process.env.DATABASE_URL = databaseUrl;
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { actorFromUser } = await import("@/lib/auth/actor-from-user");
  const { runImport } = await import("@/lib/imports/run-import");
  const { findImportDefinition } = await import("@/lib/imports/registry");
  const admin = actorFromUser(await db().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
  const { csv, rows } = await memberFileOfCity(raw);
  log(`tệp đảng viên: ${rows.toLocaleString("vi-VN")} dòng, ${(Buffer.byteLength(csv) / 1048576).toFixed(1)} MB (một đảng viên trong mười chưa cài được ghi là mới cài)`);
  const timed = async (fn: () => Promise<unknown>) => {
    const startedAt = performance.now();
    await fn();
    return performance.now() - startedAt;
  };
  const copyMs = await timed(async () => {
    await raw.query(`CREATE TEMP TABLE bench_members (code text, branch text, name text, status text, eligible text, installed text, gender text, born text, joined text)`);
    await pipeline(Readable.from([csv]), raw.query(copyFrom(`COPY bench_members FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    await raw.query(`DROP TABLE bench_members`);
  });
  let rejected = 0;
  const importMs = await timed(async () => {
    const result = await runImport(admin, findImportDefinition("members")!, { text: csv, dryRun: false });
    rejected = result.rejected;
  });
  await disconnectDb();
  log(`COPY thuần ${(copyMs / 1000).toFixed(2)} s; nhập đảng viên ${(importMs / 1000).toFixed(2)} s (${rejected} dòng lỗi)`);
  const figure = (name: string, ms: number, errors: number): Figure => ({ name, scale: "city", kind: "import", requests: 1, errors, p50_ms: round(ms), p95_ms: round(ms), rps: round(rows / (ms / 1000), 0) });
  return [figure(`plain COPY of the member file (${rows.toLocaleString("en")} rows)`, copyMs, 0), figure(`member import of the same file (${rows.toLocaleString("en")} rows)`, importMs, rejected)];
}

/** First-load JavaScript of every route, gzip, from the build's route bundle statistics. */
function firstLoadJs(): { route: string; gzipKb: number; rawKb: number }[] {
  const file = path.join(PROJECT_ROOT, ".next", "diagnostics", "route-bundle-stats.json");
  const stats = JSON.parse(fs.readFileSync(file, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipCache = new Map<string, [number, number]>();
  const sizes = (chunk: string) => {
    if (!gzipCache.has(chunk)) {
      const content = fs.readFileSync(path.join(PROJECT_ROOT, chunk));
      gzipCache.set(chunk, [content.length, zlib.gzipSync(content, { level: 9 }).length]);
    }
    return gzipCache.get(chunk)!;
  };
  return stats
    .map(({ route, firstLoadChunkPaths }) => {
      const [rawBytes, gzipBytes] = firstLoadChunkPaths.map(sizes).reduce(([r, g], [cr, cg]) => [r + cr, g + cg], [0, 0]);
      return { route, gzipKb: round(gzipBytes / 1024), rawKb: round(rawBytes / 1024) };
    })
    .sort((a, b) => b.gzipKb - a.gzipKb);
}

type Rated = Figure & { ratio_p95: number | null; ratio_rps: number | null; target: string | null; met: boolean | null };

function rate(figures: Figure[]): Rated[] {
  const baseline = (scale: Scale) => figures.find((figure) => figure.kind === "baseline" && figure.scale === scale)!;
  const copy = figures.find((figure) => figure.kind === "import" && figure.name.startsWith("plain COPY"));
  return figures.map((figure) => {
    const base = baseline(figure.scale);
    const ratio_p95 = figure.p95_ms !== null && base.p95_ms ? round(figure.p95_ms / base.p95_ms, 2) : null;
    const ratio_rps = figure.rps !== null && base.rps ? round(figure.rps / base.rps, 2) : null;
    let target: string | null = null;
    let met: boolean | null = null;
    if (figure.kind === "api" && figure.scale === "city" && figure.name === "API: draft detail") {
      target = "p95 ≤ 3× baseline, rps ≥ 25% baseline";
      met = ratio_p95 !== null && ratio_p95 <= 3 && (ratio_rps ?? 0) >= 0.25;
    } else if (figure.kind === "api" && figure.scale === "city") {
      target = "p95 ≤ 4× baseline, rps ≥ 25% baseline";
      met = ratio_p95 !== null && ratio_p95 <= 4 && (ratio_rps ?? 0) >= 0.25;
    } else if (figure.kind === "ttfb") {
      target = "p95 ≤ 2× baseline";
      met = ratio_p95 !== null && ratio_p95 <= 2;
    } else if (figure.kind === "page") {
      target = "p95 ≤ 6× baseline";
      met = ratio_p95 !== null && ratio_p95 <= 6;
    } else if (figure.kind === "analyzer" && figure.scale === "city") {
      target = "p95 ≤ 10× baseline";
      met = ratio_p95 !== null && ratio_p95 <= 10;
    } else if (figure.kind === "import" && copy && figure !== copy) {
      const ratio = round(figure.p95_ms! / copy.p95_ms!, 2);
      return { ...figure, ratio_p95: ratio, ratio_rps: null, target: "≤ 3× plain COPY (ratio to COPY)", met: ratio <= 3 };
    }
    return { ...figure, ratio_p95: figure.kind === "import" ? null : ratio_p95, ratio_rps, target, met };
  });
}

function cityVersusDistrict(figures: Figure[]) {
  return figures
    .filter((figure) => figure.scale === "city" && (figure.kind === "page" || figure.kind === "ttfb" || figure.kind === "api" || figure.kind === "analyzer"))
    .flatMap((city) => {
      const district = figures.find((figure) => figure.scale === "district" && figure.name === city.name);
      if (!district) return [];
      const ratio = city.p95_ms !== null && district.p95_ms ? round(city.p95_ms / district.p95_ms, 2) : null;
      return [{ name: city.name, district_p95_ms: district.p95_ms, city_p95_ms: city.p95_ms, ratio, target: city.kind === "page" ? "≤ 1.5×" : null, met: city.kind === "page" ? ratio !== null && ratio <= 1.5 : null }];
    });
}

function printTables(rated: Rated[], scaling: ReturnType<typeof cityVersusDistrict>, js: ReturnType<typeof firstLoadJs>, maxRssMb: number) {
  const mark = (met: boolean | null) => (met === null ? "" : met ? "đạt" : "**chưa đạt**");
  console.log("\n| scale | measured | p50 ms | p95 ms | req/s | × baseline p95 | × baseline req/s | target | |");
  console.log("|---|---|---:|---:|---:|---:|---:|---|---|");
  const ms = (value: number | null) => (value === null ? "no answer in time" : String(value));
  for (const figure of rated) console.log(`| ${figure.scale} | ${figure.name} | ${ms(figure.p50_ms)} | ${ms(figure.p95_ms)} | ${figure.rps ?? ""} | ${figure.ratio_p95 ?? ""} | ${figure.ratio_rps ?? ""} | ${figure.target ?? ""} | ${mark(figure.met)} |`);
  console.log("\n| same request | district p95 ms | city p95 ms | city ÷ district | target | |");
  console.log("|---|---:|---:|---:|---|---|");
  for (const row of scaling) console.log(`| ${row.name} | ${ms(row.district_p95_ms)} | ${ms(row.city_p95_ms)} | ${row.ratio ?? ""} | ${row.target ?? ""} | ${mark(row.met)} |`);
  console.log("\n| route | first-load JS, gzip kB | uncompressed kB | ≤ 200 kB |");
  console.log("|---|---:|---:|---|");
  for (const route of js) console.log(`| ${route.route} | ${route.gzipKb} | ${route.rawKb} | ${mark(route.gzipKb <= 200)} |`);
  console.log(`\nServer memory under load (RSS, max over every run): ${maxRssMb} MB (target ≤ 500 MB: ${mark(maxRssMb <= 500)})`);
}

async function main() {
  const only = option("scale", "");
  if (only === "district" || only === "city") {
    const figures = await runScale(only);
    process.stdout.write(`BENCH_FIGURES ${JSON.stringify(figures)}\n`);
    return;
  }
  const startedAt = Date.now();
  log("bản build production (chỉ build khi mã nguồn đổi) ...");
  ensureProductionBuild(log);
  const figures: Figure[] = [];
  // Each scale in its own process: lib/db reads DATABASE_URL once.
  for (const scale of SCALES) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...args, "--scale", scale], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const line = child.stdout.split("\n").find((text) => text.startsWith("BENCH_FIGURES "));
    if (child.status !== 0 || !line) throw new Error(`bench ${scale} thất bại (mã ${child.status})`);
    figures.push(...(JSON.parse(line.slice("BENCH_FIGURES ".length)) as Figure[]));
  }
  const rated = rate(figures);
  const scaling = cityVersusDistrict(figures);
  const js = firstLoadJs();
  const maxRssMb = Math.max(...figures.map((figure) => figure.maxRssMb ?? 0));
  const results = {
    generatedAt: new Date().toISOString(),
    command: "npm run bench",
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    settings: { durationSeconds: DURATION, connections: CONNECTIONS, submissions: SUBMISSIONS, ttfbSeconds: TTFB_SECONDS, scales: SCALES },
    figures: rated,
    cityVersusDistrict: scaling,
    firstLoadJs: js.map((route) => ({ ...route, met: route.gzipKb <= 200 })),
    serverMemory: { maxRssMb, targetMb: 500, met: maxRssMb <= 500 },
    minutes: round((Date.now() - startedAt) / 60000),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  printTables(rated, scaling, js, maxRssMb);
  console.log(`\n${path.relative(PROJECT_ROOT, RESULTS_FILE)} written (${results.minutes} min).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
