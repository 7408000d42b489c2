// The environment the test suite runs against, as a child process of Jest's
// global setup: a throwaway database (migrated, with the district demo) and,
// with --server, the production build served on a free port. Prints one
// TEST_ENV_READY line of JSON, then holds everything until SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { openThrowawayDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { ensureProductionBuild, serveArgs } from "./lib/build";
import { freePort } from "./lib/app-server";
import { PROJECT_ROOT } from "@/scripts/db/server";

function log(message: string) {
  process.stderr.write(`[test-env] ${message}\n`);
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("máy chủ ứng dụng đã dừng");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("máy chủ ứng dụng không sẵn sàng sau 120 giây");
}

async function main() {
  const withServer = process.argv.includes("--server");
  const started = Date.now();
  const database = await openThrowawayDatabase(log);
  let server: ChildProcess | undefined;
  const shutdown = async () => {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server!.once("exit", resolve));
    }
    await database.release();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());
  process.stdin.on("end", () => void shutdown());
  process.stdin.resume();

  const prepared = await prepareDatabase(database.url, { seedDemoWhenEmpty: true, log });
  let baseUrl: string | undefined;
  if (withServer) {
    ensureProductionBuild(log);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, serveArgs(port, { host: "127.0.0.1" }), {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "inherit", "inherit"],
      // The defaults a user gets: no TRUST_PROXY, so client addresses come from the socket. Tests that
      // need a client address of their own connect from another loopback address (tests/support/http.ts).
      env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: prepared.authSecret, NEXTAUTH_URL: baseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TRUST_PROXY: "0" },
    });
    await waitForHealth(`${baseUrl}/api/v1/health`, server);
  }
  log(`sẵn sàng sau ${Math.round((Date.now() - started) / 1000)} giây`);
  process.stdout.write(`TEST_ENV_READY ${JSON.stringify({ databaseUrl: database.url, authSecret: prepared.authSecret, baseUrl })}\n`);
}

main().catch((error) => {
  log(`Lỗi: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
