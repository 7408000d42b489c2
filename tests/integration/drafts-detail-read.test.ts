import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, openPeriod, templateDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { postGuidance } from "@/lib/drafts/guidance";
import { guidanceForBranch } from "@/lib/drafts/guidance-for-branch";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { submissionDeadline } from "@/lib/drafts/deadlines";
import { SUBMISSION_DEADLINE_DAY } from "@/lib/drafts/settings";
import { getSetting } from "@/lib/settings/app-settings";
import { NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

// The draft page reads the draft and all it shows in one query (JSON built in SQL); what it
// returns must be what the tables hold, dates included, and only inside the reader's scope.
describe("the draft detail read", () => {
  it("returns every field as stored, hides others' private comments, and finds nothing outside the scope", async () => {
    const s = await createDraftsSetup("Đọc dự thảo");
    const other = await createDraftsSetup("Phường khác");
    const period = openPeriod();
    await postGuidance(s.wardActor, { orgUnitId: s.ward.id, period, title: "Vệ sinh môi trường khu dân cư", details: "Ra quân cuối tháng.", keywords: "vệ sinh, môi trường" });
    const body = templateDraft(s.branches[0].name);
    const first = await submitDraftVersion(s.secretaryActor, { period, body });
    const passage = body.split("\n").find((line) => line.length > 40)!;
    const start = body.indexOf(passage);
    await addDraftComment(s.reviewerActor, first.id, { body: "Nêu việc cụ thể.", anchor: { quote: passage, start, end: start + passage.length }, suggestion: "Thay bằng việc cụ thể." });
    await submitDraftReview(s.reviewerActor, first.id, { decision: "CHANGES_REQUESTED", summary: "Đề nghị viết lại.", flags: ["FORMALISTIC"], expectedVersionNo: 1 });
    const item = (await listFeedback(s.wardActor, { status: "open" })).items.find((candidate) => candidate.draftId === first.id)!;
    await acknowledgeFeedback(s.wardActor, item.id, { reply: "Chi bộ sửa trong tuần." });
    await submitDraftVersion(s.secretaryActor, { period, body: `${body}\n- Lắp 2 camera ở ngõ 8; đồng chí Hùng phụ trách, trước ngày 20.`, expectedVersionNo: 1 });
    await addDraftComment(s.reviewerActor, first.id, { body: "Ghi chú riêng của người xem xét." });

    const stored = await testDb().draft.findUniqueOrThrow({
      where: { id: first.id },
      include: {
        branch: { include: { parent: true } },
        versions: { orderBy: { versionNo: "asc" }, include: { analysis: true } },
        comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        reviews: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { feedback: true } },
      },
    });
    const detail = await getDraftDetail(s.reviewerActor, first.id);

    expect(detail.draft).toMatchObject({
      id: stored.id, period, title: stored.title, status: "REVISED", currentVersionNo: 2, proposedFlags: stored.proposedFlags,
      similarityScore: stored.similarityScore, previousSimilarity: stored.previousSimilarity, openComments: stored.openComments,
      firstSubmittedAt: stored.firstSubmittedAt, lastSubmittedAt: stored.lastSubmittedAt, reviewedAt: stored.reviewedAt,
      feedbackPendingSince: stored.feedbackPendingSince, feedbackAckedAt: stored.feedbackAckedAt,
      deadline: submissionDeadline(period, await getSetting(SUBMISSION_DEADLINE_DAY)),
    });
    expect(detail.draft.feedbackAckedAt).toBeInstanceOf(Date);
    expect(detail.branch).toEqual({ id: stored.branch.id, code: stored.branch.code, name: stored.branch.name, path: stored.branch.path });
    expect(detail.ward).toEqual({ id: s.ward.id, name: stored.branch.parent!.name, code: stored.branch.parent!.code });

    expect(detail.versions).toEqual(stored.versions.map((version) => ({ versionNo: version.versionNo, title: version.title, body: version.body, wordCount: version.wordCount, submittedAt: version.submittedAt, submittedBy: version.submittedByName })));
    const analysis = stored.versions[1].analysis!;
    expect(detail.analysis).toEqual({ versionNo: 2, checklist: analysis.checklist, proposedFlags: analysis.proposedFlags, reasons: analysis.reasons, similarEntries: analysis.similar, previous: analysis.previous, analyzedAt: analysis.analyzedAt });

    expect(detail.reviews).toEqual(
      stored.reviews.map((review) => ({
        id: review.id, versionNo: review.versionNo, decision: review.decision, summary: review.summary, flags: review.flags, dismissedFlags: review.dismissedFlags, reviewerName: review.reviewerName, createdAt: review.createdAt,
        feedback: { id: review.feedback!.id, acknowledgedAt: review.feedback!.acknowledgedAt, acknowledgedByName: review.feedback!.acknowledgedByName, reply: "Chi bộ sửa trong tuần." },
      })),
    );
    expect(detail.reviews[0].feedback!.acknowledgedAt).toBeInstanceOf(Date);
    expect(detail.myLastReviewedVersionNo).toBe(1);

    // The reviewer sees both comments; the anchored one is kept with its dates and review.
    expect(stored.comments).toHaveLength(2);
    expect(detail.comments.map((comment) => ({ id: comment.id, published: comment.published, mine: comment.mine, createdAt: comment.createdAt, resolvedAt: comment.resolvedAt, reviewId: comment.reviewId, anchor: comment.anchor, suggestion: comment.suggestion, suggestionStatus: comment.suggestionStatus, author: comment.author }))).toEqual(
      stored.comments.map((comment) => ({
        id: comment.id, published: comment.publishedAt !== null, mine: true, createdAt: comment.createdAt, resolvedAt: comment.resolvedAt, reviewId: comment.reviewId,
        anchor: comment.anchorQuote === null ? null : { quote: comment.anchorQuote, start: comment.anchorStart, end: comment.anchorEnd }, suggestion: comment.suggestion, suggestionStatus: comment.suggestionStatus, author: { name: comment.authorName, role: comment.authorRole },
      })),
    );
    // The branch sees only what was published, and none of it as its own.
    const forBranch = await getDraftDetail(s.secretaryActor, first.id);
    expect(forBranch.comments.map((comment) => [comment.id, comment.mine])).toEqual([[stored.comments[0].id, false]]);
    // Anchored on version 1, where the passage still is.
    expect((await getDraftDetail(s.reviewerActor, first.id, { versionNo: 1 })).comments[0].located).toEqual({ start, end: start + passage.length });

    expect(detail.guidance).toEqual(await guidanceForBranch(testDb(), stored.branch.path, period));
    expect(detail.guidance.map((topic) => topic.title)).toContain("Vệ sinh môi trường khu dân cư");

    // Another ward's committee, an id past the column's range and a version that does not exist: not found.
    await expect(getDraftDetail(other.wardActor, first.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftDetail(other.secretaryActor, first.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftDetail(s.reviewerActor, 2_147_483_647)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftDetail(s.reviewerActor, 2_147_483_648)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftDetail(s.reviewerActor, 0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDraftDetail(s.reviewerActor, first.id, { versionNo: 3 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
