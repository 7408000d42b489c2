import { NextResponse } from "next/server";
import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { listGuidance, postGuidance } from "@/lib/drafts/guidance";
import { PeriodQuerySchema } from "@/lib/drafts/schemas";
import { guidanceItem } from "@/lib/drafts/api-shapes";

export const GET = apiRoute({ permission: "draft.read" }, async ({ request, actor }) => {
  const { period } = readQuery(request, PeriodQuerySchema);
  const items = await listGuidance(actor, period);
  return { items: items.map(guidanceItem), total: items.length, page: 1, pageSize: items.length };
});

export const POST = apiRoute({ permission: "guidance.post" }, async ({ request, actor }) => {
  const body = await readJson(request);
  return NextResponse.json(await postGuidance(actor, body), { status: 201 });
});
