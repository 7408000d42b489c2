// CSV as people save it from Excel here: UTF-8 with or without BOM, comma or
// semicolon, quoted or not. Parsing is csv-parse's (or PostgreSQL's COPY for
// staged imports, lib/imports/staging.ts); this checks the text, picks the
// delimiter and maps Vietnamese headers to fields.
import { parse } from "csv-parse/sync";
import { ValidationError } from "@/lib/errors";
import { isStorableText } from "@/lib/validation/storable-text";

export type CsvColumn = { field: string; header: string; aliases?: string[]; required?: boolean };
type CsvRow = { row: number; values: Record<string, string> };

/** The checked text of a CSV file and what its header row says. */
export type CsvLayout = {
  /** The text without its BOM. */
  text: string;
  delimiter: "," | ";";
  /** The header cells as written. */
  header: string[];
  /** For each column of the file, the field it holds (undefined: a column the import does not know). */
  fields: (string | undefined)[];
};

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

function firstLineOf(text: string): string {
  const end = text.search(/\r?\n|\r|$/);
  return text.slice(0, end);
}

function detectDelimiter(firstLine: string): "," | ";" {
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\n|\r/).length;
}

/**
 * Checks the text as a whole (empty, UTF-16, not UTF-8) and maps its header
 * row to `columns`; a missing required column is a 400 that names it.
 */
export function readCsvLayout(text: string, columns: CsvColumn[]): CsvLayout {
  const clean = text.replace(/^\uFEFF/, "");
  if (!clean.trim()) throw new ValidationError("Tệp rỗng: cần dòng tiêu đề và ít nhất một dòng dữ liệu.");
  if (!isStorableText(clean)) {
    // Usually a UTF-16 file ("Unicode Text" in Excel): every other byte is NUL.
    const line = lineAt(clean, clean.search(/\u0000|[\uD800-\uDFFF]/));
    throw new ValidationError(`Tệp có ký tự không hợp lệ (ký tự NUL) từ dòng ${line}: lưu lại tệp dạng "CSV UTF-8" rồi nhập lại.`, [{ row: line, message: "Ký tự NUL hoặc mã UTF-16 lẻ" }]);
  }
  const undecodable = clean.indexOf("\uFFFD");
  if (undecodable !== -1) {
    // Bytes that are not UTF-8 were decoded as U+FFFD: a file saved as "CSV (Comma delimited)" in a Windows code page, or TCVN3/VNI.
    const line = lineAt(clean, undecodable);
    throw new ValidationError(`Tệp không phải mã UTF-8 (lỗi mã chữ từ dòng ${line}): trong Excel chọn Lưu thành "CSV UTF-8 (Comma delimited)" rồi nhập lại.`, [{ row: line, message: "Byte không đúng mã UTF-8" }]);
  }
  const firstLine = firstLineOf(clean);
  const delimiter = detectDelimiter(firstLine);
  let header: string[];
  try {
    header = (parse(firstLine, { delimiter, relax_column_count: true, trim: true }) as string[][])[0] ?? [];
  } catch (error) {
    throw new ValidationError(`Không đọc được dòng tiêu đề của tệp CSV: ${(error as Error).message}`);
  }
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
  return { text: clean, delimiter, header, fields };
}

/** Every record of the file (the header included), as csv-parse reads it: empty lines skipped, cells trimmed, rows of any length. */
export function parseCsvRecords(layout: CsvLayout): string[][] {
  try {
    return parse(layout.text, { delimiter: layout.delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new ValidationError(`Không đọc được tệp CSV: ${(error as Error).message}`);
  }
}

/** Parses the file and maps its header row to `columns`; a missing required column is a 400 that names it. */
export function parseCsv(text: string, columns: CsvColumn[]): { rows: CsvRow[]; unknownHeaders: string[] } {
  const layout = readCsvLayout(text, columns);
  const [, ...data] = parseCsvRecords(layout);
  const { fields, header } = layout;
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
