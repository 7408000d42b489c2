// npm run bench:stats [-- --scale district|city] [-- --runs 30] [-- --no-http]
//
// Handbook dashboard at district and city scale, each on a throwaway database
// of its own: the page over HTTP (production build), the lib reads behind it,
// the same headline figures counted from the raw tables (what the roll-ups
// save), and at city scale the imports: a month of usage for every branch,
// the push API, the member CSV of 475,880 rows against a plain COPY of the
// same file, the full rebuild, and a consistency check of the roll-ups.
// Without --scale it runs both scales one after the other, each in its own
// process (lib/ binds to one DATABASE_URL per process). Prints p50/p95 in ms.
import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { openThrowawayDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { seedDemo } from "@/prisma/seed";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { actorFromUser } from "@/lib/auth/actor-from-user";
import { ensureProductionBuild } from "../lib/build";
import { startAppServer, type AppServer } from "../lib/app-server";
import { percentile, sample } from "../lib/bench";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const RUNS = Number(option("runs") ?? 30);
const HTTP = !args.includes("--no-http");
const PASSWORD = "Đo hiệu năng 2026!";

const results: { name: string; p50: number; p95: number; runs: number }[] = [];
const singles: { name: string; ms: number; note?: string }[] = [];

async function measure(name: string, run: () => Promise<unknown>, runs = RUNS): Promise<void> {
  const samples = await sample(runs, run, 1);
  const row = { name, p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
  results.push(row);
  console.log(`  ${name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms (${runs} lần)`);
}

async function once<T>(name: string, run: () => Promise<T>, note?: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const text = note?.(result);
  singles.push({ name, ms, note: text });
  console.log(`  ${name}: ${(ms / 1000).toFixed(2)} s${text ? ` (${text})` : ""}`);
  return result;
}

async function runScale(scale: "district" | "city") {
  console.log(`\n== Quy mô ${scale === "city" ? "thành phố" : "quận"} ==`);
  const database = await openThrowawayDatabase();
  let server: AppServer | undefined;
  try {
    const prepared = await prepareDatabase(database.url, { seedDemoWhenEmpty: false });
    const passwordHash = await hashPassword(PASSWORD);
    const stepTimes: string[] = [];
    let lastStamp = performance.now();
    await once(`seed ${scale}`, () =>
      seedDemo(database.url, {
        scale,
        passwordHash,
        log: (message) => {
          const step = /^Tài khoản demo/.test(message) ? "đơn vị, đảng viên, tài khoản" : /^Báo cáo sử dụng/.test(message) ? "báo cáo sử dụng" : /^Số liệu tổng hợp xong/.test(message) ? "số liệu tổng hợp" : null;
          if (step) {
            const now = performance.now();
            stepTimes.push(`${step} ${((now - lastStamp) / 1000).toFixed(1)} s`);
            lastStamp = now;
          }
        },
      }),
    (plan) => `${plan.branches().length.toLocaleString("vi-VN")} chi bộ; ${stepTimes.join(", ")}`);
    process.env.DATABASE_URL = database.url;
    const direct = createPrismaClient(database.url, 2);
    const actorOf = async (username: string) => actorFromUser(await direct.user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } }));
    const { getHandbookDashboard } = await import("@/lib/stats/get-handbook-dashboard");
    const { getHandbookOverview } = await import("@/lib/stats/get-handbook-overview");
    const { getHandbookSeries } = await import("@/lib/stats/get-handbook-series");
    const { listLaggingBranches } = await import("@/lib/stats/list-lagging-branches");
    const { exportHandbookTable } = await import("@/lib/stats/export-handbook-table");
    const { toXlsx } = await import("@/lib/export/table-export");

    const cityLeader = await actorOf("lanhdao-thanhpho");
    const districtLeader = await actorOf("lanhdao");
    const wardUser = await actorOf("phuong-bo-de");
    const branch = await direct.orgUnit.findUniqueOrThrow({ where: { code: "LB-BD-05" } });
    const city = await direct.orgUnit.findUniqueOrThrow({ where: { code: "HN" } });
    const longBien = await direct.orgUnit.findUniqueOrThrow({ where: { code: "LB" } });
    const ward = await direct.orgUnit.findUniqueOrThrow({ where: { code: "LB-BD" } });

    console.log("Đọc số liệu (lib/, không qua HTTP):");
    await measure(`${scale}: toàn bộ dữ liệu trang, thành phố`, () => getHandbookDashboard(cityLeader, {}));
    await measure(`${scale}: toàn bộ dữ liệu trang, quận Long Biên`, () => getHandbookDashboard(districtLeader, {}));
    await measure(`${scale}: toàn bộ dữ liệu trang, phường Bồ Đề`, () => getHandbookDashboard(wardUser, {}));
    await measure(`${scale}: toàn bộ dữ liệu trang, chi bộ LB-BD-05`, () => getHandbookDashboard(wardUser, { orgUnitId: branch.id }));
    await measure(`${scale}: GET stats/handbook (thành phố)`, () => getHandbookOverview(cityLeader, {}));
    await measure(`${scale}: GET stats/handbook/series (thành phố, 24 tháng)`, () => getHandbookSeries(cityLeader, {}));
    await measure(`${scale}: chi bộ chậm, trang 1 (thành phố)`, () => listLaggingBranches(cityLeader, {}));
    await measure(`${scale}: xuất XLSX chi bộ chậm (thành phố, tất cả)`, async () => toXlsx([(await exportHandbookTable(cityLeader, { table: "lagging", format: "xlsx" })).sheet]), Math.min(RUNS, 5));

    // What the roll-ups save: the headline figures of the city counted from the raw tables.
    const raw = new pg.Client({ connectionString: database.url });
    await raw.connect();
    await measure(`${scale}: cùng số liệu đầu trang tính thẳng từ bảng gốc (thành phố, không dùng HandbookStat)`, () =>
      raw.query(
        `SELECT (SELECT count(*) FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId" WHERE b.path LIKE $1 || '%' AND m.status IN ('ACTIVE','EXEMPT')) AS members,
                (SELECT count(*) FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId" WHERE b.path LIKE $1 || '%' AND m.status IN ('ACTIVE','EXEMPT') AND m."eligibleForHandbook") AS eligible,
                (SELECT count(*) FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId" WHERE b.path LIKE $1 || '%' AND m.status IN ('ACTIVE','EXEMPT') AND m."handbookInstalledAt" IS NOT NULL) AS installed,
                (SELECT count(*) FILTER (WHERE l."usedInMeetings") FROM (SELECT DISTINCT ON (s."branchId") s.* FROM "UsageSnapshot" s JOIN "OrgUnit" b ON b.id = s."branchId" WHERE b.path LIKE $1 || '%' AND s.period = '2026-11' ORDER BY s."branchId", s.date DESC) l) AS using`,
        [city.path],
      ),
    Math.min(RUNS, 10));

    if (HTTP) {
      console.log("Trang và API qua HTTP (bản build production, một người dùng, tuần tự):");
      ensureProductionBuild(() => undefined);
      const started = await startAppServer(database.url, { NEXTAUTH_SECRET: prepared.authSecret });
      server = started;
      process.env.E2E_BASE_URL = started.baseUrl;
      const { signInOverHttp } = await import("../../tests/support/http");
      const sessionOf = async (username: string) => (await signInOverHttp(username, PASSWORD)).session.cookie;
      const get = async (cookie: string, path: string) => {
        const response = await fetch(`${started.baseUrl}${path}`, { headers: { cookie } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
      };
      const cityCookie = await sessionOf("lanhdao-thanhpho");
      const wardCookie = await sessionOf("phuong-bo-de");
      await measure(`${scale}: trang /dashboard/${city.id} (thành phố)`, () => get(cityCookie, `/dashboard/${city.id}`));
      await measure(`${scale}: trang /dashboard/${longBien.id} (quận Long Biên)`, () => get(cityCookie, `/dashboard/${longBien.id}`));
      await measure(`${scale}: trang /dashboard/${ward.id} (phường Bồ Đề)`, () => get(wardCookie, `/dashboard/${ward.id}`));
      await measure(`${scale}: GET /api/v1/stats/handbook (thành phố)`, () => get(cityCookie, "/api/v1/stats/handbook"));
    }

    if (scale === "city") await benchImports(database.url, direct, raw);
    await raw.end();
    await direct.$disconnect();
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
  } finally {
    await server?.stop();
    await database.release();
  }
}

async function benchImports(url: string, direct: ReturnType<typeof createPrismaClient>, raw: pg.Client) {
  const { runImport } = await import("@/lib/imports/run-import");
  const { findImportDefinition } = await import("@/lib/imports/registry");
  const { pushHandbookUsage } = await import("@/lib/stats/push-handbook-usage");
  const { rebuildHandbookStats } = await import("@/lib/stats/rebuild-handbook-stats");
  const admin = actorFromUser(await direct.user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
  const today = "2026-11-26";

  console.log("Nhập dữ liệu ở quy mô thành phố:");
  const branches = await raw.query<{ code: string }>(`SELECT code FROM "OrgUnit" WHERE level = 'BRANCH' ORDER BY id`);
  const usageCsv = ["Mã chi bộ,Ngày số liệu,Dùng trong sinh hoạt,Số tin bài,Số văn bản", ...branches.rows.map((b, i) => `${b.code},${today},${i % 4 ? "có" : "không"},${i % 7},${i % 5}`)].join("\n");
  await once("nhập CSV sử dụng: 16.762 chi bộ, một ngày (ghi và tính lại số liệu)", () => runImport(admin, findImportDefinition("usage")!, { text: usageCsv, dryRun: false }), (r) => `${r.accepted} dòng`);
  await once("nhập lại đúng tệp đó (không có gì thay đổi)", () => runImport(admin, findImportDefinition("usage")!, { text: usageCsv, dryRun: false }), (r) => `${r.accepted} dòng`);
  const body = { date: today, rows: branches.rows.map((b, i) => ({ branchCode: b.code, usedInMeetings: i % 3 !== 0, newsPosts: i % 6, documents: i % 4 })) };
  await once("PUT stats/handbook: 16.762 chi bộ (lib, ghi và tính lại)", () => pushHandbookUsage(admin, body), (r) => `${r.updated} cập nhật`);
  await once("PUT lại cùng nội dung (idempotent)", () => pushHandbookUsage(admin, body), (r) => `${r.unchanged} không đổi`);

  // The member file: every current member, as the member records software would export it.
  const members = await raw.query<{ code: string; branch: string; name: string; status: string; eligible: boolean; installed: string | null; gender: string | null; born: number | null; joined: string }>(`
    SELECT m.code, b.code AS branch, m."fullName" AS name, m.status, m."eligibleForHandbook" AS eligible, to_char(m."handbookInstalledAt", 'YYYY-MM-DD') AS installed,
      m.gender, m."birthYear" AS born, to_char(m."joinedBranchOn", 'YYYY-MM-DD') AS joined
    FROM "Member" m JOIN "OrgUnit" b ON b.id = m."branchId" WHERE m.status IN ('ACTIVE', 'EXEMPT') ORDER BY m.id`);
  const statusWord: Record<string, string> = { ACTIVE: "Đang sinh hoạt", EXEMPT: "Miễn sinh hoạt" };
  const header = "Mã đảng viên,Mã chi bộ,Họ và tên,Trạng thái,Thuộc diện cài Sổ tay,Ngày cài Sổ tay,Giới tính,Năm sinh,Ngày vào chi bộ";
  const line = (m: (typeof members.rows)[number], installed: string | null) =>
    `${m.code},${m.branch},${m.name},${statusWord[m.status]},${m.eligible ? "Có" : "Không"},${installed ?? ""},${m.gender === "MALE" ? "Nam" : m.gender === "FEMALE" ? "Nữ" : ""},${m.born ?? ""},${m.joined}`;
  const memberCsv = [header, ...members.rows.map((m) => line(m, m.installed))].join("\n");
  console.log(`  tệp đảng viên: ${members.rows.length.toLocaleString("vi-VN")} dòng, ${(Buffer.byteLength(memberCsv) / 1048576).toFixed(1)} MB`);

  await once("COPY thuần cùng tệp vào một bảng tạm (mốc so sánh)", async () => {
    await raw.query(`CREATE TEMP TABLE bench_members (code text, branch text, name text, status text, eligible text, installed text, gender text, born text, joined text)`);
    await pipeline(Readable.from([memberCsv]), raw.query(copyFrom(`COPY bench_members FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const count = await raw.query<{ n: string }>(`SELECT count(*) AS n FROM bench_members`);
    await raw.query(`DROP TABLE bench_members`);
    return Number(count.rows[0].n);
  }, (n) => `${n.toLocaleString("vi-VN")} dòng`);
  const definition = findImportDefinition("members")!;
  await once("nhập CSV đảng viên, chỉ kiểm tra (dryRun)", () => runImport(admin, definition, { text: memberCsv, dryRun: true }), (r) => `${r.accepted} hợp lệ, ${r.rejected} lỗi`);
  await once("nhập CSV đảng viên, không dòng nào đổi", () => runImport(admin, definition, { text: memberCsv, dryRun: false }), (r) => `${r.accepted} dòng`);
  // One member in ten installed the handbook on the import day: every branch changes.
  const changedCsv = [header, ...members.rows.map((m, i) => line(m, i % 10 === 0 && !m.installed ? today : m.installed))].join("\n");
  const changed = members.rows.filter((m, i) => i % 10 === 0 && !m.installed).length;
  await once(`nhập CSV đảng viên, ${changed.toLocaleString("vi-VN")} đảng viên mới cài`, () => runImport(admin, definition, { text: changedCsv, dryRun: false }), (r) => `${r.accepted} dòng`);

  // Consistency: after all these imports, a rebuild from the raw data finds the same roll-ups.
  const snapshot = async () => (await raw.query<{ digest: string }>(`SELECT md5(string_agg(concat_ws(',', "orgUnitId", period, level, "parentId", "membersTotal", "membersEligible", "membersInstalled", "branchesTotal", "branchesReporting", "branchesUsingInMeetings", "newsPosts", documents), ';' ORDER BY "orgUnitId", period)) AS digest FROM "HandbookStat"`)).rows[0].digest;
  const before = await snapshot();
  await once("tính lại toàn bộ số liệu tổng hợp từ dữ liệu gốc (24 tháng)", () => rebuildHandbookStats(admin), (r) => `${r.periods} tháng`);
  const after = await snapshot();
  console.log(`  số liệu tổng hợp sau các lượt nhập ${before === after ? "KHỚP" : "KHÔNG KHỚP"} với bản tính lại từ dữ liệu gốc`);
  singles.push({ name: "số liệu tổng hợp tăng dần = tính lại toàn bộ", ms: 0, note: before === after ? "khớp" : "KHÔNG KHỚP" });
  const totals = await raw.query(`SELECT "membersInstalled" FROM "HandbookStat" s JOIN "OrgUnit" o ON o.id = s."orgUnitId" WHERE o."parentId" IS NULL AND period = '2026-11'`);
  console.log(`  đảng viên đã cài (thành phố, 11/2026) sau lượt nhập: ${Number(totals.rows[0].membersInstalled).toLocaleString("vi-VN")} = 442.970 + ${changed.toLocaleString("vi-VN")}`);
}

async function main() {
  const scale = option("scale");
  if (scale === "district" || scale === "city") {
    await runScale(scale);
    console.log(`\nBENCH_RESULTS ${JSON.stringify({ scale, results, singles })}`);
    return;
  }
  // Both scales, each in a process of its own.
  for (const next of ["district", "city"] as const) {
    const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--scale", next, ...args], { stdio: "inherit", env: process.env });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
