// The analyzer's proposals as the board reads them: ranked by similarity in
// the queue, one flag per finding with its own evidence and reason.
import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, openPeriod, templateDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";

afterAll(closeTestDb);

describe("the analyzer's proposals", () => {
  it("proposes a copied template with the copy's reason saying what the copied text lacks, also on the earlier draft", async () => {
    const s = await createDraftsSetup("Đề xuất cờ");
    const period = openPeriod();
    const original = await submitDraftVersion(s.secretaryActor, { period, body: templateDraft(s.branches[0].name) });
    const copy = await submitDraftVersion(s.secretary2Actor, { period, body: templateDraft(s.branches[1].name) });
    const stored = await testDb().draft.findUniqueOrThrow({ where: { id: copy.id } });
    expect(stored.proposedFlags).toEqual(["FORMALISTIC", "TEMPLATE_COPY", "NOT_GROUNDED"]);
    const detail = await getDraftDetail(s.reviewerActor, copy.id);
    expect(detail.analysis?.reasons.TEMPLATE_COPY).toMatch(/^Giống 100% với một dự thảo khác cùng kỳ .*Phần chép cũng thiếu số liệu cụ thể, người phụ trách, thời hạn/);
    // The earlier draft learns about the copy with the same reason.
    expect((await testDb().draft.findUniqueOrThrow({ where: { id: original.id } })).proposedFlags).toEqual(expect.arrayContaining(["TEMPLATE_COPY"]));
    expect((await getDraftDetail(s.reviewerActor, original.id)).analysis?.reasons.TEMPLATE_COPY).toContain("Phần chép cũng thiếu số liệu cụ thể");
  });

  it("sorts drafts filtered by a flag by similarity, strongest first", async () => {
    const s = await createDraftsSetup("Xếp theo độ giống");
    const period = openPeriod();
    const weak = await submitDraftVersion(s.secretaryActor, { period, body: `${templateDraft(s.branches[0].name)}\n- Riêng: ngõ 3.` });
    const strong = await submitDraftVersion(s.secretary2Actor, { period, body: `${templateDraft(s.branches[1].name)}\n- Riêng: ngõ 4.` });
    // A revision (listed first in the work order) that still matches at 20%, and a fresh 100% copy.
    await testDb().draft.update({ where: { id: weak.id }, data: { status: "REVISED", proposedFlags: ["TEMPLATE_COPY"], similarityScore: 0.2 } });
    await testDb().draft.update({ where: { id: strong.id }, data: { status: "SUBMITTED", proposedFlags: ["TEMPLATE_COPY"], similarityScore: 1 } });
    const flagged = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, flag: "TEMPLATE_COPY" });
    expect(flagged.items.map((row) => [row.draftId, row.similarity?.score])).toEqual([
      [strong.id, 1],
      [weak.id, 0.2],
    ]);
    // Without a flag filter the work order stays: revisions first.
    expect((await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id })).items[0].draftId).toBe(weak.id);
  });
});
