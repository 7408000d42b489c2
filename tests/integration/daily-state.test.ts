// State that follows the action: what a page shows after a decision, an
// acknowledgement, a revision, a correction of the roll call.
import { closeTestDb } from "../support/db";
import { createDraftsSetup, openPeriod, templateDraft } from "../support/drafts-factories";
import { attendance, createMeetingWard, on } from "../support/meetings-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { closeMeeting } from "@/lib/meetings/close-meeting";
import { getMeetingPeriod } from "@/lib/meetings/meeting-period";
import { NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

describe("state that follows the action", () => {
  it("version 1's flags do not follow the draft onto version 2 (page, queue and its flag filter)", async () => {
    const s = await createDraftsSetup("Cờ phiên bản");
    const period = openPeriod();
    const body = templateDraft(s.branches[0].name);
    const first = await submitDraftVersion(s.secretaryActor, { period, body });
    await submitDraftReview(s.reviewerActor, first.id, { decision: "CHANGES_REQUESTED", summary: "Viết lại cho cụ thể.", flags: ["PREVIOUS_COPY"], expectedVersionNo: 1 });
    expect((await getDraftDetail(s.reviewerActor, first.id)).draft.flags).toEqual(["PREVIOUS_COPY"]);
    const queueRow = async () => (await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id })).items.find((row) => row.draftId === first.id)!;
    expect((await queueRow()).flags).toEqual(["PREVIOUS_COPY"]);

    await submitDraftVersion(s.secretaryActor, { period, body: `${body}\n- Bổ sung: đồng chí Lan phụ trách tổng vệ sinh ngõ 12 trước ngày 15.` });
    const detail = await getDraftDetail(s.reviewerActor, first.id);
    expect(detail.draft.status).toBe("REVISED");
    expect(detail.draft.flags).toEqual([]);
    // The decision on version 1 still tells its flags.
    expect(detail.reviews[0]).toMatchObject({ versionNo: 1, flags: ["PREVIOUS_COPY"] });
    expect((await queueRow()).flags).toEqual([]);
    const filtered = await listReviewQueue(s.reviewerActor, { period, orgUnitId: s.ward.id, flag: "PREVIOUS_COPY" });
    expect(filtered.items.map((row) => row.draftId)).not.toContain(first.id);
  });

  it("an acknowledgement says who acknowledged, and the inbox reads it as acknowledged", async () => {
    const s = await createDraftsSetup("Xác nhận");
    const draft = await submitDraftVersion(s.secretaryActor, { period: openPeriod(), body: templateDraft(s.branches[0].name) });
    const { feedbackId } = await submitDraftReview(s.reviewerActor, draft.id, { decision: "APPROVED", summary: "Duyệt.", flags: [], expectedVersionNo: 1 });
    const open = (await listFeedback(s.wardActor, { status: "open" })).items.find((item) => item.id === feedbackId)!;
    expect(open).toMatchObject({ acknowledgedAt: null, waitingDays: 0 });
    const result = await acknowledgeFeedback(s.wardActor, feedbackId, {});
    expect(result.acknowledgedByName).toBe(s.wardUser.displayName);
    const done = (await listFeedback(s.wardActor, { status: "acknowledged" })).items.find((item) => item.id === feedbackId)!;
    expect(done).toMatchObject({ acknowledgedByName: s.wardUser.displayName, waitingDays: null });
    expect((await listFeedback(s.wardActor, { status: "open" })).items.map((item) => item.id)).not.toContain(feedbackId);
  });

  it("minutes that state other figures than the corrected roll call are questioned; the recorder is named, not their username", async () => {
    const w = await createMeetingWard("Biên bản");
    const [members] = w.members;
    const branchId = w.branches[0].id;
    const now = { now: on("2026-10-20") };
    const input = (marks = {}) => ({ branchId, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members, marks) });
    const { meeting } = await recordMeeting(w.secretaryActor, input(), now);
    await closeMeeting(w.secretaryActor, meeting.id, { minutes: "Chi bộ sinh hoạt thường kỳ. Có mặt 4/4 đảng viên phải dự. Chi bộ thống nhất tổng vệ sinh ngõ 12.", documents: [] }, now);
    let period = await getMeetingPeriod(w.secretaryActor, branchId, "2026-10", now);
    expect(period.meetings[0].minutesWarning).toBeNull();
    expect(period.meetings[0].recordedBy).toBe(w.secretary.displayName);
    expect(period.meetings[0].recordedBy).not.toBe(w.secretary.username);

    // The roll call is corrected afterwards: one member was in fact excused.
    await recordMeeting(w.secretaryActor, input({ [members[0].id]: { status: "EXCUSED", reason: "Đi công tác" } }), now);
    period = await getMeetingPeriod(w.boardActor, branchId, "2026-10", now);
    expect(period.meetings[0].minutesWarning).toBe("Biên bản ghi có mặt 4 (điểm danh ghi 3). Sửa biên bản hoặc điểm danh cho khớp.");

    // Another ward's committee does not see the meeting at all.
    const other = await createMeetingWard("Phường khác");
    await expect(getMeetingPeriod(other.wardActor, branchId, "2026-10", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
