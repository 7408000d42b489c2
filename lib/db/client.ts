import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize }),
    // Under load (50 users on 2 cores, docs/reliability.md) waiting for a pooled connection or a
    // row lock takes longer than Prisma's defaults (2 s / 5 s), which turned busy moments into 500s.
    transactionOptions: { maxWait: 15_000, timeout: 30_000 },
  });
}

// One client per process; kept on globalThis so that dev reloads and test
// modules share it instead of opening new pools.
const holder = globalThis as unknown as { __prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.__prisma) holder.__prisma = createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
  return holder.__prisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.__prisma?.$disconnect();
  holder.__prisma = undefined;
}
