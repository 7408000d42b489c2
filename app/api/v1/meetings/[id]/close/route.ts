import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { closeMeeting } from "@/lib/meetings/close-meeting";

export const POST = apiRoute<{ id: string }>({ permission: "meeting.record" }, async ({ request, actor, params }) => {
  const body = await readJson(request);
  return closeMeeting(actor, idParam(params.id), body);
});
