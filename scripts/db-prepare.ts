// npm run db:prepare — for deployments on an external PostgreSQL (docker-compose's
// migrate service): extensions, migrations, and the first administrator from
// ADMIN_USERNAME / ADMIN_PASSWORD when the database is empty. Never demo data.
import { openAppDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";

async function main() {
  const database = await openAppDatabase(console.log);
  try {
    await prepareDatabase(database.url, { seedDemoWhenEmpty: false, log: console.log });
    console.log("Cơ sở dữ liệu sẵn sàng.");
  } finally {
    await database.release();
  }
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
