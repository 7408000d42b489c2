// The ward's "chưa xác nhận · quá hạn" counts are the feedback list's: every period, the same
// overdue rule, the same scope (home page, feedback page and API read countOpenFeedback).
import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, openPeriod, uniqueDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { countOpenFeedback } from "@/lib/drafts/feedback-counts";
import { acknowledgeFeedback } from "@/lib/drafts/acknowledge-feedback";
import { addMonths } from "@/lib/periods/period";
import { now } from "@/lib/clock";

afterAll(closeTestDb);

const DAY = 86_400_000;

describe("open feedback counts", () => {
  it("match the feedback list: an old request for changes of an earlier period counts, and is overdue", async () => {
    const s = await createDraftsSetup("Đếm phản hồi");
    const other = await createDraftsSetup("Đếm phản hồi khác");
    const period = openPeriod();
    const first = await submitDraftVersion(s.secretaryActor, { period, body: uniqueDraft(s.branches[0].name) });
    const second = await submitDraftVersion(s.secretary2Actor, { period, body: uniqueDraft(s.branches[1].name) });
    await submitDraftReview(s.reviewerActor, first.id, { decision: "CHANGES_REQUESTED", summary: "Viết lại phần nhiệm vụ.", flags: [], expectedVersionNo: 1 });
    await submitDraftReview(s.reviewerActor, second.id, { decision: "APPROVED", summary: "Đạt.", flags: [], expectedVersionNo: 1 });
    // The request for changes belongs to an earlier month and has waited 38 days.
    const older = addMonths(period, -2);
    const request = await testDb().feedback.findFirstOrThrow({ where: { draftId: first.id } });
    await testDb().feedback.update({ where: { id: request.id }, data: { period: older, createdAt: new Date(now().getTime() - 38 * DAY) } });

    const counts = await countOpenFeedback(s.wardActor);
    const list = await listFeedback(s.wardActor, { status: "open", pageSize: 500 });
    expect(counts).toMatchObject({ open: 2, overdue: 1 });
    expect(list.total).toBe(counts.open);
    expect(list.items.filter((item) => item.overdue).length).toBe(counts.overdue);
    expect(list.items.find((item) => item.overdue)).toMatchObject({ period: older, waitingDays: 38 });
    // The board sees the same for this ward's drafts (its scope holds other wards too).
    expect((await countOpenFeedback(s.reviewerActor)).open).toBeGreaterThanOrEqual(2);

    // One period: the month's own counts, still the list's.
    const month = await countOpenFeedback(s.wardActor, { period });
    expect(month).toMatchObject({ open: 1, overdue: 0 });
    expect((await listFeedback(s.wardActor, { status: "open", period })).total).toBe(1);

    // The overdue boundary is the list's: exactly ackDays whole days waiting is not yet overdue.
    await testDb().feedback.update({ where: { id: request.id }, data: { createdAt: new Date(now().getTime() - counts.ackDays * DAY - 60_000) } });
    expect((await countOpenFeedback(s.wardActor)).overdue).toBe(0);
    expect((await listFeedback(s.wardActor, { status: "open" })).items.some((item) => item.overdue)).toBe(false);
    await testDb().feedback.update({ where: { id: request.id }, data: { createdAt: new Date(now().getTime() - (counts.ackDays + 1) * DAY - 60_000) } });
    expect((await countOpenFeedback(s.wardActor)).overdue).toBe(1);
    expect((await listFeedback(s.wardActor, { status: "open" })).items.filter((item) => item.overdue)).toHaveLength(1);

    // Another ward's committee sees none of it.
    expect(await countOpenFeedback(other.wardActor)).toMatchObject({ open: 0, overdue: 0 });
    expect((await listFeedback(other.wardActor, { status: "open" })).total).toBe(0);

    // Acknowledging takes it off both.
    await acknowledgeFeedback(s.wardActor, request.id, {});
    expect(await countOpenFeedback(s.wardActor)).toMatchObject({ open: 1, overdue: 0 });
    expect((await listFeedback(s.wardActor, { status: "open" })).total).toBe(1);
  });
});
