// Vietnamese labels of the drafts area, shared by server and client components.
import type { BadgeTone } from "@/lib/format/tone";
export { DRAFT_FLAGS, FLAG_LABELS, FLAG_SHORT, type DraftFlagKey } from "./analyzer/propose-flags";

export const DRAFT_STATUSES = ["SUBMITTED", "CHANGES_REQUESTED", "REVISED", "APPROVED"] as const;
export type DraftStatusKey = (typeof DRAFT_STATUSES)[number];
/** Queue rows also list branches that have not submitted. */
export type QueueStatusKey = DraftStatusKey | "NOT_SUBMITTED";

export const STATUS_LABELS: Record<QueueStatusKey, string> = {
  SUBMITTED: "Chờ xem xét",
  REVISED: "Đã sửa, chờ xem lại",
  CHANGES_REQUESTED: "Yêu cầu chỉnh sửa",
  APPROVED: "Đã duyệt",
  NOT_SUBMITTED: "Chưa nộp",
};

export const STATUS_TONES: Record<QueueStatusKey, BadgeTone> = {
  SUBMITTED: "info",
  REVISED: "info",
  CHANGES_REQUESTED: "warn",
  APPROVED: "ok",
  NOT_SUBMITTED: "bad",
};

export const DECISION_LABELS = { APPROVED: "Duyệt", CHANGES_REQUESTED: "Yêu cầu chỉnh sửa" } as const;

export type Timeliness = "ON_TIME" | "LATE" | "MISSING" | "NOT_DUE";
export const TIMELINESS_LABELS: Record<Timeliness, string> = { ON_TIME: "Đúng hạn", LATE: "Nộp muộn", MISSING: "Quá hạn, chưa nộp", NOT_DUE: "Chưa đến hạn" };
export const TIMELINESS_TONES: Record<Timeliness, BadgeTone> = { ON_TIME: "ok", LATE: "warn", MISSING: "bad", NOT_DUE: "neutral" };

export const RESUBMISSION_LABELS = { DUE: "Chờ nộp lại", OVERDUE: "Quá hạn nộp lại", ON_TIME: "Nộp lại đúng hạn", LATE: "Nộp lại muộn" } as const;
export const RESUBMISSION_TONES: Record<keyof typeof RESUBMISSION_LABELS, BadgeTone> = { DUE: "neutral", OVERDUE: "bad", ON_TIME: "ok", LATE: "warn" };

export const ROLE_SHORT: Record<string, string> = {
  BOARD_REVIEWER: "Ban Tổ chức",
  WARD_COMMITTEE: "Đảng ủy phường",
  BRANCH_SECRETARY: "Bí thư chi bộ",
  ADMIN: "Quản trị",
  LEADER: "Lãnh đạo",
};

/**
 * The decided flags that belong to the current version. `Draft.flags` keeps
 * the latest decision's flags; once the branch sends a new version (REVISED),
 * those were about the previous one and the new version has none until it is
 * decided.
 */
export function currentVersionFlags<T extends string>(status: string | null, flags: readonly T[]): T[] {
  return status === "APPROVED" || status === "CHANGES_REQUESTED" ? [...flags] : [];
}
