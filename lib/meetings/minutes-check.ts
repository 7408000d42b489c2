// Do the minutes agree with the attendance recorded? Minutes are free text
// written once; attendance may be corrected later ("Có mặt 53/57" in the
// minutes, 51/57 in the roll call). The figures the minutes state are read
// by pattern and compared. Shared by server and client code.
import { formatNumber } from "@/lib/format/number";

export type AttendanceFigures = { present: number; expected: number; excused: number; unexcused: number };
export type MinutesMismatch = { field: keyof AttendanceFigures; stated: number; recorded: number };

const FIELD_WORDS: Record<keyof AttendanceFigures, string> = {
  present: "có mặt",
  expected: "phải dự",
  excused: "vắng có lý do",
  unexcused: "vắng không lý do",
};

/** The attendance figures the minutes state, where they state them. */
export function statedAttendance(minutes: string): Partial<AttendanceFigures> {
  const text = minutes.normalize("NFC");
  const stated: Partial<AttendanceFigures> = {};
  const ratio = /có mặt\s*:?\s*(\d{1,4})\s*\/\s*(\d{1,4})/iu.exec(text);
  if (ratio) {
    stated.present = Number(ratio[1]);
    stated.expected = Number(ratio[2]);
  } else {
    const present = /có mặt\s*:?\s*(\d{1,4})\s*(?:đồng chí|đ\/c|đảng viên)/iu.exec(text);
    if (present) stated.present = Number(present[1]);
  }
  // "2 vắng có lý do" or "vắng có lý do: 2"
  const excused = /(\d{1,4})\s*(?:đồng chí|đ\/c|đảng viên)?\s*vắng có lý do|vắng có lý do\s*:?\s*(\d{1,4})/iu.exec(text);
  if (excused) stated.excused = Number(excused[1] ?? excused[2]);
  const unexcused = /(\d{1,4})\s*(?:đồng chí|đ\/c|đảng viên)?\s*vắng không (?:có )?lý do|vắng không (?:có )?lý do\s*:?\s*(\d{1,4})/iu.exec(text);
  if (unexcused) stated.unexcused = Number(unexcused[1] ?? unexcused[2]);
  return stated;
}

/** The figures where the minutes and the recorded attendance disagree (empty when they agree or the minutes state none). */
export function minutesMismatches(minutes: string | null | undefined, recorded: AttendanceFigures): MinutesMismatch[] {
  if (!minutes) return [];
  const stated = statedAttendance(minutes);
  return (Object.keys(FIELD_WORDS) as (keyof AttendanceFigures)[])
    .filter((field) => stated[field] !== undefined && stated[field] !== recorded[field])
    .map((field) => ({ field, stated: stated[field]!, recorded: recorded[field] }));
}

/** One Vietnamese sentence for the warning, or null when nothing disagrees. */
export function describeMinutesMismatch(mismatches: MinutesMismatch[]): string | null {
  if (!mismatches.length) return null;
  const parts = mismatches.map((m) => `${FIELD_WORDS[m.field]} ${formatNumber(m.stated)} (điểm danh ghi ${formatNumber(m.recorded)})`);
  return `Biên bản ghi ${parts.join(", ")}. Sửa biên bản hoặc điểm danh cho khớp.`;
}
