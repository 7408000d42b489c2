import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, openPeriod, pairedTemplateDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { getDraftDetail, similarDrafts } from "@/lib/drafts/get-draft-detail";
import type { SimilarEntry } from "@/lib/drafts/analyze-draft-version";

afterAll(closeTestDb);

// The passages two similar drafts share are stored with the analysis at submission, so
// reading a draft does not recompute them; they are the passages a live comparison finds.
describe("shared passages of similar drafts", () => {
  it("are stored at submission, equal the live comparison, and are computed on read for entries without them", async () => {
    const setup = await createDraftsSetup("Đoạn trùng");
    const period = openPeriod();
    const pair = setup.ward.code;
    const first = await submitDraftVersion(setup.secretaryActor, { period, body: pairedTemplateDraft(setup.branches[0].name, pair) });
    const second = await submitDraftVersion(setup.secretary2Actor, { period, body: pairedTemplateDraft(setup.branches[1].name, pair) });

    const detail = await getDraftDetail(setup.wardActor, second.id);
    const entry = detail.analysis!.similarEntries.find((candidate) => candidate.draftId === first.id)!;
    expect(entry.passages?.length).toBeGreaterThan(0);

    const stored = await similarDrafts(setup.wardActor, detail);
    const withoutStored = { ...detail, analysis: { ...detail.analysis!, similarEntries: detail.analysis!.similarEntries.map(({ draftId, score }) => ({ draftId, score })) } };
    const live = await similarDrafts(setup.wardActor, withoutStored);
    expect(stored.find((similar) => similar.draftId === first.id)!.passages).toEqual(live.find((similar) => similar.draftId === first.id)!.passages);

    // The first draft got the second on its list from the other side, without passages
    // (the second's text was new to it): they are computed when read.
    const firstDetail = await getDraftDetail(setup.wardActor, first.id);
    const back = firstDetail.analysis!.similarEntries.find((candidate) => candidate.draftId === second.id) as SimilarEntry;
    expect(back.passages).toBeUndefined();
    expect((await similarDrafts(setup.wardActor, firstDetail)).find((similar) => similar.draftId === second.id)!.passages.length).toBeGreaterThan(0);

    // Stored as JSON on the analysis of the submitted version.
    const analysis = await testDb().draftAnalysis.findFirstOrThrow({ where: { draftId: second.id }, orderBy: { id: "desc" } });
    expect(JSON.stringify(analysis.similar)).toContain('"passages"');
  });
});
