import { apiRoute, idParam, readJson } from "@/lib/api/handler";
import { assignFollower, assignUnitFollower } from "@/lib/followers/assign-follower";
import { NotFoundError } from "@/lib/errors";

/** A path id that is no positive integer is no unit: 404, as every other id in the path. */
function unitId(value: string) {
  const id = idParam(value);
  if (id < 0) throw new NotFoundError("Không tìm thấy phường hoặc chi bộ.");
  return id;
}

/** The board gives a ward or branch to a follower (or moves it); idempotent. assignUnitFollower checks the body, scope and follower. */
export const PUT = apiRoute<{ id: string }>({ permission: "follower.assign" }, async ({ request, actor, params }) => {
  const body = await readJson(request);
  return assignUnitFollower(actor, idParam(params.id), body);
});

/** The unit no longer has its own follower (a branch falls back to its ward's); idempotent. */
export const DELETE = apiRoute<{ id: string }>({ permission: "follower.assign" }, async ({ actor, params }) => {
  return assignFollower(actor, { orgUnitId: unitId(params.id), userId: null });
});
