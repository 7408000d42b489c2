import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod, templateDraft, uniqueDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { exportReviewSummary } from "@/lib/drafts/export-review-summary";
import { postGuidance, listGuidance } from "@/lib/drafts/guidance";
import { checkDraftDirectives, getDraftDetail, similarDrafts } from "@/lib/drafts/get-draft-detail";
import { ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

describe("the review queue", () => {
  it("lists every branch of the ward, missing ones too, and filters, searches and sorts in the database", async () => {
    const s = await createDraftsSetup("Hàng đợi");
    const period = openPeriod();
    const { id } = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name, "Lâm Hạ") });
    const all = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id }, { includeMissing: true });
    expect(all.total).toBe(2);
    expect(all.items.map((row) => row.status).sort()).toEqual(["NOT_SUBMITTED", "SUBMITTED"]);
    expect(all.items.find((row) => row.draftId === id)?.ward?.id).toBe(s.ward.id);

    const missing = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, status: "NOT_SUBMITTED" });
    expect(missing.items.map((row) => row.branch.id)).toEqual([s.branches[1].id]);
    // The API lists drafts only unless asked for missing branches.
    expect((await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id })).total).toBe(1);

    for (const q of ["phòng cháy, chữa cháy", "PHONG CHAY, CHUA CHAY", "hoà", s.branches[0].code.toLowerCase()]) {
      const found = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, q });
      expect(found.items.map((row) => row.draftId)).toEqual([id]);
    }
    expect((await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, q: "không có cụm này" })).total).toBe(0);

    await submitDraftVersion(s.secretary2Actor, { period, body: templateDraft(s.branches[1].name) });
    const flagged = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, flag: "NOT_GROUNDED" });
    expect(flagged.items.map((row) => row.branch.id)).toEqual([s.branches[1].id]);
    const page = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, sort: "-branch", pageSize: 1, page: 2 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    await expect(listReviewQueue(s.reviewerActor, { period, sort: "DROP TABLE" })).rejects.toBeInstanceOf(ValidationError);
    await expect(listReviewQueue(s.reviewerActor, { period: "2026-99" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("counts the period per branch and exports it as CSV and XLSX", async () => {
    const s = await createDraftsSetup("Tổng hợp");
    const period = openPeriod();
    const { id } = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) });
    await submitDraftReview(s.reviewerActor, id, { decision: "CHANGES_REQUESTED", summary: "Sửa", flags: ["NOT_GROUNDED"], expectedVersionNo: 1 });
    const summary = await getDraftReviewSummary(s.reviewerActor, { orgUnitId: s.ward.id, period });
    expect(summary.totals).toMatchObject({ branches: 2, submitted: 1, onTime: 1, late: 0, missing: 0, notDue: 1, changesRequested: 1, flagged: 1, unacknowledged: 1 });
    expect(summary.children.map((child) => child.orgUnit.id).sort()).toEqual(s.branches.map((branch) => branch.id).sort());
    const district = await getDraftReviewSummary(s.reviewerActor, { period });
    expect(district.children.find((child) => child.orgUnit.id === s.ward.id)).toMatchObject({ branches: 2, submitted: 1 });

    const bytes = Buffer.from(await (await exportReviewSummary(s.reviewerActor, { period, orgUnitId: String(s.ward.id), format: "csv" })).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8");
    expect(csv).toContain(s.branches[0].code);
    expect(csv).toContain("Yêu cầu chỉnh sửa");
    expect(csv).toContain("Chưa nộp");
    const units = await (await exportReviewSummary(s.reviewerActor, { period, orgUnitId: String(s.ward.id), format: "csv", level: "unit" })).text();
    expect(units).toContain("Quá hạn chưa nộp");
    const xlsx = await exportReviewSummary(s.reviewerActor, { period, orgUnitId: String(s.ward.id), format: "xlsx" });
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(3000);
  });

  it("the analyzer finds a copy among the period's drafts from either side and checks the month's guidance", async () => {
    const s = await createDraftsSetup("Sao chép");
    const period = openPeriod();
    await postGuidance(s.wardActor, { period, title: "Phòng cháy, chữa cháy", details: "Kiểm tra phòng cháy tại hộ kinh doanh.", keywords: "phòng cháy, PCCC" });
    await postGuidance(s.wardActor, { period, title: "Phân loại rác tại nguồn", details: "", keywords: "phân loại rác" });
    expect((await listGuidance(s.secretaryActor, period)).map((item) => item.title)).toEqual(expect.arrayContaining(["Phòng cháy, chữa cháy", "Phân loại rác tại nguồn"]));
    const original = uniqueDraft(s.branches[0].name);
    const copy = original.replace(s.branches[0].name.toUpperCase(), s.branches[1].name.toUpperCase()).replace(/\n- [^\n]+\n/, "\n- Còn 2 đồng chí vắng sinh hoạt, chi ủy đã gặp gỡ, nhắc nhở.\n");
    const first = await submitDraftVersion(s.secretaryActor, { period, body: original });
    const second = await submitDraftVersion(s.secretary2Actor, { period, body: copy });
    const [a, b] = await Promise.all([testDb().draft.findUniqueOrThrow({ where: { id: first.id } }), testDb().draft.findUniqueOrThrow({ where: { id: second.id } })]);
    expect(b.similarDraftId).toBe(first.id);
    expect(b.similarityScore).toBeGreaterThan(0.7);
    expect(b.proposedFlags).toContain("TEMPLATE_COPY");
    // The earlier draft learns about the later copy.
    expect(a.similarDraftId).toBe(second.id);
    expect(a.proposedFlags).toContain("TEMPLATE_COPY");
    const detail = await getDraftDetail(s.reviewerActor, second.id);
    const similar = await similarDrafts(s.reviewerActor, detail);
    expect(similar[0]).toMatchObject({ draftId: first.id, branch: { id: s.branches[0].id } });
    expect(similar[0].passages.length).toBeGreaterThan(0);
    const directives = await checkDraftDirectives(detail);
    expect(directives.map((result) => result.title)).toEqual(["Phòng cháy, chữa cháy", "Phân loại rác tại nguồn"]);
    const template = await submitDraftVersion(s.secretaryActor, { period, body: templateDraft(s.branches[0].name), expectedVersionNo: 1 });
    const templateDetail = await getDraftDetail(s.reviewerActor, template.id);
    expect((await checkDraftDirectives(templateDetail)).map((result) => result.status)).toEqual(["MISSING", "MISSING"]);
    const sorted = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, sort: "-similarity" });
    expect(sorted.items[0].similarity?.score).toBeGreaterThan(0.7);
  });
});
