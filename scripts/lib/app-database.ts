// The app's database for a command-line script: opened (embedded or
// DATABASE_URL), migrated, with a Prisma client that is closed afterwards.
import { openAppDatabase } from "@/scripts/db/server";
import { prepareDatabase } from "@/scripts/db/bootstrap";
import { createPrismaClient } from "@/lib/db/client";

type Client = ReturnType<typeof createPrismaClient>;

export async function withAppDatabase<T>(poolSize: number, work: (db: Client, url: string) => Promise<T>): Promise<T> {
  const database = await openAppDatabase(console.log);
  try {
    await prepareDatabase(database.url, { seedDemoWhenEmpty: false });
    const db = createPrismaClient(database.url, poolSize);
    try {
      return await work(db, database.url);
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.release();
  }
}
