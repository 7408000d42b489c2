import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Roles a follower can have. Following is an assignment on an existing account, not a role:
 * the board's specialists (BOARD_REVIEWER), upper-level committee members who work in a ward
 * committee's office (WARD_COMMITTEE) or read as leaders (LEADER).
 */
export const FOLLOWER_ROLES: readonly Role[] = ["BOARD_REVIEWER", "WARD_COMMITTEE", "LEADER"];

/** A reviewer's open draft stays claimed this long after they last opened it or the page last checked in. */
export const REVIEW_CLAIM_MINUTES = 5;

/** Whether a user whose scope root is at `userScopePath` may follow the unit at `unitPath`: following never widens what they see. */
export function mayFollow(role: Role, userScopePath: string, unitPath: string): boolean {
  return FOLLOWER_ROLES.includes(role) && unitPath.startsWith(userScopePath);
}
