"use server";

import { formAction } from "@/lib/actions/form-action";
import { assignFollower, reassignFollowerWork } from "@/lib/followers/assign-follower";

export const assignFollowerAction = formAction({ permission: "follower.assign", revalidate: ["/follow/assignments"] }, async (actor, input) => {
  const result = await assignFollower(actor, { orgUnitId: input.orgUnitId, userId: input.userId });
  if (!result.changed) return { status: "success", message: "Không có thay đổi." };
  return { status: "success", message: result.userId === null ? "Đã bỏ phân công." : "Đã giao theo dõi." };
});

export const reassignFollowerAction = formAction({ permission: "follower.assign", revalidate: ["/follow/assignments"] }, async (actor, input) => {
  const result = await reassignFollowerWork(actor, { fromUserId: input.fromUserId, toUserId: input.toUserId });
  return { status: "success", message: `Đã chuyển ${result.moved} đơn vị sang người mới.` };
});
