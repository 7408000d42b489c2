// Direct database access for test setup and assertions (the code under test
// goes through lib/, as the app does).
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  if (!client) client = createPrismaClient(process.env.DATABASE_URL!, 4);
  return client;
}

export async function closeTestDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  const { disconnectDb } = await import("@/lib/db/client");
  await disconnectDb();
}
