// Parsers for CSV cells as people type them in Excel here: dates as
// 2026-11-26 or 26/11/2026, yes/no as "có"/"không"/"x"/1/0, whole numbers
// with or without thousands dots. Shared by the usage and member imports.
import { z } from "zod";
import { todayIso } from "@/lib/format/date";
import { foldHeader } from "@/lib/imports/csv";

/** "2026-11-26", "26/11/2026" or "26-11-2026" → "2026-11-26"; null when it is not a real date. */
export function parseDateCell(text: string): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Yes / no as foldHeader() folds them (also read in SQL by the member import). */
export const YES_WORDS = ["co", "c", "x", "1", "true", "yes", "y", "dung", "su dung", "da dung"];
export const NO_WORDS = ["khong", "k", "0", "false", "no", "n", "chua", "chua dung", "khong dung"];
const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

/** "có" / "không" and the usual variants → boolean; null when unclear. */
export function parseYesNoCell(text: string): boolean | null {
  const folded = foldHeader(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}

/** A date cell: YYYY-MM-DD or dd/MM/yyyy, not after today. */
export function dateCell(label: string) {
  return z
    .string({ message: `Nhập ${label}.` })
    .transform((text, ctx) => {
      const iso = parseDateCell(text);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: `${capitalize(label)} "${text}" không đúng dạng ngày (YYYY-MM-DD hoặc dd/MM/yyyy).` });
        return z.NEVER;
      }
      if (iso > todayIso()) {
        ctx.addIssue({ code: "custom", message: `${capitalize(label)} ${iso} ở tương lai.` });
        return z.NEVER;
      }
      return iso;
    });
}

export function yesNoCell(label: string) {
  return z.string({ message: `Nhập "có" hoặc "không" cho ${label}.` }).transform((text, ctx) => {
    const value = parseYesNoCell(text);
    if (value === null) {
      ctx.addIssue({ code: "custom", message: `${capitalize(label)}: "${text}" không hiểu được, ghi "có" hoặc "không".` });
      return z.NEVER;
    }
    return value;
  });
}

/** A whole number ≥ 0 ("1.234" and "1 234" are read as 1234). */
export function countCell(label: string, max = 1_000_000) {
  return z.string().transform((text, ctx) => {
    const cleaned = text.trim().replace(/[.\s]/g, "");
    if (!/^\d+$/.test(cleaned)) {
      ctx.addIssue({ code: "custom", message: `${capitalize(label)} phải là số nguyên không âm (nhận "${text}").` });
      return z.NEVER;
    }
    const value = Number(cleaned);
    if (value > max) {
      ctx.addIssue({ code: "custom", message: `${capitalize(label)} tối đa ${max.toLocaleString("vi-VN")}.` });
      return z.NEVER;
    }
    return value;
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
