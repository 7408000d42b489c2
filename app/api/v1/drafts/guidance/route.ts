import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { PeriodSchema } from "@/lib/periods/period";
import { listGuidance, postGuidance } from "@/lib/drafts/guidance";
import { GuidanceSchema } from "@/lib/drafts/schemas";

const Query = z.object({ period: PeriodSchema });

export const GET = apiRoute({ permission: "draft.read" }, async ({ request, actor }) => {
  const { period } = readQuery(request, Query);
  const items = await listGuidance(actor, period);
  return { items: items.map(({ canWithdraw: _canWithdraw, ...item }) => item), total: items.length, page: 1, pageSize: items.length };
});

export const POST = apiRoute({ permission: "guidance.post" }, async ({ request, actor }) => {
  const body = await readJson(request, GuidanceSchema);
  return NextResponse.json(await postGuidance(actor, body), { status: 201 });
});
