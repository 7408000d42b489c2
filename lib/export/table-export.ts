import "server-only";
import ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";

type ExportValue = string | number | Date | null | undefined;
export type ExportColumn<T> = {
  header: string;
  value: (row: T) => ExportValue;
  /** "integer" → 1.234; "percent" for fractions (0.931 → 93,1%); "date" → dd/mm/yyyy */
  format?: "integer" | "percent" | "date" | "text";
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

function csvValue(value: ExportValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return String(value);
  return neutralizeFormula(value);
}

/** CSV with a UTF-8 BOM so Excel shows Vietnamese correctly. */
export function toCsv<T>(sheet: ExportSheet<T>): string {
  const records = [sheet.columns.map((column) => column.header), ...sheet.rows.map((row) => sheet.columns.map((column) => csvValue(column.value(row))))];
  return `\uFEFF${stringify(records)}`;
}

const NUMBER_FORMATS = { integer: "#,##0", percent: "0.0%", date: "dd/mm/yyyy", text: "@" } as const;

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
      worksheet.addRow(sheet.columns.map((column) => column.value(row) ?? null));
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
