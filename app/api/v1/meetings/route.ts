import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { ListMeetingsQuery } from "@/lib/meetings/api-queries";

export const GET = apiRoute({ permission: "meeting.read" }, async ({ request, actor }) => {
  const query = readQuery(request, ListMeetingsQuery);
  return listMeetings(actor, query);
});

/** Idempotent upsert per branch + period + kind; recordMeeting validates the body. */
export const PUT = apiRoute({ permission: "meeting.record" }, async ({ request, actor }) => {
  const body = await readJson(request);
  const result = await recordMeeting(actor, body);
  return { ...result.meeting, created: result.created, changed: result.changed };
});
