import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod, templateDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { decideSuggestion } from "@/lib/drafts/decide-suggestion";
import { resolveDraftComment } from "@/lib/drafts/resolve-draft-comment";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { getWorkingCopy, saveWorkingCopy } from "@/lib/drafts/working-copy";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { ConflictError, ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

describe("the review loop in lib/", () => {
  it("submit → private comment and suggestion → changes requested → ward acknowledges → suggestion accepted → revision → approval", async () => {
    const s = await createDraftsSetup();
    const period = openPeriod();
    const body = templateDraft(s.branches[0].name);

    const first = await submitDraftVersion(s.secretaryActor, { period, body });
    expect(first).toMatchObject({ versionNo: 1, created: true });
    const draft = await testDb().draft.findUniqueOrThrow({ where: { id: first.id } });
    expect(draft.status).toBe("SUBMITTED");
    expect(draft.proposedFlags).toEqual(expect.arrayContaining(["FORMALISTIC", "NOT_GROUNDED"]));
    expect(await testDb().draftAnalysis.count({ where: { draftId: first.id } })).toBe(1);
    expect(await testDb().draftLshBucket.count({ where: { draftId: first.id } })).toBe(32);
    expect(await testDb().auditEvent.count({ where: { entityType: "Draft", entityId: String(first.id), action: "draft.submitted" } })).toBe(1);

    // The same text again is not a new version.
    expect(await submitDraftVersion(s.secretaryActor, { period, body })).toMatchObject({ id: first.id, versionNo: 1, created: false });

    const passage = "Đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.";
    const start = body.indexOf(passage);
    const comment = await addDraftComment(s.reviewerActor, first.id, {
      body: "Nêu việc cụ thể của chi bộ: chuyên đề nào, ai chuẩn bị, ngày nào.",
      anchor: { quote: passage, start, end: start + passage.length },
      suggestion: "Tổ chức sinh hoạt chuyên đề về trách nhiệm nêu gương vào ngày 18/12; đồng chí Lan chuẩn bị nội dung.",
    });
    expect(comment.published).toBe(false);
    // Private until the review is sent: the branch and the ward do not see it.
    expect((await getDraftDetail(s.secretaryActor, first.id)).comments).toHaveLength(0);
    expect((await getDraftDetail(s.wardActor, first.id)).comments).toHaveLength(0);
    expect((await getDraftDetail(s.reviewerActor, first.id)).comments[0]).toMatchObject({ published: false, mine: true, located: { start, end: start + passage.length } });

    const review = await submitDraftReview(s.reviewerActor, first.id, { decision: "CHANGES_REQUESTED", summary: "Dự thảo chung chung, đề nghị viết lại.", flags: ["FORMALISTIC"], expectedVersionNo: 1 });
    const reviewed = await testDb().draft.findUniqueOrThrow({ where: { id: first.id } });
    expect(reviewed).toMatchObject({ status: "CHANGES_REQUESTED", flags: ["FORMALISTIC"], openComments: 1 });
    expect(reviewed.feedbackPendingSince).not.toBeNull();
    const savedReview = await testDb().draftReview.findUniqueOrThrow({ where: { id: review.reviewId } });
    expect(savedReview.dismissedFlags).toEqual(expect.arrayContaining(["NOT_GROUNDED"]));
    expect((await getDraftDetail(s.secretaryActor, first.id)).comments[0]).toMatchObject({ published: true, suggestionStatus: "PENDING" });
    expect(await countUnreadNotifications(s.wardActor)).toBeGreaterThanOrEqual(1);
    expect(await countUnreadNotifications(s.secretaryActor)).toBeGreaterThanOrEqual(1);

    const inbox = await listFeedback(s.wardActor, { status: "open" });
    const item = inbox.items.find((candidate) => candidate.draftId === first.id)!;
    expect(item).toMatchObject({ decision: "CHANGES_REQUESTED", acknowledgedAt: null, comments: [expect.objectContaining({ quote: passage })] });
    await acknowledgeFeedback(s.wardActor, item.id, { reply: "Đã làm việc với chi bộ, chi bộ sửa trong tuần." });
    expect((await testDb().draft.findUniqueOrThrow({ where: { id: first.id } })).feedbackPendingSince).toBeNull();
    expect(await countUnreadNotifications(s.reviewerActor)).toBeGreaterThanOrEqual(1);

    // One click: the replacement goes into the text being prepared.
    const accepted = await decideSuggestion(s.secretaryActor, first.id, comment.id, { accept: true });
    expect(accepted.body).toContain("trách nhiệm nêu gương vào ngày 18/12");
    expect(accepted.body).not.toContain(passage);
    expect((await getWorkingCopy(s.secretaryActor, period))?.body).toBe(accepted.body);
    await expect(decideSuggestion(s.secretaryActor, first.id, comment.id, { accept: false })).rejects.toBeInstanceOf(ConflictError);

    // A stale base is refused; the right one makes version 2 and clears the unsent text.
    await expect(submitDraftVersion(s.secretaryActor, { period, body: accepted.body!, expectedVersionNo: 0 })).rejects.toBeInstanceOf(ConflictError);
    const second = await submitDraftVersion(s.secretaryActor, { period, body: `${accepted.body}\n- Lắp 2 camera ở ngõ 8 phố Bồ Đề; đồng chí Hùng phụ trách, trước ngày 20/12.`, expectedVersionNo: 1 });
    expect(second.versionNo).toBe(2);
    expect((await testDb().draft.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("REVISED");
    expect(await getWorkingCopy(s.secretaryActor, period)).toBeNull();
    // The passage was replaced: the comment is outdated on version 2, still anchored on version 1.
    expect((await getDraftDetail(s.reviewerActor, first.id)).comments[0].located).toBeNull();
    expect((await getDraftDetail(s.reviewerActor, first.id, { versionNo: 1 })).comments[0].located).not.toBeNull();
    expect((await getDraftDetail(s.reviewerActor, first.id)).myLastReviewedVersionNo).toBe(1);

    // A decision on version 1 is now stale.
    await expect(submitDraftReview(s.reviewerActor, first.id, { decision: "APPROVED", summary: "Đạt.", expectedVersionNo: 1 })).rejects.toBeInstanceOf(ConflictError);
    await resolveDraftComment(s.secretaryActor, first.id, comment.id);
    await submitDraftReview(s.reviewerActor, first.id, { decision: "APPROVED", summary: "Đã sửa theo góp ý. Duyệt.", flags: [], expectedVersionNo: 2 });
    const approved = await testDb().draft.findUniqueOrThrow({ where: { id: first.id } });
    expect(approved).toMatchObject({ status: "APPROVED", flags: [], openComments: 0, currentVersionNo: 2 });
    const actions = (await testDb().auditEvent.findMany({ where: { orgUnitId: s.branches[0].id }, select: { action: true } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["draft.submitted", "draft.comment.added", "draft.changes_requested", "feedback.acknowledged", "draft.suggestion.accepted", "draft.revised", "draft.comment.resolved", "draft.approved"]));
  });

  it("writes nothing for bad input and says what is wrong in Vietnamese", async () => {
    const s = await createDraftsSetup();
    const period = openPeriod();
    await expect(submitDraftVersion(s.secretaryActor, { period, body: "   " })).rejects.toThrow(ValidationError);
    await expect(submitDraftVersion(s.secretaryActor, { period, body: "Quá ngắn." })).rejects.toThrow("Dự thảo quá ngắn.");
    await expect(submitDraftVersion(s.secretaryActor, { period: "2020-01", body: groundedDraft("x") })).rejects.toThrow("Kỳ này không nhận dự thảo.");
    await expect(submitDraftVersion(s.secretaryActor, { period: "2026-13", body: groundedDraft("x") })).rejects.toThrow(ValidationError);
    expect(await testDb().draft.count({ where: { branchId: s.branches[0].id } })).toBe(0);
    const { id } = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) });
    await expect(addDraftComment(s.reviewerActor, id, { body: "Sai đoạn", quote: "không có trong văn bản" })).rejects.toThrow("Không tìm thấy đoạn trích");
    await expect(addDraftComment(s.wardActor, id, { body: "x", quote: "Ngọc Lâm", suggestion: "y" })).rejects.toThrow("Chỉ Ban Tổ chức");
    await expect(submitDraftReview(s.reviewerActor, id, { decision: "MAYBE", summary: "x", expectedVersionNo: 1 })).rejects.toThrow(ValidationError);
    expect(await testDb().draftComment.count({ where: { draftId: id } })).toBe(0);
    expect(await testDb().draftReview.count({ where: { draftId: id } })).toBe(0);
    // Autosave of the unsent text.
    const saved = await saveWorkingCopy(s.secretaryActor, { period, title: "T", body: "Đang soạn dở…", baseVersionNo: 1 });
    expect(saved.savedAt).toBeInstanceOf(Date);
  });

  it("a reply and a ward comment are published at once; a keyboard user anchors by typing the quote", async () => {
    const s = await createDraftsSetup();
    const { id } = await submitDraftVersion(s.secretaryActor, { period: openPeriod(), body: groundedDraft(s.branches[0].name) });
    const ward = await addDraftComment(s.wardActor, id, { body: "Đề nghị ghi rõ số hộ tham gia.", quote: "Lắp 3 camera an ninh" });
    expect(ward.published).toBe(true);
    const reply = await addDraftComment(s.secretaryActor, id, { body: "Chi bộ tiếp thu.", parentId: ward.id });
    expect(reply.published).toBe(true);
    const detail = await getDraftDetail(s.reviewerActor, id);
    expect(detail.comments.map((comment) => comment.parentId)).toEqual([null, ward.id]);
    expect(detail.comments[0].anchor?.quote).toBe("Lắp 3 camera an ninh");
    expect((await testDb().draft.findUniqueOrThrow({ where: { id } })).openComments).toBe(1);
  });
});
