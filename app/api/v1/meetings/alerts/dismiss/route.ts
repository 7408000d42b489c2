import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { dismissDataQualityAlert } from "@/lib/meetings/dismiss-alert";

export const POST = apiRoute({ permission: "meeting.alert.dismiss" }, async ({ request, actor }) => {
  const body = await readJson(request);
  return NextResponse.json(await dismissDataQualityAlert(actor, body), { status: 201 });
});
