import { z } from "zod";

const id = (field: string) => z.coerce.number({ message: `${field} phải là số.` }).int(`${field} phải là số nguyên.`).positive(`${field} phải là số dương.`).max(2_147_483_647, `${field} quá lớn.`);
const emptyToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

/** Assign a ward or a branch to a follower; `userId` null (or empty) removes the assignment. */
export const AssignFollowerSchema = z.object({
  orgUnitId: id("orgUnitId"),
  userId: z.preprocess(emptyToNull, id("userId").nullable()),
});
export type AssignFollowerInput = z.infer<typeof AssignFollowerSchema>;

/** Move everything one follower follows (within the board's scope) to another. */
export const ReassignFollowerSchema = z
  .object({ fromUserId: id("fromUserId"), toUserId: id("toUserId") })
  .refine((value) => value.fromUserId !== value.toUserId, { message: "Chọn một người khác để chuyển việc sang.", path: ["toUserId"] });

export const FollowerBoardQuerySchema = z.object({
  orgUnitId: z.preprocess((value) => (value === "" ? undefined : value), id("orgUnitId").optional()),
});

/** The API's body for one unit's assignment: `userId` is required, null removes it (an empty body never unassigns). */
export const FollowerAssignmentBodySchema = z.object({
  userId: z.number({ message: "userId phải là số (mã tài khoản) hoặc null." }).int("userId phải là số nguyên.").positive("userId phải là số dương.").max(2_147_483_647, "userId quá lớn.").nullable(),
});
