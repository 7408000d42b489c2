import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

/** A meeting whose branch lies in the actor's scope (the check is in the query); otherwise "not found". */
export async function findMeetingInScope(actor: Actor, meetingId: number) {
  assertCan(actor, "meeting.read");
  if (!Number.isSafeInteger(meetingId) || meetingId <= 0) throw new NotFoundError("Không tìm thấy cuộc họp.");
  const meeting = await db().meeting.findFirst({
    where: { id: meetingId, branch: actor.scopePath === "/" ? {} : { path: { startsWith: actor.scopePath } } },
    include: { branch: true },
  });
  if (!meeting) throw new NotFoundError("Không tìm thấy cuộc họp.");
  return meeting;
}
