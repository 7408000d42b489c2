// A production build only when the sources changed since the last one
// (npm start and the e2e test setup share it).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/scripts/db/server";
import { NEXT_BIN } from "./app-server";

/** The web server: Next.js behind a server that stamps each request with its socket address (scripts/serve.mjs). */
const SERVE_SCRIPT = path.join(PROJECT_ROOT, "scripts", "serve.mjs");

/**
 * V8's old generation for the server, in MB. Without a cap V8 lets the heap grow
 * under concurrent rendering long before it collects (resident memory past 575 MB
 * at 8 concurrent users on the city data set); with it the server collects sooner
 * and stays under 500 MB. NODE_OPTIONS="--max-old-space-size=N" overrides it.
 */
const SERVER_HEAP_MB = 320;

/** Arguments for `node` to serve the app on `port` (all interfaces unless `host`). */
export function serveArgs(port: number, options: { host?: string; dev?: boolean } = {}): string[] {
  const heap = options.dev || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${SERVER_HEAP_MB}`];
  return [...heap, SERVE_SCRIPT, ...(options.dev ? ["--dev"] : []), "-p", String(port), ...(options.host ? ["-H", options.host] : [])];
}
const FINGERPRINT_FILE = path.join(PROJECT_ROOT, ".next", "source-fingerprint");
const SOURCE_ENTRIES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];

function listFiles(entry: string): string[] {
  const full = path.join(PROJECT_ROOT, entry);
  if (!fs.existsSync(full)) return [];
  const stat = fs.statSync(full);
  if (stat.isFile()) return [entry];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((child) => listFiles(path.join(entry, child.name)));
}

/** A digest of the sources a production build depends on; a change means rebuild. */
function sourceFingerprint(): string {
  const hash = crypto.createHash("sha256");
  for (const file of SOURCE_ENTRIES.flatMap(listFiles).sort()) {
    const stat = fs.statSync(path.join(PROJECT_ROOT, file));
    hash.update(`${file}\0${stat.size}\0${Math.floor(stat.mtimeMs)}\n`);
  }
  return hash.digest("hex");
}

export function ensureProductionBuild(log: (message: string) => void = console.log): void {
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID")) && fs.existsSync(FINGERPRINT_FILE) && fs.readFileSync(FINGERPRINT_FILE, "utf8") === fingerprint;
  if (built) {
    log("Bản build hiện có khớp mã nguồn, không cần build lại.");
    return;
  }
  log("Build bản production (lần đầu mất vài phút) ...");
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build thất bại (xem thông báo ở trên).");
  // Taken again after the build: `next build` may touch tsconfig.json.
  fs.writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
  log(`Build xong sau ${Math.round((Date.now() - started) / 1000)} giây.`);
}

