// CSV as people save it from Excel here: UTF-8 with or without BOM, comma or
// semicolon, quoted or not. Parsing is csv-parse's; this only picks the
// delimiter and maps Vietnamese headers to fields.
import { parse } from "csv-parse/sync";
import { ValidationError } from "@/lib/errors";
import { isStorableText } from "@/lib/validation/parse";

export type CsvColumn = { field: string; header: string; aliases?: string[]; required?: boolean };
type CsvRow = { row: number; values: Record<string, string> };

/** "Mã chi bộ" → "ma chi bo": headers match with or without diacritics, case or extra spaces. */
export function foldHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function detectDelimiter(text: string): "," | ";" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Parses the file and maps its header row to `columns`; a missing required column is a 400 that names it. */
export function parseCsv(text: string, columns: CsvColumn[]): { rows: CsvRow[]; unknownHeaders: string[] } {
  const clean = text.replace(/^\uFEFF/, "");
  if (!clean.trim()) throw new ValidationError("Tệp rỗng: cần dòng tiêu đề và ít nhất một dòng dữ liệu.");
  if (!isStorableText(clean)) {
    // Usually a UTF-16 file ("Unicode Text" in Excel): every other byte is NUL.
    const line = clean.slice(0, clean.search(/\u0000|[\uD800-\uDFFF]/)).split(/\r\n|\n|\r/).length;
    throw new ValidationError(`Tệp có ký tự không hợp lệ (ký tự NUL) từ dòng ${line}: lưu lại tệp dạng "CSV UTF-8" rồi nhập lại.`, [{ row: line, message: "Ký tự NUL hoặc mã UTF-16 lẻ" }]);
  }
  let records: string[][];
  try {
    records = parse(clean, { delimiter: detectDelimiter(clean), relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new ValidationError(`Không đọc được tệp CSV: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  const lookup = new Map<string, string>();
  for (const column of columns) for (const name of [column.header, column.field, ...(column.aliases ?? [])]) lookup.set(foldHeader(name), column.field);
  const fields = header.map((name) => lookup.get(foldHeader(name)));
  const present = new Set(fields.filter(Boolean));
  const missing = columns.filter((column) => column.required !== false && !present.has(column.field));
  if (missing.length) {
    throw new ValidationError(
      `Thiếu cột: ${missing.map((column) => `"${column.header}"`).join(", ")}. Dòng đầu của tệp phải là tiêu đề cột.`,
      missing.map((column) => ({ row: 1, field: column.field, message: `Thiếu cột "${column.header}"` })),
    );
  }
  const rows = data.map((record, index) => {
    const values: Record<string, string> = {};
    fields.forEach((field, i) => {
      if (field && record[i] !== undefined && record[i] !== "") values[field] = record[i];
    });
    // Line numbers as a spreadsheet shows them: the header is row 1.
    return { row: index + 2, values };
  });
  return { rows, unknownHeaders: header.filter((_, i) => !fields[i]) };
}
