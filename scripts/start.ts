// npm start: database (embedded unless DATABASE_URL), migrations, demo data
// on an empty embedded database, a production build when the sources changed,
// then the app (scripts/serve.mjs: Next.js, with client addresses from the socket). Ctrl+C stops the app and the embedded PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { openAppDatabase, PROJECT_ROOT, redactUrl } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { demoPassword } from "@/prisma/seed";
import { ensureProductionBuild, serveArgs } from "./lib/build";

async function waitUntilReady(url: string, child: ChildProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function log(message: string) {
  console.log(`[khởi động] ${message}`);
}

async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${process.env.PORT}`);

  const database = await openAppDatabase(log);
  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    await database.release();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    log(database.embedded ? "Dùng PostgreSQL nhúng." : `Dùng PostgreSQL tại ${redactUrl(database.url)}.`);
    const prepared = await prepareDatabase(database.url, { seedDemoWhenEmpty: database.embedded, log });
    if (!dev) ensureProductionBuild(log);

    const baseUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
    child = spawn(process.execPath, serveArgs(port, { dev }), {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: prepared.authSecret,
        NEXTAUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    child.on("exit", (code) => void stop(code ?? 0));
    if (await waitUntilReady(`http://127.0.0.1:${port}/api/v1/health`, child)) {
      log(`Ứng dụng sẵn sàng tại ${baseUrl}`);
      if (database.embedded) log(`Tài khoản demo (mật khẩu ${process.env.DEMO_PASSWORD ? "trong DEMO_PASSWORD" : demoPassword()}): admin, bantochuc, lanhdao, lanhdao-thanhpho, phuong-bo-de, chibo-lb-bd-01 ... (xem README).`);
    }
  } catch (error) {
    console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

if (require.main === module) void main();
