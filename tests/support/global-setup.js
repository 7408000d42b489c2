// Starts scripts/test-env.ts for the parts of the suite that were selected
// and hands its database (and server) to the test workers through env vars.
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "../..");

// Jest does not pass --selectProjects to the global setup; read it from its command line.
function selectedProjects() {
  const argv = process.argv.slice(2);
  const selected = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--selectProjects=")) selected.push(...arg.slice("--selectProjects=".length).split(","));
    else if (arg === "--selectProjects") {
      while (argv[i + 1] && !argv[i + 1].startsWith("-")) selected.push(argv[++i]);
    }
  }
  return selected;
}

function pathPatterns(globalConfig) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  return Array.isArray(patterns) ? patterns.map(String) : [];
}

function onlyUnitTests(globalConfig) {
  const selected = selectedProjects();
  if (selected.length) return selected.every((name) => name === "unit");
  const patterns = pathPatterns(globalConfig);
  return patterns.length > 0 && patterns.every((pattern) => pattern.includes("unit"));
}

function needsServer(globalConfig) {
  const selected = selectedProjects();
  if (selected.length) return selected.includes("e2e");
  const patterns = pathPatterns(globalConfig);
  return patterns.length === 0 || patterns.some((pattern) => pattern.includes("e2e"));
}

module.exports = async function globalSetup(globalConfig) {
  if (onlyUnitTests(globalConfig)) return;
  const args = [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "scripts/test-env.ts")];
  if (needsServer(globalConfig)) args.push("--server");
  fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
  const logFile = fs.createWriteStream(path.join(ROOT, "test-results", "test-env.log"));
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
  child.stderr.pipe(logFile, { end: false });
  const ready = await new Promise((resolve, reject) => {
    let buffer = "";
    let settled = false;
    const timer = setTimeout(() => reject(new Error("Môi trường kiểm thử không sẵn sàng sau 15 phút; xem test-results/test-env.log")), 15 * 60_000);
    child.stdout.on("data", (chunk) => {
      logFile.write(chunk);
      if (settled) return;
      buffer += chunk.toString("utf8");
      const line = buffer.split("\n").find((candidate) => candidate.startsWith("TEST_ENV_READY ") && candidate.trimEnd().endsWith("}"));
      if (line) {
        settled = true;
        clearTimeout(timer);
        resolve(JSON.parse(line.slice("TEST_ENV_READY ".length)));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (!settled) reject(new Error(`Môi trường kiểm thử dừng (mã ${code}); xem test-results/test-env.log`));
    });
  });
  child.removeAllListeners("exit");
  process.env.DATABASE_URL = ready.databaseUrl;
  process.env.NEXTAUTH_SECRET = ready.authSecret;
  if (ready.baseUrl) process.env.E2E_BASE_URL = ready.baseUrl;
  globalThis.__TEST_ENV__ = child;
};
