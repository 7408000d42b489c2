import "server-only";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

import { formatDateTime, todayIso } from "@/lib/format/date";

export type ExportValue = string | number | Date | null | undefined;
export type ExportColumn<T> = {
  header: string;
  value: (row: T) => ExportValue;
  /**
   * "integer" → 1234; "decimal" → 2,5; "percent" for fractions (0.325 → 32,5%); "date" → dd/mm/yyyy
   * (a Date or an ISO day, in Hà Nội time); "datetime" → 19:05 26/11/2026; "period" ("2026-11") → 11/2026.
   */
  format?: "integer" | "decimal" | "percent" | "date" | "datetime" | "period" | "text";
  width?: number;
};
export type ExportSheet<T> = { name: string; title?: string; columns: ExportColumn<T>[]; rows: T[] };

/**
 * A cell that starts with = + - @ (or a tab/CR) would run as a formula when a
 * spreadsheet opens the CSV: prefix it with an apostrophe so it stays text.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// CSV is read by Excel set to Vietnamese: decimal comma, no thousands grouping (1.234 would be
// ambiguous), dates as dd/mm/yyyy, and ";" between cells (the list separator where the decimal
// mark is a comma; the imports read either).
const CSV_DELIMITER = ";";
const decimal = new Intl.NumberFormat("vi-VN", { useGrouping: false, maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat("vi-VN", { style: "percent", useGrouping: false, maximumFractionDigits: 2 });
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

/** A date column's value as the Hà Nội calendar day, "YYYY-MM-DD" (null when empty or unreadable). */
function exportDay(value: ExportValue): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" && ISO_DAY.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : todayIso(date);
}

/** One CSV cell as Vietnamese Excel reads it. */
function csvCell(value: ExportValue, format?: ExportColumn<unknown>["format"]): string {
  if (value === null || value === undefined) return "";
  if (format === "date" || (value instanceof Date && format !== "datetime")) {
    const day = exportDay(value);
    return day ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : neutralizeFormula(String(value));
  }
  if (format === "datetime") return value instanceof Date || typeof value === "string" ? formatDateTime(value) : String(value);
  if (value instanceof Date) return csvCell(value, "date");
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    if (format === "percent") return percent.format(value);
    return decimal.format(value);
  }
  if (format === "period") {
    const match = PERIOD.exec(value);
    if (match) return `${match[2]}/${match[1]}`;
  }
  return neutralizeFormula(value);
}

/** CSV with a UTF-8 BOM so Excel shows Vietnamese correctly. */
export function toCsv<T>(sheet: ExportSheet<T>): string {
  const records = [sheet.columns.map((column) => column.header), ...sheet.rows.map((row) => sheet.columns.map((column) => csvCell(column.value(row), column.format)))];
  return `\uFEFF${stringify(records, { delimiter: CSV_DELIMITER })}`;
}

/** An XLSX cell: real dates (the Hà Nội day) and numbers; periods as 11/2026 text. */
function xlsxCell(value: ExportValue, format?: ExportColumn<unknown>["format"]): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (format === "date" || (value instanceof Date && format !== "datetime")) {
    const day = exportDay(value);
    return day ? new Date(`${day}T00:00:00Z`) : String(value);
  }
  if (format === "datetime") return value instanceof Date || typeof value === "string" ? formatDateTime(value) : value;
  if (format === "period" && typeof value === "string") return csvCell(value, "period");
  return value;
}

const NUMBER_FORMATS = { integer: "#,##0", decimal: "#,##0.##", percent: "0.0%", date: "dd/mm/yyyy", datetime: "@", period: "@", text: "@" } as const;

export async function toXlsx(sheets: ExportSheet<unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sổ tay đảng viên";
  workbook.created = new Date();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, " "));
    let headerRow = 1;
    if (sheet.title) {
      worksheet.addRow([sheet.title]).font = { bold: true, size: 13 };
      worksheet.addRow([]);
      headerRow = 3;
    }
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
      cell.border = { bottom: { style: "thin", color: { argb: "FFCFD4DA" } } };
    });
    for (const row of sheet.rows) {
      // Strings are written as text cells, never as formulas.
      worksheet.addRow(sheet.columns.map((column) => xlsxCell(column.value(row), column.format)));
    }
    sheet.columns.forEach((column, i) => {
      const excelColumn = worksheet.getColumn(i + 1);
      excelColumn.width = column.width ?? Math.min(60, Math.max(10, column.header.length + 4));
      if (column.format) excelColumn.numFmt = NUMBER_FORMATS[column.format];
    });
    worksheet.views = [{ state: "frozen", ySplit: headerRow }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A download response in the format the user asked for; the file name is ASCII-safe with a UTF-8 variant. */
export async function exportResponse(format: "csv" | "xlsx", fileName: string, sheets: ExportSheet<unknown>[]): Promise<Response> {
  const asciiName = fileName.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/[đĐ]/g, "d").replace(/[^\w.-]+/g, "-");
  const disposition = (ext: string) => `attachment; filename="${asciiName}.${ext}"; filename*=UTF-8''${encodeURIComponent(fileName)}.${ext}`;
  if (format === "csv") {
    return new Response(toCsv(sheets[0]), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition("csv"), "cache-control": "no-store" } });
  }
  const body = await toXlsx(sheets);
  return new Response(new Uint8Array(body), {
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": disposition("xlsx"), "cache-control": "no-store" },
  });
}
