import { apiRoute, readQuery } from "@/lib/api/handler";
import { getFollowerBoard } from "@/lib/followers/follower-board";
import { FollowerBoardQuerySchema } from "@/lib/followers/schemas";

/** Who follows what under a ward or branch (the scope root by default): the /follow/assignments page's data. */
export const GET = apiRoute({ permission: "follower.read" }, async ({ request, actor }) => {
  return getFollowerBoard(actor, readQuery(request, FollowerBoardQuerySchema));
});
