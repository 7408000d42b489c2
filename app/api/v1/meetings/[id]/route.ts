import { apiRoute, idParam } from "@/lib/api/handler";
import { getMeetingDetail } from "@/lib/meetings/meeting-detail";

export const GET = apiRoute<{ id: string }>({ permission: "meeting.read" }, async ({ actor, params }) => getMeetingDetail(actor, idParam(params.id)));
