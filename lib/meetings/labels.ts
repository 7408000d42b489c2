// Vietnamese words for the meeting area's values. Shared by server and client code.
import type { AttendanceStatus, DataQualityAlertKind, MeetingKind } from "@/lib/generated/prisma/enums";

export const MEETING_KINDS = ["REGULAR", "THEMATIC"] as const satisfies readonly MeetingKind[];
export const ATTENDANCE_STATUSES = ["PRESENT", "EXCUSED", "UNEXCUSED"] as const satisfies readonly AttendanceStatus[];
export const ALERT_KINDS = ["PERFECT_ATTENDANCE", "MISSING_MINUTES", "DOCUMENTS_NOT_SENT", "HELD_OUTSIDE_PERIOD", "FORMER_MEMBER_ATTENDANCE", "SHORT_MEETING", "DOCUMENTS_LATE", "NO_SCHEDULE"] as const satisfies readonly DataQualityAlertKind[];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  REGULAR: "Sinh hoạt thường kỳ",
  THEMATIC: "Sinh hoạt chuyên đề",
};

export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  PRESENT: "Có mặt",
  EXCUSED: "Vắng có lý do",
  UNEXCUSED: "Vắng không lý do",
};

export const ALERT_KIND_LABELS: Record<DataQualityAlertKind, string> = {
  PERFECT_ATTENDANCE: "Có mặt 100% nhiều tháng liền",
  MISSING_MINUTES: "Chưa có biên bản",
  DOCUMENTS_NOT_SENT: "Tài liệu không gửi trước",
  HELD_OUTSIDE_PERIOD: "Ngày họp ngoài kỳ",
  FORMER_MEMBER_ATTENDANCE: "Điểm danh người không còn sinh hoạt",
  SHORT_MEETING: "Họp chưa đủ thời lượng",
  DOCUMENTS_LATE: "Tài liệu đăng muộn",
  NO_SCHEDULE: "Không báo lịch họp trước",
};

/** Whether a branch has its meeting for a period: held, missing (past the deadline), pending (not yet due). */
export type MeetingState = "HELD" | "MISSING" | "PENDING";

export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  HELD: "Đã sinh hoạt",
  MISSING: "Thiếu",
  PENDING: "Chưa đến hạn",
};

/** Whether a branch announced its next meeting ahead (GET /api/v1/meetings/schedules, the schedules page). */
export const SCHEDULE_STATES = ["ON_TIME", "LATE", "NOT_ANNOUNCED"] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

export const SCHEDULE_STATE_LABELS: Record<ScheduleState, string> = {
  ON_TIME: "Báo trước đúng hạn",
  LATE: "Báo muộn",
  NOT_ANNOUNCED: "Chưa báo lịch",
};
