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

export const MEETING_SETTINGS = [MISSING_MEETING_DEADLINE_DAY, EDIT_DAYS_AFTER_PERIOD, REOPEN_DAYS];
