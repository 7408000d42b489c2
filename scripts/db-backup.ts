// npm run db:backup [-- <file>] — a custom-format pg_dump of the app database
// (embedded or DATABASE_URL) into backups/ by default.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openAppDatabase, PROJECT_ROOT } from "@/scripts/db/server";
import { findPgTool, serverMajorVersion } from "@/scripts/db/pg-tools";
import { backupAttachments } from "@/lib/attachments/backup-files";

async function main() {
  const database = await openAppDatabase(console.log);
  try {
    const pgDump = findPgTool("pg_dump", await serverMajorVersion(database.url));
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..+/, "").replace("T", "-");
    const file = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, "backups", `so_tay-${stamp}.dump`));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    execFileSync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${database.url}`], { stdio: "inherit" });
    console.log(`Đã sao lưu: ${file} (${(fs.statSync(file).size / 1024 / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB)`);
    const attachments = backupAttachments(file);
    if (attachments) console.log(`Đã sao lưu tệp đính kèm: ${attachments.archive} (${attachments.files.toLocaleString("vi-VN")} tệp)`);
    else console.log("Tệp đính kèm nằm trong kho S3 (ATTACHMENTS_S3_BUCKET): sao lưu theo cơ chế của kho đó.");
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
