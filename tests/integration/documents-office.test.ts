// The generated documents opened by a real office suite: headless LibreOffice
// converts them to PDF, and the PDF's text (pdftotext, layout kept) must show
// the format's elements in place and the figures of the pages they come from.
// Needs `soffice` and poppler-utils (.ci/run installs them). With
// DOCUMENT_SHOTS_DIR set, the pages are also written there as PNG.
import { execFileSync } from "node:child_process";
import { closeTestDb, testDb } from "../support/db";
import { actorOf } from "../support/factories";
import { officePdf } from "../support/documents";
import { generateDocument } from "@/lib/documents/generate-document";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { getComplianceOverview } from "@/lib/meetings/compliance";
import { addMonths } from "@/lib/periods/period";
import { formatNumber, formatPercent } from "@/lib/format/number";

afterAll(closeTestDb);

const SHOTS = process.env.DOCUMENT_SHOTS_DIR;

async function demoActor(username: string) {
  return actorOf(await testDb().user.findUniqueOrThrow({ where: { username }, include: { orgUnit: true } }));
}

/** The demo's last complete drafts month and its last meetings month. */
async function demoPeriods() {
  const [drafts] = await testDb().$queryRaw<{ period: string }[]>`SELECT max(period) AS period FROM "Draft"`;
  const [meetings] = await testDb().$queryRaw<{ period: string }[]>`SELECT max(period) AS period FROM "Meeting"`;
  return { drafts: addMonths(drafts.period, -1), meetings: meetings.period };
}

/** The header's first line: superior body on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" on the right. */
function expectHeader(text: string, superior: string, body: string, numberPattern: RegExp) {
  const lines = text.split("\n").filter((line) => line.trim());
  const top = lines.find((line) => line.includes("ĐẢNG CỘNG SẢN VIỆT NAM"))!;
  expect(top).toBeDefined();
  expect(top.indexOf(superior)).toBeGreaterThanOrEqual(0);
  expect(top.indexOf(superior)).toBeLessThan(top.indexOf("ĐẢNG CỘNG SẢN VIỆT NAM"));
  const head = lines.slice(lines.indexOf(top), lines.indexOf(top) + 6).join("\n");
  expect(head).toContain(body);
  expect(head).toMatch(/^\s*\*/m);
  expect(head).toMatch(numberPattern);
  expect(head).toMatch(/, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
  expect(text).toContain("Nơi nhận:");
}

function pdfFacts(pdf: Buffer) {
  const info = execFileSync("pdfinfo", ["-"], { input: pdf }).toString();
  const fonts = execFileSync("pdffonts", ["-"], { input: pdf }).toString();
  return { info, fonts };
}

describe("documents opened by LibreOffice", () => {
  it("has soffice and poppler-utils", () => {
    expect(() => execFileSync("soffice", ["--version"], { timeout: 60_000 })).not.toThrow();
    expect(() => execFileSync("pdftotext", ["-v"], { stdio: "ignore" })).not.toThrow();
  });

  it("the ward's and the district's drafts reports: format elements in place, the progress page's figures, A4 in Times New Roman", async () => {
    const periods = await demoPeriods();
    for (const [username, superior, body, pattern] of [
      ["phuong-bo-de", "ĐẢNG BỘ QUẬN LONG BIÊN", "ĐẢNG ỦY PHƯỜNG BỒ ĐỀ", /Số \d{2,}-BC\/ĐU/],
      ["bantochuc", "QUẬN ỦY LONG BIÊN", "BAN TỔ CHỨC", /Số \d{2,}-BC\/BTCQU/],
    ] as const) {
      const actor = await demoActor(username);
      const generated = await generateDocument(actor, { kind: "DRAFT_REVIEW_REPORT", period: periods.drafts });
      const { text, pages, pdf } = await officePdf(generated.file, `bao-cao-du-thao-${username}`, SHOTS);
      expect(pages).toBeGreaterThanOrEqual(1);
      expectHeader(text, superior, body, pattern);
      expect(text).toMatch(/^\s*BÁO CÁO\s*$/m);
      const summary = await getDraftReviewSummary(actor, { period: periods.drafts });
      const t = summary.totals;
      // The table's total row as the progress page counts it (vi-VN numbers).
      expect(text).toMatch(new RegExp(`Tổng cộng\\s+${[t.branches, t.submitted, t.onTime, t.late, t.missing].map((n) => formatNumber(n).replace(".", "\\.")).join("\\s+")}\\s+${formatPercent(t.onTime / t.branches).replace(/[.%]/g, "\\$&")}`));
      const { info, fonts } = pdfFacts(pdf);
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      expect(fonts).toMatch(/Times|LiberationSerif/);
    }
  });

  it("the ward's meetings report and a feedback letter", async () => {
    const periods = await demoPeriods();
    const ward = await demoActor("phuong-bo-de");
    const meetings = await generateDocument(ward, { kind: "MEETING_REPORT", period: periods.meetings });
    const overview = await getComplianceOverview(ward, { period: periods.meetings });
    const report = await officePdf(meetings.file, "bao-cao-sinh-hoat-phuong-bo-de", SHOTS);
    expectHeader(report.text, "ĐẢNG BỘ QUẬN LONG BIÊN", "ĐẢNG ỦY PHƯỜNG BỒ ĐỀ", /Số \d{2,}-BC\/ĐU/);
    expect(report.text.replace(/\s+/g, " ")).toContain(`Tỷ lệ đảng viên có mặt ${formatPercent(overview.totals.attendanceRate)}`);

    const [draft] = await testDb().$queryRaw<{ id: number }[]>`
      SELECT d.id FROM "Draft" d JOIN "OrgUnit" b ON b.id = d."branchId"
      WHERE b.code LIKE 'LB-BD-%' AND d.period <= ${periods.drafts} AND d.status = 'CHANGES_REQUESTED'
        AND EXISTS (SELECT 1 FROM "DraftComment" c WHERE c."draftId" = d.id AND c."anchorQuote" IS NOT NULL AND c."publishedAt" IS NOT NULL)
      ORDER BY d.period DESC, d.id LIMIT 1`; // the open period may have no decision yet on the day the demo was seeded
    expect(draft).toBeDefined();
    const board = await demoActor("bantochuc");
    const letter = await generateDocument(board, { kind: "FEEDBACK_LETTER", draftId: draft.id });
    const { text } = await officePdf(letter.file, "cong-van-gop-y", SHOTS);
    expectHeader(text, "QUẬN ỦY LONG BIÊN", "BAN TỔ CHỨC", /Số \d{2,}-CV\/BTCQU/);
    expect(text).toMatch(/V\/v góp ý dự thảo nghị quyết/);
    expect(text).toMatch(/Kính gửi:\s+Đảng ủy Phường Bồ Đề/);
  });
});
