import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/handler";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
});
