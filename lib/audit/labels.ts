// The one place that names audit events in Vietnamese: every event kind the
// app records (tests/unit/audit-labels.test.ts checks the code against it),
// grouped as the audit log's filter offers them.
import { UNTRUSTED_CLIENT } from "@/lib/http/client-address";

type AuditGroup = { prefix: string; label: string; actions: Record<string, string> };

export const AUDIT_ACTION_GROUPS: AuditGroup[] = [
  {
    prefix: "auth.",
    label: "Đăng nhập, đăng xuất",
    actions: {
      "auth.login.succeeded": "Đăng nhập thành công",
      "auth.login.failed": "Đăng nhập sai",
      "auth.login.refused_locked": "Từ chối đăng nhập (đang khóa)",
      "auth.login.refused_disabled": "Từ chối đăng nhập (vô hiệu hóa)",
      "auth.login.rate_limited": "Từ chối đăng nhập (quá nhiều lần)",
      "auth.account.locked": "Tạm khóa tài khoản",
      "auth.logout": "Đăng xuất",
      "auth.session.revoked": "Thu hồi phiên",
    },
  },
  {
    prefix: "user.",
    label: "Người dùng",
    actions: {
      "user.created": "Tạo người dùng",
      "user.enabled": "Kích hoạt người dùng",
      "user.disabled": "Vô hiệu hóa người dùng",
      "user.password_reset": "Đặt mật khẩu tạm",
      "user.password_changed": "Đổi mật khẩu",
      "user.unlocked": "Mở khóa người dùng",
    },
  },
  {
    prefix: "follower.",
    label: "Phân công theo dõi",
    actions: { "follower.assigned": "Giao theo dõi đơn vị", "follower.reassigned": "Chuyển người theo dõi", "follower.unassigned": "Bỏ phân công theo dõi" },
  },
  { prefix: "token.", label: "Mã truy cập API", actions: { "token.issued": "Cấp mã truy cập API", "token.revoked": "Thu hồi mã truy cập API" } },
  {
    prefix: "draft.",
    label: "Dự thảo nghị quyết",
    actions: {
      "draft.submitted": "Nộp dự thảo",
      "draft.revised": "Nộp phiên bản sửa",
      "draft.approved": "Duyệt dự thảo",
      "draft.changes_requested": "Yêu cầu chỉnh sửa dự thảo",
      "draft.comment.added": "Góp ý vào dự thảo",
      "draft.comment.replied": "Trả lời góp ý",
      "draft.comment.resolved": "Đánh dấu góp ý đã xử lý",
      "draft.comment.reopened": "Mở lại góp ý",
      "draft.suggestion.accepted": "Chấp nhận đề xuất sửa",
      "draft.suggestion.rejected": "Không chấp nhận đề xuất sửa",
    },
  },
  { prefix: "feedback.", label: "Ý kiến gửi Đảng ủy phường", actions: { "feedback.acknowledged": "Phường xác nhận ý kiến", "feedback.replied": "Phường sửa trả lời" } },
  { prefix: "reminder.", label: "Nhắc việc", actions: { "reminder.sent": "Gửi lời nhắc (phường xác nhận, chi bộ nộp lại)" } },
  { prefix: "guidance.", label: "Định hướng tháng", actions: { "guidance.posted": "Đăng định hướng tháng", "guidance.withdrawn": "Thu hồi định hướng tháng" } },
  {
    prefix: "meeting.",
    label: "Sinh hoạt chi bộ",
    actions: {
      "meeting.recorded": "Ghi cuộc họp",
      "meeting.updated": "Sửa cuộc họp",
      "meeting.closed": "Kết thúc cuộc họp, chốt biên bản",
      "meeting.minutes.updated": "Sửa biên bản đã chốt",
      "meeting.period.reopened": "Mở lại tháng đã khóa",
      "meeting.alert.dismissed": "Bỏ qua cảnh báo dữ liệu",
      "meeting.announced": "Thông báo lịch sinh hoạt",
      "meeting.schedule.updated": "Sửa lịch sinh hoạt đã thông báo",
    },
  },
  { prefix: "fee.", label: "Đảng phí", actions: { "fee.recorded": "Ghi đảng phí" } },
  {
    prefix: "import.",
    label: "Nhập tệp",
    actions: { "import.members": "Nhập danh sách đảng viên", "import.attendance": "Nhập điểm danh", "import.fees": "Nhập đảng phí", "import.usage": "Nhập số liệu sử dụng Sổ tay" },
  },
  {
    prefix: "stats.",
    label: "Số liệu tổng hợp",
    actions: { "stats.handbook.pushed": "Nhận số liệu Sổ tay qua API", "stats.handbook.rebuilt": "Tính lại số liệu Sổ tay", "stats.meetings.rebuilt": "Tính lại số liệu sinh hoạt chi bộ" },
  },
  {
    prefix: "org.",
    label: "Sắp xếp tổ chức",
    actions: {
      "org.restructure.merge": "Hợp nhất đơn vị",
      "org.restructure.split": "Chia tách đơn vị",
      "org.restructure.move": "Chuyển trực thuộc",
      "org.restructure.rename": "Đổi tên đơn vị",
      "org.restructure.close": "Giải thể đơn vị",
    },
  },
  { prefix: "setting.", label: "Cài đặt", actions: { "setting.updated": "Đổi cài đặt" } },
  {
    prefix: "document.",
    label: "Văn bản",
    actions: { "document.issued": "Ban hành văn bản", "document.issuer.updated": "Sửa thông tin cơ quan ban hành" },
  },
  { prefix: "attachment.", label: "Tệp đính kèm", actions: { "attachment.added": "Đính kèm tệp" } },
  { prefix: "member.", label: "Đảng viên", actions: { "member.import.heldOutsideScope": "Nhập đảng viên: mã đang thuộc đơn vị ngoài phạm vi (không ghi)" } },
];

export const AUDIT_ACTION_LABELS: Record<string, string> = Object.fromEntries(AUDIT_ACTION_GROUPS.flatMap((group) => Object.entries(group.actions)));

/** An event kind in Vietnamese; an unknown one (an old kind) reads as its group, never as a bare code. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const group = AUDIT_ACTION_GROUPS.find((candidate) => action.startsWith(candidate.prefix));
  return group ? `${group.label} (${action})` : `Sự kiện khác (${action})`;
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  User: "Người dùng",
  ApiToken: "Mã truy cập API",
  AppSetting: "Cài đặt",
  Draft: "Dự thảo",
  DraftComment: "Góp ý",
  Feedback: "Ý kiến gửi phường",
  Reminder: "Lời nhắc",
  Guidance: "Định hướng tháng",
  Meeting: "Cuộc họp",
  MeetingReopening: "Mở lại tháng",
  DataQualityDismissal: "Cảnh báo dữ liệu",
  ImportJob: "Lần nhập tệp",
  UsageSnapshot: "Số liệu sử dụng",
  HandbookStat: "Số liệu Sổ tay",
  MeetingStat: "Số liệu sinh hoạt chi bộ",
  OrgRestructuring: "Sắp xếp tổ chức",
  Member: "Đảng viên",
  PartyFee: "Đảng phí",
  MeetingSchedule: "Lịch sinh hoạt",
  IssuedDocument: "Văn bản đã ban hành",
  Attachment: "Tệp đính kèm",
  FollowAssignment: "Phân công theo dõi đơn vị",
};

/** "Dự thảo số 11845", "Cài đặt drafts.deadlineDay": what the event was about. */
export function auditEntityLabel(entityType: string, entityId: string | null): string {
  const label = AUDIT_ENTITY_LABELS[entityType] ?? entityType;
  if (!entityId) return label;
  return /^\d+$/.test(entityId) ? `${label} số ${entityId}` : `${label} ${entityId}`;
}

/** The client address as recorded; "direct" is the one shared bucket of callers not behind a trusted proxy. */
export function auditAddressLabel(ip: string | null): string {
  if (!ip) return "—";
  if (ip === UNTRUSTED_CLIENT) return "Không rõ (không qua proxy tin cậy)";
  return ip;
}

/** The filter value: one kind exactly, or a whole group ("auth."). */
export function auditActionFilter(value: string | undefined): { equals: string } | { startsWith: string } | undefined {
  if (!value) return undefined;
  return AUDIT_ACTION_LABELS[value] ? { equals: value } : { startsWith: value };
}
