// npm run db:migration -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the existing migrations and prisma/schema.prisma.
// The migrations are replayed on a throwaway database (no shadow database needed).
import { applyMigrations, diffDatabaseToSchema, migrationDirName, writeMigration } from "@/scripts/db/migrations";
import { ensureExtensions, openThrowawayDatabase } from "@/scripts/db/server";

async function main() {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) throw new Error("Cần tên migration: npm run db:migration -- <tên>");
  const dirName = migrationDirName(name);
  const database = await openThrowawayDatabase();
  try {
    await ensureExtensions(database.url);
    await applyMigrations(database.url);
    const sql = await diffDatabaseToSchema(database.url);
    if (!sql) {
      console.log("schema.prisma khớp với các migration hiện có: không có gì để ghi.");
      return;
    }
    const file = writeMigration(dirName, sql);
    console.log(`Đã ghi ${file}. Đọc lại, thêm SQL mà Prisma không diễn đạt được (hàm, trigger, chỉ mục biểu thức) nếu cần.`);
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
