import { apiRoute, readJson, readQuery } from "@/lib/api/handler";
import { announceMeeting } from "@/lib/meetings/announce-meeting";
import { listMeetingSchedules } from "@/lib/meetings/list-meeting-schedules";
import { SchedulesQuery } from "@/lib/meetings/api-queries";

/** Each branch under a unit with its announced regular meeting of the period: on time, late, or not announced. */
export const GET = apiRoute({ permission: "meeting.read" }, async ({ request, actor }) => {
  const query = readQuery(request, SchedulesQuery);
  return listMeetingSchedules(actor, query);
});

/** The secretary announces (or changes) a meeting ahead: idempotent per branch + period + kind; announceMeeting validates the body. */
export const PUT = apiRoute({ permission: "meeting.record" }, async ({ request, actor }) => {
  const body = await readJson(request);
  return announceMeeting(actor, body);
});
