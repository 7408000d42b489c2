// npm run bench:reform [-- --scale district|city] [--moves 2000] [--iterations 30]
// Restructuring at scale (docs/benchmarks.md): seeds a throwaway database, times the
// scope query and the roll-up fragments of lib/org/tree-sql.ts for a past period and
// under today's tree, applies thousands of dated MOVE events through the lib (each its
// own audited transaction), then times the same queries again and checks their plans
// still use the indexes. Each scale runs in its own child process (lib/ connects to it).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { openThrowawayDatabase, PROJECT_ROOT } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { hashPassword } from "@/lib/auth/password";
import { seedDemo } from "@/prisma/seed";
import { DEFAULT_DEMO_PASSWORD } from "@/prisma/seed/district";
import { measure, option, percentile, type Timing } from "../lib/bench";

async function runScale(scale: "district" | "city", iterations: number, moves: number): Promise<void> {
  const log = (message: string) => process.stderr.write(`[${scale}] ${message}\n`);
  const database = await openThrowawayDatabase(log);
  try {
    await prepareDatabase(database.url, { seedDemoWhenEmpty: false });
    const seedStarted = Date.now();
    await seedDemo(database.url, { scale, passwordHash: await hashPassword(DEFAULT_DEMO_PASSWORD), log });
    log(`seed ${((Date.now() - seedStarted) / 1000).toFixed(0)} s`);
    process.env.DATABASE_URL = database.url;
    const { db, disconnectDb } = await import("@/lib/db/client");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const { actorFromUser } = await import("@/lib/auth/actor-from-user");
    const { applyRestructuring } = await import("@/lib/org/restructure/restructure-org-units");
    const { branchesUnderSql, branchesByChildSql, unitBranchPairsSql } = await import("@/lib/org/tree-sql");
    const { findUnitInScope } = await import("@/lib/org/org-units");
    const { getComplianceByChild } = await import("@/lib/meetings/compliance");
    await db().$executeRawUnsafe("VACUUM (ANALYZE)");
    const admin = actorFromUser(await db().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    const board = actorFromUser(await db().user.findUniqueOrThrow({ where: { username: "bantochuc" }, include: { orgUnit: true } }));
    const district = await db().orgUnit.findUniqueOrThrow({ where: { code: "LB" } });
    const wards = await db().orgUnit.findMany({ where: { parentId: district.id, validTo: null }, orderBy: { id: "asc" } });
    const branches = await db().orgUnit.findMany({ where: { level: "BRANCH", validTo: null, path: { startsWith: district.path } }, select: { id: true }, orderBy: { id: "asc" } });
    const city = await db().orgUnit.findFirstOrThrow({ where: { level: "CITY" } });
    const past = "2026-10";

    const suite = async (label: string): Promise<Timing[]> => {
      const results: Timing[] = [];
      results.push(await measure(`${label} scope: findUnitInScope (branch)`, iterations, (i) => findUnitInScope(board, branches[i % branches.length].id, "org.read")));
      results.push(await measure(`${label} branchesUnderSql ward, ${past} as-of`, iterations, (i) => db().$queryRaw(Prisma.sql`SELECT count(*) FROM (${branchesUnderSql(wards[i % wards.length].path, { period: past })}) x`)));
      results.push(await measure(`${label} branchesUnderSql district, ${past} as-of`, iterations, () => db().$queryRaw(Prisma.sql`SELECT count(*) FROM (${branchesUnderSql(district.path, { period: past })}) x`)));
      results.push(await measure(`${label} branchesByChildSql city, ${past} as-of`, iterations, () => db().$queryRaw(Prisma.sql`SELECT count(*) FROM (${branchesByChildSql(city.id, { period: past })}) x`)));
      results.push(await measure(`${label} branchesByChildSql city, today's tree`, iterations, () => db().$queryRaw(Prisma.sql`SELECT count(*) FROM (${branchesByChildSql(city.id, { mode: "current" })}) x`)));
      results.push(await measure(`${label} unitBranchPairsSql all units, ${past} as-of`, Math.max(5, Math.round(iterations / 5)), () => db().$queryRaw(Prisma.sql`SELECT count(*) FROM (${unitBranchPairsSql({ period: past })}) x`)));
      results.push(await measure(`${label} meetings compliance by ward (district, ${past})`, iterations, () => getComplianceByChild(board, { orgUnitId: district.id, period: past })));
      return results;
    };

    const plan = async (): Promise<string> => {
      const rows = await db().$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN SELECT count(*) FROM (${branchesUnderSql(wards[0].path, { period: past })}) x`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    };

    const before = await suite("before");
    const planBefore = await plan();
    // Thousands of dated moves: branches hop between the district's wards, one month after another.
    const movesStarted = Date.now();
    const perMove: number[] = [];
    for (let i = 0; i < moves; i++) {
      const branch = branches[(i * 7919) % branches.length];
      const current = await db().orgUnit.findUniqueOrThrow({ where: { id: branch.id }, select: { parentId: true } });
      const candidates = wards.filter((ward) => ward.id !== current.parentId);
      const month = 12 + Math.floor(i / Math.max(1, Math.ceil(moves / 24)));
      const effectiveDate = `${2026 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-01`;
      const started = performance.now();
      await applyRestructuring(admin, { type: "MOVE", effectiveDate, unitId: branch.id, newParentId: candidates[i % candidates.length].id });
      perMove.push(performance.now() - started);
      if ((i + 1) % 500 === 0) log(`${i + 1} moves`);
    }
    perMove.sort((a, b) => a - b);
    const movesSeconds = (Date.now() - movesStarted) / 1000;
    log(`${moves} moves in ${movesSeconds.toFixed(1)} s (p50 ${percentile(perMove, 50).toFixed(1)} ms, p95 ${percentile(perMove, 95).toFixed(1)} ms per move)`);
    await db().$executeRawUnsafe("VACUUM (ANALYZE)");
    const after = await suite("after");
    const planAfter = await plan();
    const placements = await db().orgUnitPlacement.count();
    console.log(JSON.stringify({ scale, moves, movesSeconds, movePerEvent: { p50: percentile(perMove, 50), p95: percentile(perMove, 95) }, placements, before, after, planBefore, planAfter }));
    await disconnectDb();
  } finally {
    await database.release();
  }
}

async function main() {
  const iterations = Number(option("iterations") ?? 30);
  const moves = Number(option("moves") ?? 2000);
  const child = option("child");
  if (child === "district" || child === "city") return runScale(child, iterations, moves);
  const scales = option("scale") ? [option("scale")!] : ["district", "city"];
  for (const scale of scales) {
    const args = [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", __filename, "--child", scale, "--iterations", String(iterations), "--moves", String(moves)];
    const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${scale}: exit ${result.status}`);
    const report = JSON.parse(result.stdout.trim().split("\n").pop()!);
    console.log(`\n== ${scale}: ${report.moves} MOVE events in ${report.movesSeconds.toFixed(1)} s (per event p50 ${report.movePerEvent.p50.toFixed(1)} ms, p95 ${report.movePerEvent.p95.toFixed(1)} ms); ${report.placements} placements`);
    console.log("| query | before p50 / p95 ms | after p50 / p95 ms |\n|---|---|---|");
    for (const [index, row] of (report.before as Timing[]).entries()) {
      const later = report.after[index] as Timing;
      console.log(`| ${row.name.replace(/^before /, "")} | ${row.p50} / ${row.p95} | ${later.p50} / ${later.p95} |`);
    }
    console.log(`\nplan after the moves (branches under a ward, as-of):\n${report.planAfter}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
