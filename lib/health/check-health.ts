import "server-only";
import { db } from "@/lib/db/client";

/** One database round trip: the floor every data request stands on. */
export async function checkHealth(): Promise<{ status: "ok" | "degraded"; database: "ok" | "unavailable" }> {
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "degraded", database: "unavailable" };
  }
}
