// Values the administrator can change under Quản trị → Thiết lập.
import { z } from "zod";
import { defineSetting } from "@/lib/settings/define";

export const MISSING_MEETING_DEADLINE_DAY = defineSetting<number>({
  key: "meetings.missingDeadlineDay",
  label: "Hạn ghi nhận sinh hoạt chi bộ (ngày của tháng sau)",
  description: "Chi bộ chưa có bản ghi sinh hoạt của tháng trước đến hết ngày này của tháng sau bị tính là thiếu (hiện màu đỏ). Từ 1 đến 28.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập một số ngày từ 1 đến 28." }).int("Nhập số nguyên.").min(1, "Ngày nhỏ nhất là 1.").max(28, "Ngày lớn nhất là 28."),
  defaultValue: 5,
});

export const EDIT_DAYS_AFTER_PERIOD = defineSetting<number>({
  key: "meetings.editDaysAfterPeriod",
  label: "Số ngày còn sửa được biên bản sinh hoạt sau khi hết kỳ",
  description: "Bí thư chi bộ ghi và sửa cuộc họp của một tháng đến hết số ngày này sau ngày cuối tháng; sau đó chỉ Ban Tổ chức mở lại được. Từ 0 đến 90.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số ngày từ 0 đến 90." }).int("Nhập số nguyên.").min(0, "Không nhỏ hơn 0.").max(90, "Tối đa 90 ngày."),
  defaultValue: 10,
});

export const REOPEN_DAYS = defineSetting<number>({
  key: "meetings.reopenDays",
  label: "Số ngày mở lại kỳ sinh hoạt đã khóa",
  description: "Khi Ban Tổ chức mở lại một kỳ đã khóa cho một chi bộ, bí thư chi bộ được sửa trong số ngày này. Từ 1 đến 60.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số ngày từ 1 đến 60." }).int("Nhập số nguyên.").min(1, "Ít nhất 1 ngày.").max(60, "Tối đa 60 ngày."),
  defaultValue: 7,
});


// Quality criteria of a meeting (docs/meetings.md names the directive behind each). A directive
// that changes a threshold is a settings change, not a release; 0 turns a criterion off.

export const QUALITY_MIN_MINUTES = defineSetting<number>({
  key: "meetings.quality.minMinutes",
  label: "Thời lượng tối thiểu của buổi sinh hoạt (phút)",
  description: "Buổi sinh hoạt thường kỳ đạt tiêu chí khi kéo dài ít nhất số phút này (Chỉ thị 50-CT/TW: 90 phút). 0 là không xét.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số phút từ 0 đến 480." }).int("Nhập số nguyên.").min(0, "Không nhỏ hơn 0.").max(480, "Tối đa 480 phút."),
  defaultValue: 90,
});

export const QUALITY_MIN_MINUTES_COMBINED = defineSetting<number>({
  key: "meetings.quality.minMinutesCombined",
  label: "Thời lượng tối thiểu khi sinh hoạt thường kỳ kết hợp chuyên đề (phút)",
  description: "Khi sinh hoạt thường kỳ và chuyên đề trong cùng một buổi, buổi họp đạt tiêu chí khi kéo dài ít nhất số phút này (Hướng dẫn 42-HD/BTCTW: 120 phút). 0 là không xét.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số phút từ 0 đến 480." }).int("Nhập số nguyên.").min(0, "Không nhỏ hơn 0.").max(480, "Tối đa 480 phút."),
  defaultValue: 120,
});

export const QUALITY_MIN_ATTENDANCE_PERCENT = defineSetting<number>({
  key: "meetings.quality.minAttendancePercent",
  label: "Tỷ lệ dự họp tối thiểu (%)",
  description: "Buổi sinh hoạt đạt tiêu chí khi số có mặt bằng hoặc vượt tỷ lệ này của số đảng viên phải dự (Hướng dẫn 12-HD/BTCTW: 85%). 0 là không xét.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập tỷ lệ từ 0 đến 100." }).int("Nhập số nguyên.").min(0, "Không nhỏ hơn 0.").max(100, "Tối đa 100."),
  defaultValue: 85,
});

export const QUALITY_DOCUMENTS_DAYS_BEFORE = defineSetting<number>({
  key: "meetings.quality.documentsDaysBefore",
  label: "Tài liệu đăng trước buổi họp ít nhất (ngày)",
  description: "Tài liệu sinh hoạt phải được đăng lên Sổ tay trước ngày họp ít nhất số ngày này (Hướng dẫn 42-HD/BTCTW: 1 ngày). 0 là không xét.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số ngày từ 0 đến 30." }).int("Nhập số nguyên.").min(0, "Không nhỏ hơn 0.").max(30, "Tối đa 30 ngày."),
  defaultValue: 1,
});

export const SCHEDULE_DAYS_AHEAD = defineSetting<number>({
  key: "meetings.scheduleDaysAhead",
  label: "Thông báo lịch sinh hoạt trước ít nhất (ngày)",
  description: "Thời gian, địa điểm, nội dung buổi sinh hoạt phải được gửi đến đảng viên và cấp ủy viên phụ trách trước ngày họp ít nhất số ngày này; thông báo muộn hơn bị tính là báo muộn. 0 là không xét.",
  input: "integer",
  schema: z.coerce.number({ message: "Nhập số ngày từ 0 đến 30." }).int("Nhập số nguyên.").min(0, "Không nhỏ hơn 0.").max(30, "Tối đa 30 ngày."),
  defaultValue: 7,
});

const QUALITY_SETTINGS = [QUALITY_MIN_MINUTES, QUALITY_MIN_MINUTES_COMBINED, QUALITY_MIN_ATTENDANCE_PERCENT, QUALITY_DOCUMENTS_DAYS_BEFORE, SCHEDULE_DAYS_AHEAD];

export const MEETING_SETTINGS = [MISSING_MEETING_DEADLINE_DAY, EDIT_DAYS_AFTER_PERIOD, REOPEN_DAYS, ...QUALITY_SETTINGS];
