import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod } from "../support/drafts-factories";
import { actorOf, createTestWard, createUser } from "../support/factories";
import { attendance, on } from "../support/meetings-factories";
import { docxText } from "../support/documents";
import { setClock } from "@/lib/clock";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { getComplianceOverview } from "@/lib/meetings/compliance";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { generateDocument } from "@/lib/documents/generate-document";
import { issueDocument } from "@/lib/documents/issue-document";
import { getIssuedDocument, listIssuedDocuments } from "@/lib/documents/issued-documents";
import { getIssuerSettings, updateIssuerSettings } from "@/lib/documents/issuer";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";

beforeAll(() => setClock("2026-11-20T05:00:00Z"));
afterAll(async () => {
  setClock(null);
  await closeTestDb();
});

async function draftsWard() {
  const setup = await createDraftsSetup("Văn bản");
  const period = openPeriod();
  const { id } = await submitDraftVersion(setup.secretaryActor, { period, body: groundedDraft(setup.branches[0].name) });
  await submitDraftReview(setup.reviewerActor, id, { decision: "CHANGES_REQUESTED", summary: "Nghị quyết còn chung chung, chưa giao người phụ trách việc vận động quỹ.", flags: ["FORMALISTIC"], expectedVersionNo: 1 });
  return { ...setup, period, draftId: id };
}

describe("monthly report on the review of drafts", () => {
  it("says what the progress page says, per branch and in total, in the document's own text", async () => {
    const w = await draftsWard();
    const generated = await generateDocument(w.wardActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period });
    const summary = await getDraftReviewSummary(w.wardActor, { orgUnitId: w.ward.id, period: w.period });
    const figures = generated.figures as { totals: unknown; children: { name: string; submitted: number }[]; flags: Record<string, number>; feedback: { sent: number; acknowledged: number }; notable: { summary: string }[] };
    expect(figures.totals).toEqual(summary.totals);
    expect(figures.children.map((child) => [child.name, child.submitted])).toEqual(summary.children.map((child) => [child.orgUnit.name, child.submitted]));
    expect(figures.flags.FORMALISTIC).toBe(1);
    expect(figures.feedback).toEqual({ sent: 1, acknowledged: 0 });
    expect(figures.notable[0].summary).toContain("chưa giao người phụ trách");

    const text = await docxText(generated.file);
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain(`ĐẢNG ỦY ${w.ward.name.toLocaleUpperCase("vi-VN")}`);
    expect(text).toContain("Số 01-BC/ĐU");
    expect(text).toMatch(/, ngày 20 tháng 11 năm 2026/);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain("T/M ĐẢNG ỦY");
    expect(text).toContain(`Tổng số ${formatNumber(summary.totals.branches)} chi bộ; đã nộp ${formatNumber(summary.totals.submitted)} dự thảo`);
    // The total row of the table: vi-VN numbers and percent.
    expect(text).toContain(`Tổng cộng\n${formatNumber(summary.totals.branches)}\n${formatNumber(summary.totals.submitted)}\n${formatNumber(summary.totals.onTime)}`);
    expect(text).toContain(formatPercent(summary.totals.onTime / summary.totals.branches));
    expect(text).toContain("“Nghị quyết còn chung chung");
    // The chart is an image in the file.
    expect(generated.file.includes(Buffer.from("word/media/"))).toBe(true);
  });

  it("is refused for a ward the reader cannot see (404), and for a bad period (400)", async () => {
    const w = await draftsWard();
    const other = await createTestWard("Văn bản khác");
    await expect(generateDocument(other.wardActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period })).rejects.toBeInstanceOf(NotFoundError);
    await expect(generateDocument(other.wardActor, { kind: "MEETING_REPORT", orgUnitId: w.ward.id, period: "2026-10" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(generateDocument(other.wardActor, { kind: "FEEDBACK_LETTER", draftId: w.draftId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(generateDocument(w.secretary2Actor, { kind: "FEEDBACK_LETTER", draftId: w.draftId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(generateDocument(w.wardActor, { kind: "DRAFT_REVIEW_REPORT", period: "2026-13" })).rejects.toBeInstanceOf(ValidationError);
    await expect(generateDocument(w.wardActor, { kind: "FEEDBACK_LETTER" })).rejects.toBeInstanceOf(ValidationError);
    // Leaders generate but do not issue.
    await expect(issueDocument(w.leaderActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

/**
 * The board's district is shared with suites running alongside, which add
 * wards while this one reads: the report is compared with the page only when
 * the page read the same before and after it.
 */
async function reportBetweenStableOverviews(actor: Actor, unitId: number) {
  for (let attempt = 1; ; attempt++) {
    const before = await getComplianceOverview(actor, { orgUnitId: unitId, period: "2026-10" });
    const generated = await generateDocument(actor, { kind: "MEETING_REPORT", orgUnitId: unitId, period: "2026-10" });
    const overview = await getComplianceOverview(actor, { orgUnitId: unitId, period: "2026-10" });
    if (JSON.stringify(before.totals) === JSON.stringify(overview.totals) || attempt === 5) return { generated, overview };
  }
}

describe("monthly report on branch meetings", () => {
  it("carries the compliance page's figures", async () => {
    const w = await createDraftsSetup("Văn bản họp");
    const members = await testDb().member.findMany({ where: { branchId: w.branches[0].id }, orderBy: { code: "asc" } });
    await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members, { [members[0].id]: { status: "UNEXCUSED" } }) }, { now: on("2026-10-20") });
    const board = await actorOf(await createUser("BOARD_REVIEWER", w.district.id));
    for (const [actor, unitId] of [[w.wardActor, w.ward.id], [board, w.district.id]] as const) {
      const { generated, overview } = await reportBetweenStableOverviews(actor, unitId);
      const figures = generated.figures as { totals: unknown; trend: unknown; flaggedMembers: number | null; criteria: { met: number } };
      expect(figures.totals).toEqual(overview.totals);
      expect(figures.trend).toEqual(overview.trend);
      expect(figures.flaggedMembers).not.toBeNull();
      const text = await docxText(generated.file);
      expect(text).toContain(`Tổng số ${formatNumber(overview.totals.branches)} chi bộ; đã sinh hoạt ${formatNumber(overview.totals.held)} chi bộ`);
      expect(text).toContain(`Tỷ lệ đảng viên có mặt ${formatPercent(overview.totals.attendanceRate)}`);
    }
    // The district's issuer by default: the board of the district committee.
    const district = await generateDocument(board, { kind: "MEETING_REPORT", period: "2026-10" });
    const text = await docxText(district.file);
    expect(text).toContain("BAN TỔ CHỨC");
    expect(text).toMatch(/Số \d{2,}-BC\/BTCQU/);
  });
});

describe("issuing, numbering and what changed", () => {
  it("keeps the issued file and figures, numbers per type and year, refuses a used number, and shows what changed since", async () => {
    const w = await draftsWard();
    // The ward sets its issuer: names, symbol and signer appear in the document.
    const settings = await getIssuerSettings(w.ward.id);
    await updateIssuerSettings(w.wardActor, w.ward.id, { ...settings, symbol: "ĐUP", signerName: "Nguyễn Văn Thử" });
    await expect(updateIssuerSettings(w.wardActor, w.ward.id, { ...settings, symbol: "ab c" })).rejects.toBeInstanceOf(ValidationError);
    const other = await createTestWard("Văn bản ngoài");
    await expect(updateIssuerSettings(other.wardActor, w.ward.id, settings)).rejects.toBeInstanceOf(NotFoundError);

    const first = await issueDocument(w.wardActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period });
    expect(first.numberLabel).toBe("01-BC/ĐUP");
    // The letter is another document type: its own numbering.
    const letter = await issueDocument(w.wardActor, { kind: "FEEDBACK_LETTER", draftId: w.draftId });
    expect(letter.numberLabel).toBe("01-CV/ĐUP");
    const letterText = await docxText(Buffer.from((await getIssuedDocument(w.wardActor, letter.id)).file));
    expect(letterText).toContain("Kính gửi:");
    expect(letterText).toContain("Nguyễn Văn Thử");
    expect(letterText).toContain("V/v góp ý dự thảo nghị quyết");

    // Editable number; a used one is refused and nothing is written.
    await expect(issueDocument(w.wardActor, { kind: "MEETING_REPORT", orgUnitId: w.ward.id, period: "2026-10", number: 1 })).rejects.toBeInstanceOf(ConflictError);
    const chosen = await issueDocument(w.wardActor, { kind: "MEETING_REPORT", orgUnitId: w.ward.id, period: "2026-10", number: 7 });
    expect(chosen.numberLabel).toBe("07-BC/ĐUP");
    expect((await generateDocument(w.wardActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period })).number).toBe(8);

    // Nothing changed: no differences; after a new draft is submitted, the changed lines.
    const same = await generateDocument(w.wardActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period, number: 1 });
    expect(same.previous?.id).toBe(first.id);
    expect(same.changes).toEqual([]);
    await submitDraftVersion(w.secretary2Actor, { period: w.period, body: groundedDraft(w.branches[1].name) });
    const later = await generateDocument(w.wardActor, { kind: "DRAFT_REVIEW_REPORT", orgUnitId: w.ward.id, period: w.period });
    expect(later.changes.some((change) => change.kind === "removed" && change.text.includes("đã nộp 1 dự thảo"))).toBe(true);
    expect(later.changes.some((change) => change.kind === "added" && change.text.includes("đã nộp 2 dự thảo"))).toBe(true);

    // The issued document is kept as issued.
    const kept = await getIssuedDocument(w.wardActor, first.id);
    expect(kept.issuedByName).toBe(w.wardActor.displayName);
    expect((kept.figures as { totals: { submitted: number } }).totals.submitted).toBe(1);
    await expect(testDb().issuedDocument.update({ where: { id: first.id }, data: { title: "x" } })).rejects.toThrow();
    await expect(testDb().issuedDocument.delete({ where: { id: first.id } })).rejects.toThrow();

    // Listed for the ward and the district, not for another ward; the file is not found there.
    expect((await listIssuedDocuments(w.wardActor, { orgUnitId: w.ward.id })).map((doc) => doc.id)).toEqual(expect.arrayContaining([first.id, letter.id, chosen.id]));
    expect((await listIssuedDocuments(w.reviewerActor, { orgUnitId: w.district.id })).map((doc) => doc.id)).toContain(first.id);
    expect((await listIssuedDocuments(other.wardActor, { orgUnitId: other.ward.id })).map((doc) => doc.id)).not.toContain(first.id);
    await expect(getIssuedDocument(other.wardActor, first.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listIssuedDocuments(other.wardActor, { orgUnitId: w.ward.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});
