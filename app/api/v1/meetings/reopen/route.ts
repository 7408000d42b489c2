import { NextResponse } from "next/server";
import { apiRoute, readJson } from "@/lib/api/handler";
import { reopenMeetingPeriod } from "@/lib/meetings/reopen-period";

export const POST = apiRoute({ permission: "meeting.reopen" }, async ({ request, actor }) => {
  const body = await readJson(request);
  return NextResponse.json(await reopenMeetingPeriod(actor, body), { status: 201 });
});
