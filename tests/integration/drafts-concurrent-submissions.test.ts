import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, openPeriod, pairedTemplateDraft } from "../support/drafts-factories";
import { uniqueSuffix } from "../support/factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";

afterAll(closeTestDb);

// Near the deadline branches of a ward submit copies of the same template at the same moment.
// Each submission writes its own draft and then the similar lists of the others, so two of them
// can wait on each other's rows; every secretary must still get the draft in.
describe("similar drafts submitted at the same moment", () => {
  it("all get in, and each lists the others", async () => {
    const setups = await Promise.all([createDraftsSetup("Nộp cùng lúc"), createDraftsSetup("Nộp cùng lúc")]);
    const period = openPeriod();
    const tag = uniqueSuffix();
    const writers = setups.flatMap((s) => [
      { actor: s.secretaryActor, name: s.branches[0].name },
      { actor: s.secretary2Actor, name: s.branches[1].name },
    ]);
    for (const round of [1, 2, 3]) {
      const results = await Promise.allSettled(
        writers.map((writer) => submitDraftVersion(writer.actor, { period, body: `${pairedTemplateDraft(writer.name, tag)}\n- Lần nộp ${round}: chi bộ hoàn thành trước ngày ${round + 10}.`, expectedVersionNo: round - 1 })),
      );
      expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : result.value.versionNo))).toEqual(writers.map(() => round));
    }
    const drafts = await testDb().draft.findMany({ where: { period, branchId: { in: setups.flatMap((s) => s.branches.map((branch) => branch.id)) } }, select: { id: true, similarDraftId: true, currentVersionNo: true } });
    expect(drafts).toHaveLength(4);
    const ids = drafts.map((draft) => draft.id);
    for (const draft of drafts) expect(ids).toContain(draft.similarDraftId);
  });
});
