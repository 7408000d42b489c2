import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphOptions,
} from "docx";
import { TIME_ZONE } from "@/lib/format/date";
import type { IssuerSettings } from "./issuer";

/** A part of a document's body. Renders to DOCX and to text lines (what "what changed" compares). */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "quote"; text: string; source: string }
  | { kind: "table"; columns: string[]; rows: string[][]; numeric: boolean[]; lastRowIsTotal?: boolean }
  | { kind: "chart"; png: Buffer; width: number; height: number; caption: string };

/** A document in the format of the Party's guidance on documents: header, number, place and date, type, body, recipients, signature. */
export type OfficialDocument = {
  issuer: IssuerSettings;
  /** "12-BC/BTCQU" */
  numberLabel: string;
  issuedOn: Date;
  /** "BÁO CÁO"; a letter (công văn) has none and puts its summary under the number ("V/v …"). */
  typeName: string | null;
  summary: string;
  addressees: string[];
  blocks: Block[];
  recipients: string[];
};

// Sizes from the guidance's appendix (points) and A4 margins in its ranges (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm).
const FONT = "Times New Roman";
const PT = (points: number) => points * 2;
const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH_MM = 210 - MARGIN.left - MARGIN.right;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** "Long Biên, ngày 05 tháng 12 năm 2026": days below 10 and months 1–2 with a leading zero, as the guidance writes them. */
function placeAndDate(place: string, date: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "numeric", year: "numeric", timeZone: TIME_ZONE }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const day = get("day");
  const month = get("month");
  return `${place}, ngày ${String(day).padStart(2, "0")} tháng ${month <= 2 ? String(month).padStart(2, "0") : month} năm ${get("year")}`;
}

/** Year of a date in Hà Nội (numbering restarts each year). */
export function yearOf(date: Date): number {
  return Number(new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: TIME_ZONE }).format(date));
}

function text(value: string, options: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean } = {}) {
  return new TextRun({ text: value, font: FONT, size: PT(options.size ?? 14), bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });
}

function line(value: string, options: { size?: number; bold?: boolean; italics?: boolean; underline?: boolean; align?: IParagraphOptions["alignment"]; after?: number; before?: number; indent?: number } = {}) {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 276 },
    indent: options.indent ? { firstLine: convertMillimetersToTwip(options.indent) } : undefined,
    children: [text(value, options)],
  });
}

function cell(children: Paragraph[], widthMm: number, options: { borders?: boolean; shade?: boolean } = {}) {
  return new TableCell({
    width: { size: convertMillimetersToTwip(widthMm), type: WidthType.DXA },
    borders: options.borders ? undefined : { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    shading: options.shade ? { fill: "E7E6E6" } : undefined,
    verticalAlign: VerticalAlign.TOP,
    margins: options.borders ? { left: 60, right: 60, top: 30, bottom: 30 } : undefined,
    children,
  });
}

function header(doc: OfficialDocument): Table {
  const leftWidth = 72;
  const rightWidth = TEXT_WIDTH_MM - leftWidth;
  const left = [
    ...(doc.issuer.superiorName ? [line(doc.issuer.superiorName.toLocaleUpperCase("vi-VN"))] : []),
    line(doc.issuer.bodyName.toLocaleUpperCase("vi-VN"), { bold: true }),
    line("*"),
    line(`Số ${doc.numberLabel}`),
    ...(doc.typeName ? [] : [line(`V/v ${doc.summary}`, { size: 12, italics: false, before: 60 })]),
  ];
  const right = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // The rule under the heading, about as long as the words.
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      indent: { left: convertMillimetersToTwip(7), right: convertMillimetersToTwip(7) },
      children: [text("ĐẢNG CỘNG SẢN VIỆT NAM", { size: 15, bold: true })],
    }),
    line(placeAndDate(doc.issuer.place, doc.issuedOn), { italics: true, before: 240 }),
  ];
  return new Table({
    width: { size: convertMillimetersToTwip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(leftWidth), convertMillimetersToTwip(rightWidth)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

function dataTable(block: Extract<Block, { kind: "table" }>): Table {
  // Two columns (a label and a count): the label takes most of the width.
  const first = block.columns.length === 2 ? 120 : 50;
  const rest = (TEXT_WIDTH_MM - first) / Math.max(1, block.columns.length - 1);
  const widths = block.columns.map((_, index) => (index === 0 ? first : rest));
  const para = (value: string, index: number, bold = false) =>
    new Paragraph({ alignment: block.numeric[index] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(value, { size: 12, bold })] });
  const head = new TableRow({
    tableHeader: true,
    children: block.columns.map((column, index) => cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [text(column, { size: 12, bold: true })] })], widths[index], { borders: true, shade: true })),
  });
  const rows = block.rows.map((row, rowIndex) => {
    const total = block.lastRowIsTotal && rowIndex === block.rows.length - 1;
    return new TableRow({ children: row.map((value, index) => cell([para(value, index, total)], widths[index], { borders: true })) });
  });
  return new Table({
    width: { size: convertMillimetersToTwip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map(convertMillimetersToTwip),
    rows: [head, ...rows],
  });
}

function bodyBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [line(block.text, { bold: true, align: AlignmentType.JUSTIFIED, before: 120, after: 60, indent: 10 })];
    case "paragraph":
      return [line(block.text, { align: AlignmentType.JUSTIFIED, after: 60, indent: 10 })];
    case "quote":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: convertMillimetersToTwip(10) },
          spacing: { after: 60, line: 276 },
          children: [text(`${block.source}: `, { bold: true }), text(`“${block.text}”`, { italics: true })],
        }),
      ];
    case "table":
      return [dataTable(block), line("", { size: 6 })];
    case "chart":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120 },
          children: [new ImageRun({ type: "png", data: block.png, transformation: { width: block.width, height: block.height }, altText: { name: block.caption, description: block.caption, title: block.caption } })],
        }),
        line(block.caption, { size: 12, italics: true, after: 120 }),
      ];
  }
}

function signature(doc: OfficialDocument): Table {
  const leftWidth = 80;
  const rightWidth = TEXT_WIDTH_MM - leftWidth;
  const left = [
    new Paragraph({ children: [text("Nơi nhận:", { size: 12, bold: true, italics: true })] }),
    ...doc.recipients.map((recipient, index) => new Paragraph({ children: [text(`- ${recipient}${index === doc.recipients.length - 1 ? "." : ","}`, { size: 11 })] })),
  ];
  const right = [
    ...(doc.issuer.signerCapacity ? [line(doc.issuer.signerCapacity.toLocaleUpperCase("vi-VN"), { bold: true })] : []),
    line(doc.issuer.signerTitle.toLocaleUpperCase("vi-VN"), { bold: true }),
    line(""),
    line(""),
    line(""),
    line(doc.issuer.signerName, { bold: true }),
  ];
  return new Table({
    width: { size: convertMillimetersToTwip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(leftWidth), convertMillimetersToTwip(rightWidth)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

/** The DOCX file of a document: A4, Times New Roman. */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Buffer> {
  const title = doc.typeName
    ? [line(doc.typeName, { size: 16, bold: true, before: 360 }), line(doc.summary, { bold: true }), line("-----", { after: 240 })]
    : [line("", { after: 120 })];
  const addressees = doc.addressees.length
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: [text("Kính gửi: ", { italics: true }), text(doc.addressees.join("; "))],
        }),
      ]
    : [];
  const document = new Document({
    creator: doc.issuer.bodyName,
    title: doc.typeName ? `${doc.typeName} ${doc.summary}` : doc.summary,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(MARGIN.top),
              bottom: convertMillimetersToTwip(MARGIN.bottom),
              left: convertMillimetersToTwip(MARGIN.left),
              right: convertMillimetersToTwip(MARGIN.right),
            },
          },
        },
        children: [header(doc), ...title, ...addressees, ...doc.blocks.flatMap(bodyBlock), line("", { after: 120 }), signature(doc)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The document as text, one paragraph or table row a line (charts by their caption): what "what changed" compares. */
export function documentText(doc: OfficialDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === "table") {
      lines.push(block.columns.join(" | "));
      for (const row of block.rows) lines.push(row.join(" | "));
    } else if (block.kind === "chart") lines.push(`[Biểu đồ] ${block.caption}`);
    else if (block.kind === "quote") lines.push(`${block.source}: “${block.text}”`);
    else lines.push(block.text);
  }
  return [doc.typeName ? `${doc.typeName} ${doc.summary}` : `V/v ${doc.summary}`, ...(doc.addressees.length ? [`Kính gửi: ${doc.addressees.join("; ")}`] : []), ...lines].join("\n");
}
