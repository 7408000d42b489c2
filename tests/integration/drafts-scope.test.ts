import { closeTestDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod, pairedTemplateDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { getDraftDetail, compareDraft, similarDrafts } from "@/lib/drafts/get-draft-detail";
import { draftDocument, queueItem } from "@/lib/drafts/api-shapes";
import { actorOf, createUser } from "../support/factories";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { findBranchDraft } from "@/lib/drafts/branch-drafts";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { decideSuggestion } from "@/lib/drafts/decide-suggestion";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

describe("who sees which draft", () => {
  it("another ward and another branch cannot read, comment on or acknowledge a draft; it looks missing", async () => {
    const own = await createDraftsSetup("Phạm vi A");
    const other = await createDraftsSetup("Phạm vi B");
    const period = openPeriod();
    const { id } = await submitDraftVersion(own.secretaryActor, { period, body: groundedDraft(own.branches[0].name) });
    const { feedbackId } = await submitDraftReview(own.reviewerActor, id, { decision: "CHANGES_REQUESTED", summary: "Sửa.", expectedVersionNo: 1 });

    for (const outsider of [other.wardActor, other.secretaryActor, own.secretary2Actor]) {
      await expect(getDraftDetail(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(findBranchDraft(outsider, own.branches[0].id, period)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(addDraftComment(other.wardActor, id, { body: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeFeedback(other.wardActor, feedbackId, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideSuggestion(own.secretary2Actor, id, 1, { accept: true })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listFeedback(other.wardActor, { status: "all" })).items.some((item) => item.draftId === id)).toBe(false);
    expect((await listFeedback(own.wardActor, { status: "all" })).items.some((item) => item.draftId === id)).toBe(true);

    const otherQueue = await listReviewQueue(other.wardActor, { period, pageSize: 500 }, { includeMissing: true });
    expect(otherQueue.items.map((row) => row.branch.id).sort()).toEqual(other.branches.map((branch) => branch.id).sort());
    await expect(listReviewQueue(other.wardActor, { period, orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftReviewSummary(other.wardActor, { period, orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);

    // Roles without the permission are refused outright.
    await expect(submitDraftReview(own.wardActor, id, { decision: "APPROVED", summary: "x", expectedVersionNo: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitDraftVersion(own.wardActor, { period, body: groundedDraft("x") })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addDraftComment(own.leaderActor, id, { body: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    // Leaders read progress and texts in their scope.
    expect((await getDraftDetail(own.leaderActor, id)).draft.id).toBe(id);
  });

  it("a similar draft outside the reader's scope is named nowhere and its text is never shown", async () => {
    const a = await createDraftsSetup("Giống A");
    const b = await createDraftsSetup("Giống B");
    const period = openPeriod();
    const pair = a.ward.code;
    const first = await submitDraftVersion(a.secretaryActor, { period, body: pairedTemplateDraft(a.branches[0].name, pair) });
    const second = await submitDraftVersion(b.secretaryActor, { period, body: pairedTemplateDraft(b.branches[0].name, pair) });
    const detail = await getDraftDetail(b.wardActor, second.id);
    expect(detail.analysis?.similarEntries.some((entry) => entry.draftId === first.id)).toBe(true);
    const comparison = await compareDraft(b.wardActor, detail, first.id);
    expect(comparison?.right.body).toBeNull();
    expect(comparison?.right.label).not.toContain(a.branches[0].name);
    expect(comparison?.left.highlights.length).toBeGreaterThan(0);
    // By rank, without the id: what the queue and the draft page link to.
    expect((await compareDraft(b.wardActor, detail, { similarRank: 1 }))?.right).toMatchObject({ body: null, href: null });
    expect(await compareDraft(b.wardActor, detail, { similarRank: 9 })).toBeNull();

    // The queue and the draft's analysis say a similar draft exists outside the scope, without its id.
    const queue = await listReviewQueue(b.wardActor, { period, pageSize: 500 });
    const row = queue.items.find((item) => item.draftId === second.id)!;
    expect(row.similarity).toEqual({ score: expect.any(Number), draftId: null, outsideScope: true });
    expect(JSON.stringify(queueItem(row))).not.toMatch(new RegExp(`"draftId":${first.id}\\b`));
    const similar = await similarDrafts(b.wardActor, detail);
    expect(similar[0]).toMatchObject({ draftId: null, compareRef: "similar-1", branch: null });
    expect(JSON.stringify(await draftDocument(b.wardActor, detail))).not.toMatch(new RegExp(`"draftId":${first.id}\\b`));
    // An administrator's scope holds both: the same queue names it.
    const adminRow = (await listReviewQueue(await actorOf(await createUser("ADMIN", a.district.id)), { period, orgUnitId: b.ward.id, pageSize: 500 })).items.find((item) => item.draftId === second.id)!;
    // (Parallel suites may hold other drafts of the same template text: whichever ties at the top is named.)
    expect(adminRow.similarity).toEqual({ score: row.similarity!.score, draftId: expect.any(Number), outsideScope: false });

    // Any other draft id outside the scope is not comparable at all.
    const unrelated = await submitDraftVersion(a.secretary2Actor, { period, body: groundedDraft(a.branches[1].name) });
    expect(await compareDraft(b.wardActor, detail, unrelated.id)).toBeNull();
  });
});
