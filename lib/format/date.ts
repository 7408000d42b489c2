// Dates as Vietnamese users read them: dd/MM/yyyy, 24-hour time, Hà Nội time zone.
import { formatNumber } from "./number";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFormat = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TIME_ZONE });

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** 26/11/2026 */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return dateFormat.format(toDate(value));
}

/** 19:05 */
export function formatTime(value: Date | string): string {
  return timeFormat.format(toDate(value));
}

/** 19:05 26/11/2026 */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${formatTime(value)} ${formatDate(value)}`;
}

/** "2026-11" → "Tháng 11/2026" */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return `Tháng ${Number(match[2])}/${match[1]}`;
}

/** The YYYY-MM period a date falls in, in Hà Nội time. */
export function periodOf(value: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone: TIME_ZONE }).formatToParts(value);
  const year = parts.find((part) => part.type === "year")?.value;
  const month = parts.find((part) => part.type === "month")?.value;
  return `${year}-${month}`;
}

/** How long something has waited, in whole days: "từ hôm nay" for less than a day (never "0 ngày"), else "3 ngày". */
export function formatWaitingDays(days: number): string {
  return days <= 0 ? "từ hôm nay" : `${formatNumber(days)} ngày`;
}
