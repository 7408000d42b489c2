// Production app servers started by scripts and tests on ports of their own
// (the load test, the reliability suites), and signing in to them over HTTP.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT } from "@/scripts/db/server";
import { serveArgs } from "./build";

export const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "LongBien@2026";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type AppServer = { baseUrl: string; port: number; child: ChildProcess; output: string[]; stop: () => Promise<void>; kill: () => Promise<void> };

/** The production build (scripts/serve.mjs) on a free port (or `port`) against `databaseUrl`. */
export async function startAppServer(databaseUrl: string, extraEnv: Record<string, string> = {}, port?: number): Promise<AppServer> {
  port ??= await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, serveArgs(port, { host: "127.0.0.1" }), {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    if (output.length > 200) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`máy chủ ứng dụng đã dừng:\n${output.join("")}`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return { baseUrl, port, child, output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await end("SIGKILL");
  throw new Error(`máy chủ ứng dụng không sẵn sàng sau 120 giây:\n${output.join("")}`);
}

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair.indexOf("=");
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}

/** Signs in over next-auth's credentials endpoints of `baseUrl`; returns the cookie header. */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  cookiesFrom(response, jar);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`Đăng nhập ${username} thất bại (${response.status}).`);
  return cookie();
}

/** Clears the per-address sign-in windows (failed sign-ins count per address; successes never do). */
export async function allowMoreSignIns(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM "RateLimitBucket" WHERE key LIKE 'login:%'`);
  } finally {
    await client.end();
  }
}
