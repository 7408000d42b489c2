// npm run db:migrate — applies pending migrations from prisma/migrations with
// no engine download; records them in _prisma_migrations like `prisma migrate deploy`.
import { applyMigrations } from "@/scripts/db/migrations";
import { ensureExtensions, openAppDatabase } from "@/scripts/db/server";

async function main() {
  const database = await openAppDatabase(console.log);
  try {
    await ensureExtensions(database.url);
    const applied = await applyMigrations(database.url);
    console.log(applied.length ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")}` : "Cơ sở dữ liệu đã ở phiên bản mới nhất.");
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
