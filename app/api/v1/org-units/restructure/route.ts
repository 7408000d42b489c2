import { NextResponse } from "next/server";
import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { applyRestructuring, previewRestructuring } from "@/lib/org/restructure/restructure-org-units";
import { RestructureQuerySchema } from "@/lib/org/restructure/schemas";
import { restructureResponse } from "@/lib/org/restructure/api-shapes";

export const POST = apiRoute({ permission: "org.restructure" }, async ({ request, actor }) => {
  const { preview } = readQuery(request, RestructureQuerySchema);
  const body = await readJson(request);
  if (preview === "1" || preview === "true") return restructureResponse(await previewRestructuring(actor, body));
  return NextResponse.json(restructureResponse(await applyRestructuring(actor, body)), { status: 201 });
});
