// npm run seed                        — district demo into an empty database
// npm run seed -- --scale city        — the whole city (16,762 branches, 475,880 members)
// npm run seed -- --reset [...]       — wipe the data first (asks nothing: for demo databases only)
import { withAppDatabase } from "@/scripts/lib/app-database";
import { isDatabaseEmpty, seedDemo, demoPassword } from "@/prisma/seed";
import { hashPassword } from "@/lib/auth/password";

async function main() {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const scaleIndex = argv.indexOf("--scale");
  const scale = scaleIndex === -1 ? "district" : argv[scaleIndex + 1];
  if (scale !== "district" && scale !== "city") throw new Error(`--scale phải là district hoặc city (nhận: ${scale})`);
  await withAppDatabase(4, async (db, url) => {
    if (args.has("--reset")) {
      console.log("Xóa toàn bộ dữ liệu hiện có ...");
      const tables = await db.$queryRaw<{ tablename: string }[]>`
        SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
      await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
    } else if (!(await isDatabaseEmpty(db))) {
      console.log("Cơ sở dữ liệu đã có dữ liệu. Dùng `npm run seed -- --reset` để xóa và nạp lại dữ liệu demo.");
      return;
    }
    await seedDemo(url, { scale, passwordHash: await hashPassword(demoPassword()), log: console.log });
  });
}

main().catch((error) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
