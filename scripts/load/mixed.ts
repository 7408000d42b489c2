// npm run test:load [-- --duration=120 --users=50 --instances=both|1|2]
//
// The full load test of docs/reliability.md: a throwaway database with the
// district demo, the production build, then 50 simulated users for two
// minutes against ONE app instance, and again against TWO instances on
// different ports sharing the database (requests alternating). Prints the
// figures and exits non-zero on any 5xx, unexpected answer or lost write.
//
// Against servers you already run: DATABASE_URL=... npm run test:load -- --base-url=http://127.0.0.1:3103[,http://127.0.0.1:3110]
import fs from "node:fs";
import path from "node:path";
import { openThrowawayDatabase, PROJECT_ROOT } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { ensureProductionBuild } from "../lib/build";
import { startAppServer, type AppServer } from "../lib/app-server";
import { describeFigures, runMixedLoad, type LoadFigures } from "./mixed-workload";

function arg(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((value) => value.startsWith(prefix))?.slice(prefix.length);
}

function check(label: string, figures: LoadFigures): boolean {
  console.log(`[${label}] ${describeFigures(figures)}`);
  for (const entry of figures.unexpected) console.log(`  bất thường: ${entry.status} ${entry.what} ${entry.body}`);
  for (const lost of figures.lostWrites) console.log(`  MẤT: ${lost}`);
  return figures.serverErrors === 0 && figures.lostWrites.length === 0 && figures.unexpected.length === 0;
}

async function main() {
  const durationMs = Number(arg("duration") ?? 120) * 1000;
  const users = Number(arg("users") ?? 50);
  const log = (message: string) => console.log(message);
  const external = arg("base-url");
  const results: Record<string, LoadFigures> = {};
  let ok = true;

  if (external) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("Cần DATABASE_URL của cơ sở dữ liệu mà các máy chủ dùng (để kiểm tra dữ liệu ghi).");
    const baseUrls = external.split(",").map((url) => url.trim()).filter(Boolean);
    const figures = await runMixedLoad({ baseUrls, databaseUrl, users, durationMs, log });
    ok = check(`${baseUrls.length} phiên bản`, figures);
    results[`${baseUrls.length}-instance`] = figures;
  } else {
    const instances = arg("instances") ?? "both";
    // The load test's own database and servers; DATABASE_URL only chooses the PostgreSQL server.
    const database = await openThrowawayDatabase(log);
    const servers: AppServer[] = [];
    try {
      const prepared = await prepareDatabase(database.url, { seedDemoWhenEmpty: true, log });
      ensureProductionBuild(log);
      const env = { NEXTAUTH_SECRET: prepared.authSecret };
      servers.push(await startAppServer(database.url, env));
      if (instances !== "1") servers.push(await startAppServer(database.url, env));
      log(`Máy chủ: ${servers.map((server) => server.baseUrl).join(", ")}`);
      if (instances !== "2") {
        results["1-instance"] = await runMixedLoad({ baseUrls: [servers[0].baseUrl], databaseUrl: database.url, users, durationMs, log });
        ok = check("1 phiên bản", results["1-instance"]) && ok;
      }
      if (instances !== "1") {
        results["2-instances"] = await runMixedLoad({ baseUrls: servers.map((server) => server.baseUrl), databaseUrl: database.url, users, durationMs, log });
        ok = check("2 phiên bản, một cơ sở dữ liệu", results["2-instances"]) && ok;
      }
      for (const server of servers) {
        const rss = Number(fs.existsSync(`/proc/${server.child.pid}/status`) ? /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.child.pid}/status`, "utf8"))?.[1] ?? 0 : 0);
        log(`Bộ nhớ (RSS) của tiến trình next start ${server.baseUrl}: ${Math.round(rss / 1024)} MB`);
      }
    } finally {
      for (const server of servers) await server.stop();
      await database.release();
    }
  }
  const out = path.join(PROJECT_ROOT, "test-results", "load-results.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), durationS: durationMs / 1000, users, results }, null, 2));
  console.log(`Kết quả: ${path.relative(PROJECT_ROOT, out)} — ${ok ? "ĐẠT" : "KHÔNG ĐẠT"}`);
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
