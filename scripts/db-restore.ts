// npm run db:restore -- <file> — replaces the app database's contents with a
// backup made by db:backup (the app should be stopped). One transaction:
// a failed restore leaves the database as it was.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { openAppDatabase } from "@/scripts/db/server";
import { findPgTool, serverMajorVersion } from "@/scripts/db/pg-tools";
import { restoreAttachments } from "@/lib/attachments/backup-files";

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) throw new Error("Cần đường dẫn tệp sao lưu: npm run db:restore -- backups/so_tay-....dump");
  const database = await openAppDatabase(console.log);
  try {
    const pgRestore = findPgTool("pg_restore", await serverMajorVersion(database.url));
    execFileSync(pgRestore, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${database.url}`, file], { stdio: "inherit" });
    console.log(`Đã khôi phục từ ${file}.`);
    const attachments = restoreAttachments(file);
    if (attachments) console.log(`Đã khôi phục tệp đính kèm (${attachments.files.toLocaleString("vi-VN")} tệp).`);
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
