import "server-only";
import { db } from "@/lib/db/client";
import { getSetting } from "@/lib/settings/app-settings";
import { formatDate, formatPeriod, isoDate } from "@/lib/format/date";
import type { Period } from "@/lib/periods/period";
import { EDIT_DAYS_AFTER_PERIOD } from "./settings";
import { editingWindow, isEditable, type EditingWindow } from "./rules";
import { PeriodLockedError } from "./errors";
import { ValidationError } from "@/lib/errors";

/** The editing window of one branch's period: the setting, plus the latest board reopening. */
export async function loadEditingWindow(branchId: number, period: Period, today: string): Promise<EditingWindow> {
  const [editDays, reopening] = await Promise.all([
    getSetting(EDIT_DAYS_AFTER_PERIOD),
    db().meetingReopening.findFirst({ where: { branchId, period }, orderBy: { openUntil: "desc" }, select: { openUntil: true } }),
  ]);
  return editingWindow({ period, editDays, reopenedUntil: reopening ? isoDate(reopening.openUntil) : null, today });
}

/** Refuses a write to a period that is not open: future periods, or locked ones the board has not reopened. */
export async function assertPeriodEditable(branchId: number, period: Period, today: string): Promise<EditingWindow> {
  const window = await loadEditingWindow(branchId, period, today);
  if (window.state === "FUTURE") {
    throw new ValidationError(`${formatPeriod(period)} chưa bắt đầu: chưa ghi được cuộc họp của kỳ này.`, [{ field: "period", message: "Chưa đến kỳ này." }]);
  }
  if (!isEditable(window) && window.state === "LOCKED") {
    throw new PeriodLockedError(`${formatPeriod(period)} đã khóa sổ từ ngày ${formatDate(window.since)}. Đề nghị Ban Tổ chức Quận ủy mở lại kỳ này cho chi bộ trước khi sửa.`);
  }
  return window;
}
