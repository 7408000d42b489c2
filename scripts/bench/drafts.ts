// npm run bench:drafts [-- --scale district|city] [--runs 30] [--submissions 40]
// Measures the review queue and the analyzer on their own throwaway
// databases: the district demo (24 months, 523 branches) and the city data
// set (16,762 branches, the latest two periods of drafts). Without --scale it
// runs both, one process each. Prints p50/p95 in milliseconds.
import { spawnSync } from "node:child_process";
import { openThrowawayDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { hashPassword } from "@/lib/auth/password";
import { percentile, sample } from "../lib/bench";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const scale = option("scale", "");
const RUNS = Number(option("runs", "30"));
const SUBMISSIONS = Number(option("submissions", "40"));

type Row = { what: string; n: number; p50: number; p95: number; max: number; note?: string };

function stats(what: string, samples: number[], note?: string): Row {
  return { what, n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), note };
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

async function repeat(what: string, runs: number, fn: () => Promise<unknown>, note?: string): Promise<Row> {
  return stats(what, await sample(runs, fn, 1), note);
}

function print(title: string, rows: Row[]) {
  console.log(`\n${title}`);
  console.log("| measured | runs | p50 ms | p95 ms | max ms | note |");
  console.log("|---|---:|---:|---:|---:|---|");
  for (const row of rows) console.log(`| ${row.what} | ${row.n} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.max.toFixed(1)} | ${row.note ?? ""} |`);
}

async function runScale(which: "district" | "city") {
  const log = (message: string) => process.stderr.write(`[bench:drafts] ${message}\n`);
  const database = await openThrowawayDatabase(log);
  try {
    process.env.DATABASE_URL = database.url;
    process.env.DATABASE_POOL_SIZE = "4";
    const seedStarted = Date.now();
    if (which === "district") {
      await prepareDatabase(database.url, { seedDemoWhenEmpty: true, log });
    } else {
      await prepareDatabase(database.url, { seedDemoWhenEmpty: false, log: () => undefined });
      const { seedDemo, demoPassword } = await import("@/prisma/seed");
      await seedDemo(database.url, { scale: "city", passwordHash: await hashPassword(demoPassword()), log });
    }
    const seedSeconds = (Date.now() - seedStarted) / 1000;

    // Loaded after DATABASE_URL is set: lib/db/client reads it once.
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { actorFromUser } = await import("@/lib/auth/actor-from-user");
    const { listReviewQueue } = await import("@/lib/drafts/list-review-queue");
    const { getDraftReviewSummary } = await import("@/lib/drafts/get-draft-review-summary");
    const { getDraftDetail, similarDrafts, checkDraftDirectives } = await import("@/lib/drafts/get-draft-detail");
    const { submitDraftVersion } = await import("@/lib/drafts/submit-draft-version");
    const { analyzeText } = await import("@/lib/drafts/analyzer/analyze-text");
    const { submittablePeriods } = await import("@/lib/drafts/deadlines");
    const { createRandom } = await import("@/prisma/seed/random");
    const { districtTemplate, writeOwnDraft, writeTemplateCopy, guidanceTopicsFor, COMMON_STREETS } = await import("@/prisma/seed/draft-texts");

    const actorOf = async (username: string) => actorFromUser(await db().user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } }));
    const board = await actorOf("bantochuc");
    const period = "2026-12";
    const counts = await db().$queryRaw<{ drafts: number; versions: number; branches: number }[]>`
      SELECT (SELECT count(*)::int FROM "Draft") AS drafts, (SELECT count(*)::int FROM "DraftVersion") AS versions, (SELECT count(*)::int FROM "OrgUnit" WHERE level = 'BRANCH') AS branches`;
    const periodDrafts = await db().draft.count({ where: { period } });
    log(`${counts[0].branches} chi bộ, ${counts[0].drafts} dự thảo, ${counts[0].versions} phiên bản; kỳ ${period}: ${periodDrafts}`);

    const rows: Row[] = [];
    const scopes: [string, Awaited<ReturnType<typeof actorOf>>][] = [["district board, 523 branches", board]];
    if (which === "city") scopes.push(["city leader, 16,762 branches", await actorOf("lanhdao-thanhpho")]);
    for (const [label, actor] of scopes) {
      rows.push(await repeat(`queue, default order, page 1 (${label})`, RUNS, () => listReviewQueue(actor, { period }, { includeMissing: true })));
      rows.push(await repeat(`queue, sort by similarity (${label})`, RUNS, () => listReviewQueue(actor, { period, sort: "-similarity" }, { includeMissing: true })));
      rows.push(await repeat(`queue, awaiting review + flag (${label})`, RUNS, () => listReviewQueue(actor, { period, status: "AWAITING", flag: "TEMPLATE_COPY" }, { includeMissing: true })));
      rows.push(await repeat(`queue, text search "phong chay" (${label})`, RUNS, () => listReviewQueue(actor, { period, q: "phong chay" }, { includeMissing: true })));
      rows.push(await repeat(`queue, last page by ward (${label})`, RUNS, () => listReviewQueue(actor, { period, sort: "-ward", page: 5 }, { includeMissing: true })));
      rows.push(await repeat(`review summary per child unit (${label})`, RUNS, () => getDraftReviewSummary(actor, { period })));
    }
    const sample = await db().draft.findFirstOrThrow({ where: { period, branch: { code: { startsWith: "LB-" } }, similarDraftId: { not: null } }, orderBy: { id: "asc" } });
    rows.push(
      await repeat("draft page data (detail, similar passages, directives)", RUNS, async () => {
        const detail = await getDraftDetail(board, sample.id);
        await Promise.all([similarDrafts(board, detail), checkDraftDirectives(detail)]);
      }),
    );

    // The analyzer on new submissions: secretaries of branches with no draft yet in an open period.
    const target = submittablePeriods()[3];
    const random = createRandom(4242);
    const template = districtTemplate(target, random);
    const topics = guidanceTopicsFor(target, random);
    const branches = await db().orgUnit.findMany({ where: { level: "BRANCH", code: { startsWith: "LB-" } }, orderBy: { id: "asc" }, take: SUBMISSIONS * 2 });
    const secretaries = await db().user.findMany({ where: { role: "BRANCH_SECRETARY", orgUnitId: { in: branches.map((b) => b.id) } }, include: { orgUnit: true } });
    // Fill the period first so that each submission is compared with a full period.
    log(`Kỳ ${target}: dùng các nhóm LSH của ${periodDrafts} dự thảo kỳ ${period} để mỗi lần nộp được so với một kỳ đầy đủ ...`);
    await db().$executeRaw`
      INSERT INTO "DraftLshBucket" (period, band, bucket, "draftId") SELECT ${target}, band, bucket, "draftId" FROM "DraftLshBucket" WHERE period = ${period}`;
    await db().$executeRawUnsafe(`ANALYZE "DraftLshBucket"`);
    const texts: string[] = [];
    const pure: number[] = [];
    const submit: number[] = [];
    for (const [i, user] of secretaries.slice(0, SUBMISSIONS).entries()) {
      const ctx = { random, period: target, branchName: user.orgUnit.name, kind: "RESIDENTIAL" as const, wardShort: "Bồ Đề", wardWord: "phường", streets: COMMON_STREETS.slice(i % 8, (i % 8) + 4), people: [user.displayName, "Trần Thị Lan", "Lê Văn Nam", "Phạm Thị Hoa"], memberCount: 30, number: 1, writtenDay: 20 };
      const body = i % 4 === 0 ? writeTemplateCopy(ctx, template) : writeOwnDraft(ctx, topics, "GROUNDED");
      texts.push(body);
      pure.push((await time(async () => analyzeText(body)))[0]);
      submit.push((await time(() => submitDraftVersion(actorFromUser(user), { period: target, body })))[0]);
    }
    rows.push(stats("analyzer, text only (checklist, shingles, MinHash, directives)", pure));
    rows.push(stats(`submission with analyzer (LSH over ${which === "city" ? "the city's" : "the district's"} ${periodDrafts.toLocaleString("en")} drafts of a period, exact check of candidates, store)`, submit));
    print(`${which} scale — seed ${seedSeconds.toFixed(1)} s (${counts[0].drafts.toLocaleString("en")} drafts, ${counts[0].versions.toLocaleString("en")} versions, ${counts[0].branches.toLocaleString("en")} branches)`, rows);
    await disconnectDb();
  } finally {
    await database.release();
  }
}

async function main() {
  if (scale === "district" || scale === "city") return runScale(scale);
  for (const which of ["district", "city"]) {
    const result = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "--scale", which, "--runs", String(RUNS), "--submissions", String(SUBMISSIONS)], { stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
