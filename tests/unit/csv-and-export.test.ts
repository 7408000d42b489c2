import ExcelJS from "exceljs";
import { foldHeader, parseCsv } from "@/lib/imports/csv";
import { neutralizeFormula, toCsv, toXlsx } from "@/lib/export/table-export";
import { ValidationError } from "@/lib/errors";
import { addMonths, dayOfNextMonth, periodsBetween, previousPeriod, quarterOf } from "@/lib/periods/period";

const columns = [
  { field: "branchCode", header: "Mã chi bộ", aliases: ["ma_chi_bo"] },
  { field: "fullName", header: "Họ và tên" },
  { field: "note", header: "Ghi chú", required: false },
];

describe("parseCsv", () => {
  it("reads comma files with a BOM and maps Vietnamese headers with or without diacritics", () => {
    const { rows } = parseCsv("\uFEFFMa chi bo,HỌ VÀ TÊN\nLB-BD-01,Nguyễn Văn An\n", columns);
    expect(rows).toEqual([{ row: 2, values: { branchCode: "LB-BD-01", fullName: "Nguyễn Văn An" } }]);
  });

  it("reads semicolon files with quotes, and numbers rows as a spreadsheet does", () => {
    const { rows, unknownHeaders } = parseCsv('Mã chi bộ;Họ và tên;Ghi chú;Cột lạ\r\nLB-BD-01;"Trần Thị; Bình";"dòng ""trích"""\r\n\r\nLB-BD-02;Lê Văn C;;x\r\n', columns);
    expect(rows.map((r) => r.values)).toEqual([
      { branchCode: "LB-BD-01", fullName: "Trần Thị; Bình", note: 'dòng "trích"' },
      { branchCode: "LB-BD-02", fullName: "Lê Văn C" },
    ]);
    expect(unknownHeaders).toEqual(["Cột lạ"]);
  });

  it("names the missing columns", () => {
    expect(() => parseCsv("Họ và tên\nAn\n", columns)).toThrow(ValidationError);
    expect(() => parseCsv("Họ và tên\nAn\n", columns)).toThrow('Thiếu cột: "Mã chi bộ"');
    expect(() => parseCsv("", columns)).toThrow("Tệp rỗng");
  });

  it("folds headers", () => {
    expect(foldHeader("  Số Đảng viên  (đã cài) ")).toBe("so dang vien da cai");
  });
});

describe("exports", () => {
  it("neutralizes formulas in CSV cells and writes a BOM", () => {
    expect(neutralizeFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(neutralizeFormula("-1+1")).toBe("'-1+1");
    expect(neutralizeFormula("Chi bộ số 1")).toBe("Chi bộ số 1");
    const csv = toCsv({ name: "x", columns: [{ header: "Tên", value: (r: { n: string; v: number }) => r.n }, { header: "Số", value: (r) => r.v }], rows: [{ n: "@SUM(A1)", v: -5 }] });
    expect(csv).toBe("\uFEFFTên;Số\n'@SUM(A1);-5\n");
  });

  it("writes CSV as Vietnamese Excel reads it: dd/mm/yyyy in Hà Nội, decimal commas, percents, months, no thousands dots", () => {
    type Row = { name: string; day: string; at: Date; members: number; rate: number; over: number; share: number; period: string; empty: null };
    const csv = toCsv<Row>({
      name: "x",
      columns: [
        { header: "Chi bộ", value: (r) => r.name },
        { header: "Ngày", value: (r) => r.day, format: "date" },
        // 19:30 UTC on 2 December is 02:30 on 3 December in Hà Nội.
        { header: "Nộp lần đầu", value: (r) => r.at, format: "date" },
        { header: "Lúc", value: (r) => r.at, format: "datetime" },
        { header: "Đảng viên", value: (r) => r.members, format: "integer" },
        { header: "Tỷ lệ", value: (r) => r.rate, format: "percent" },
        { header: "Cài / thuộc diện", value: (r) => r.over, format: "percent" },
        { header: "Bình quân", value: (r) => r.share, format: "decimal" },
        { header: "Tháng", value: (r) => r.period, format: "period" },
        { header: "Trống", value: (r) => r.empty },
      ],
      rows: [{ name: "Chi bộ 1; 2", day: "2026-11-05", at: new Date("2026-12-02T19:30:00Z"), members: 1234, rate: 0.325, over: 1.0243, share: 2.5, period: "2026-11", empty: null }],
    });
    const [header, line] = csv.replace(/^\uFEFF/, "").trim().split("\n");
    expect(header).toBe("Chi bộ;Ngày;Nộp lần đầu;Lúc;Đảng viên;Tỷ lệ;Cài / thuộc diện;Bình quân;Tháng;Trống");
    expect(line).toBe('"Chi bộ 1; 2";05/11/2026;03/12/2026;02:30 03/12/2026;1234;32,5%;102,43%;2,5;11/2026;');
    // The imports read the exports back (either delimiter).
    expect(parseCsv(csv, [{ field: "name", header: "Chi bộ" }, { field: "day", header: "Ngày" }]).rows[0].values).toMatchObject({ name: "Chi bộ 1; 2", day: "05/11/2026" });
  });

  it("writes XLSX dates as real dates of the Hà Nội day and months as 11/2026", async () => {
    type Row = { at: Date; day: string; period: string };
    const buffer = await toXlsx([
      {
        name: "Ngày",
        columns: [
          { header: "Nộp", value: (r) => (r as Row).at, format: "date" },
          { header: "Ngày", value: (r) => (r as Row).day, format: "date" },
          { header: "Tháng", value: (r) => (r as Row).period, format: "period" },
        ],
        rows: [{ at: new Date("2026-12-02T19:30:00Z"), day: "2026-11-05", period: "2026-11" }],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const sheet = workbook.getWorksheet("Ngày")!;
    expect(sheet.getCell("A2").value).toEqual(new Date("2026-12-03T00:00:00Z"));
    expect(sheet.getCell("B2").value).toEqual(new Date("2026-11-05T00:00:00Z"));
    expect(sheet.getColumn(1).numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getCell("C2").value).toBe("11/2026");
  });

  it("writes XLSX with text cells (never formulas), numbers as numbers and vi-friendly formats", async () => {
    type Row = { name: string; members: number; rate: number };
    const buffer = await toXlsx([
      {
        name: "Tuân thủ",
        title: "Sinh hoạt chi bộ tháng 11/2026",
        columns: [
          { header: "Đơn vị", value: (r) => (r as Row).name },
          { header: "Đảng viên", value: (r) => (r as Row).members, format: "integer" },
          { header: "Tỷ lệ", value: (r) => (r as Row).rate, format: "percent" },
        ],
        rows: [{ name: "=1+1", members: 1234, rate: 0.931 }],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const sheet = workbook.getWorksheet("Tuân thủ")!;
    expect(sheet.getCell("A1").value).toBe("Sinh hoạt chi bộ tháng 11/2026");
    expect(sheet.getCell("A4").value).toBe("=1+1");
    expect(sheet.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B4").value).toBe(1234);
    expect(sheet.getColumn(3).numFmt).toBe("0.0%");
  });
});

describe("periods", () => {
  it("steps through months and years", () => {
    expect(addMonths("2026-11", 2)).toBe("2027-01");
    expect(previousPeriod("2026-01")).toBe("2025-12");
    expect(periodsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(quarterOf("2026-11")).toBe("2026-Q4");
    expect(dayOfNextMonth("2026-01", 31).toISOString().slice(0, 10)).toBe("2026-02-28");
  });
});
