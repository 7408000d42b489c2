// postinstall: `prisma generate` offline. The CLI insists on locating its
// schema-engine binary even though the generator never runs it (docs/database.md),
// so point it at an existing file when the real engine is absent.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("package.json");
if (!fs.existsSync("prisma/schema.prisma")) process.exit(0);
const result = spawnSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
