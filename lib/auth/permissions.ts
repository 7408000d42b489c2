// The one map from role to what it may do. Used by the server to refuse and
// by pages to hide what the user cannot use. Shared with client components,
// so no server-only imports here.
import type { Role } from "@/lib/generated/prisma/enums";

export const PERMISSIONS = [
  "org.read",
  "member.read",
  "user.manage",
  "token.manage",
  "audit.read",
  "import.run",
  "org.restructure",
  "draft.read",
  "draft.submit",
  "draft.review",
  "draft.comment",
  "feedback.read",
  "feedback.ack",
  /** Remind a ward committee of feedback waiting for its acknowledgement (board). */
  "feedback.remind",
  /** Remind a branch of a draft to send again (ward committee). */
  "draft.remind",
  "guidance.post",
  "meeting.read",
  "meeting.record",
  "meeting.reopen",
  "meeting.alert.dismiss",
  "stats.read",
  "stats.push",
  "settings.manage",
  "document.generate",
  "document.issue",
  "follower.read",
  "follower.assign",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

// follower.read: a follower (a user of these roles the board assigned wards or branches to) lists what they follow.
// follower.assign: the board assigns wards and branches to its specialists and to upper-level committee members.
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: ["org.read", "member.read", "user.manage", "token.manage", "audit.read", "import.run", "org.restructure", "stats.read", "stats.push", "meeting.read", "draft.read", "settings.manage", "document.generate"],
  // stats.push: the board collects usage figures (CSV) and issues the handbook app's push token.
  BOARD_REVIEWER: ["org.read", "member.read", "draft.read", "draft.review", "draft.comment", "feedback.read", "feedback.remind", "guidance.post", "meeting.read", "meeting.reopen", "meeting.alert.dismiss", "stats.read", "import.run", "stats.push", "document.generate", "document.issue", "follower.read", "follower.assign"],
  WARD_COMMITTEE: ["org.read", "member.read", "draft.read", "draft.comment", "draft.remind", "feedback.read", "feedback.ack", "guidance.post", "meeting.read", "meeting.alert.dismiss", "stats.read", "document.generate", "document.issue", "follower.read"],
  BRANCH_SECRETARY: ["org.read", "member.read", "draft.read", "draft.submit", "draft.comment", "meeting.read", "meeting.record", "document.generate"],
  // Leaders read aggregates; member names stay with the branch, ward and board.
  LEADER: ["org.read", "draft.read", "meeting.read", "stats.read", "document.generate", "follower.read"],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Quản trị hệ thống",
  BOARD_REVIEWER: "Ban Tổ chức Quận ủy",
  WARD_COMMITTEE: "Đảng ủy phường",
  BRANCH_SECRETARY: "Bí thư chi bộ",
  LEADER: "Lãnh đạo",
};

/** Which org level each role's scope root must be at. */
export const ROLE_SCOPE_LEVELS: Record<Role, readonly ("CITY" | "DISTRICT" | "WARD" | "BRANCH")[]> = {
  ADMIN: ["CITY", "DISTRICT"],
  BOARD_REVIEWER: ["CITY", "DISTRICT"],
  WARD_COMMITTEE: ["WARD"],
  BRANCH_SECRETARY: ["BRANCH"],
  LEADER: ["CITY", "DISTRICT", "WARD"],
};
