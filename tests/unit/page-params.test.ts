// How pages read their URL (lib/validation/page-params.ts): a bad value falls back
// as the pages always did, and the keys that were bad are reported.
import { z } from "zod";
import { flagParam, parseRecordId, pathId, pathPeriod, periodParam, readSearchParams, recordIdParam, textParam, unitParam, yearParam } from "@/lib/validation/page-params";
import { lenientPageParam } from "@/lib/validation/pagination";
import { idParam } from "@/lib/api/handler";
import { AlertsPageParams, CompliancePageParams, FlagsPageParams, MeetingKindPageParams } from "@/lib/meetings/schemas";
import { addMonths, currentPeriod } from "@/lib/periods/period";

/** What notFound() threw, or null. */
function notFoundOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error);
  }
}

describe("record ids: one definition for the API and the pages", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["0042", 42],
    ["2147483647", 2_147_483_647],
  ])("%j is the id %d", (value, id) => {
    expect(parseRecordId(value)).toBe(id);
    expect(idParam(value)).toBe(id);
    expect(pathId(value)).toBe(id);
  });

  it.each(["", "abc", "0", "-1", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "2147483648", "9999999999", "12345678901", "١٢"])("%j is no id: -1 for the API, 404 for a page", (value) => {
    expect(parseRecordId(value)).toBeNull();
    expect(idParam(value)).toBe(-1);
    expect(notFoundOf(() => pathId(value))).toMatch(/404/);
  });

  it("pathPeriod: a month, or 404", () => {
    expect(pathPeriod("2026-11")).toBe("2026-11");
    for (const value of ["2026-13", "2026-1", "202611", "x", ""]) expect(notFoundOf(() => pathPeriod(value))).toMatch(/404/);
  });
});

describe("readSearchParams", () => {
  const Schema = z.object({ id: recordIdParam.optional(), unit: unitParam, page: lenientPageParam, moi: flagParam, year: yearParam, period: periodParam, q: textParam });

  it("reads good values and reports nothing", () => {
    const { values, invalid } = readSearchParams({ id: "7", unit: "12", page: "3", moi: "1", year: "2026", period: "2026-10", q: "Phường 1" }, Schema);
    expect(values).toEqual({ id: 7, unit: 12, page: 3, moi: true, year: 2026, period: "2026-10", q: "Phường 1" });
    expect(invalid).toEqual([]);
  });

  it("absent and empty keys (what a GET form sends for an empty field) take their defaults, unreported", () => {
    const expected = { id: undefined, unit: undefined, page: 1, moi: false, year: undefined, period: undefined, q: undefined };
    expect(readSearchParams({}, Schema)).toEqual({ values: expected, invalid: [] });
    expect(readSearchParams({ id: "", unit: "", page: "", moi: "", year: "", period: "", q: "" }, Schema)).toEqual({ values: expected, invalid: [] });
  });

  it("a bad value falls back to its default and its key is reported", () => {
    const { values, invalid } = readSearchParams({ id: "x", unit: "-1", moi: "yes", year: "26", period: "2026-13" }, Schema);
    expect(values).toEqual({ id: undefined, unit: undefined, page: 1, moi: false, year: undefined, period: undefined, q: undefined });
    expect(invalid.sort()).toEqual(["id", "moi", "period", "unit", "year"]);
  });

  it.each(["0", "-2", "abc", "1.5", "100001", "99999999999"])("a bad page number %j is page 1", (page) => {
    expect(readSearchParams({ page }, Schema).values.page).toBe(1);
  });

  it("a key given twice (?unit=1&unit=2) is bad, never a crash", () => {
    const { values, invalid } = readSearchParams({ unit: ["1", "2"], page: ["2", "3"], moi: ["1", "1"], q: ["a", "b"] }, Schema);
    expect(values).toMatchObject({ unit: undefined, page: 1, moi: false, q: undefined });
    expect(invalid.sort()).toEqual(["moi", "page", "q", "unit"]);
  });

  it("text PostgreSQL cannot store (NUL, a lone surrogate) is refused, whatever the field", () => {
    const { values, invalid } = readSearchParams({ q: "a\u0000b", period: "2026-10\u0000", unit: "\uD800" }, Schema);
    expect(values).toMatchObject({ q: undefined, period: undefined, unit: undefined });
    expect(invalid.sort()).toEqual(["period", "q", "unit"]);
    expect(readSearchParams({ q: "😀 Phường" }, Schema).values.q).toBe("😀 Phường");
  });

  it("keys the schema does not name are ignored", () => {
    expect(readSearchParams({ other: "x" }, z.object({ q: textParam }))).toEqual({ values: { q: undefined }, invalid: [] });
  });

  it("a field that cannot fall back is a programming error, said plainly", () => {
    expect(() => readSearchParams({ id: "x" }, z.object({ id: recordIdParam }))).toThrow(/id.*optional/);
  });
});

describe("the meeting pages' schemas", () => {
  const now = currentPeriod();
  const thisYear = Number(now.slice(0, 4));

  it("a malformed unit is reported (the pages answer 404); an absent one is the scope root", () => {
    for (const unit of ["abc", "0", "-1", "12345678901", " 5"]) expect(readSearchParams({ unit }, CompliancePageParams).invalid).toEqual(["unit"]);
    expect(readSearchParams({ unit: "5" }, CompliancePageParams).values.unit).toBe(5);
    expect(readSearchParams({}, CompliancePageParams)).toMatchObject({ values: { unit: undefined, page: 1, mode: "held" }, invalid: [] });
  });

  it("no month after this one", () => {
    expect(readSearchParams({ period: now }, AlertsPageParams).values.period).toBe(now);
    expect(readSearchParams({ period: addMonths(now, 1) }, AlertsPageParams).values.period).toBeUndefined();
  });

  it("a year among this one and the five before it", () => {
    expect(readSearchParams({ year: String(thisYear - 5) }, FlagsPageParams).values.year).toBe(thisYear - 5);
    for (const year of [thisYear + 1, thisYear - 6]) expect(readSearchParams({ year: String(year) }, FlagsPageParams).values.year).toBeUndefined();
  });

  it("flags and kinds", () => {
    expect(readSearchParams({ all: "1" }, AlertsPageParams).values.all).toBe(true);
    expect(readSearchParams({ all: "0" }, AlertsPageParams).values.all).toBe(false);
    expect(readSearchParams({ kind: "THEMATIC" }, MeetingKindPageParams).values.kind).toBe("THEMATIC");
    expect(readSearchParams({ kind: "other" }, MeetingKindPageParams).values.kind).toBe("REGULAR");
  });
});
