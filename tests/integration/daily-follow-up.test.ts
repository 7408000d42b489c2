// Follow-up on feedback: filters and paging, reminders board → ward and
// ward → branch, the resubmission deadline after a request for changes, and
// acknowledging many approvals at once — each within the actor's scope.
import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, openPeriod, templateDraft } from "../support/drafts-factories";
import { actorOf, createUser } from "../support/factories";
import { setClock } from "@/lib/clock";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { acknowledgeApprovals } from "@/lib/drafts/acknowledge-feedback";
import { listFeedback } from "@/lib/drafts/list-feedback";
import { getDraftDetail } from "@/lib/drafts/get-draft-detail";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { submissionDeadline } from "@/lib/drafts/deadlines";
import { FEEDBACK_ACK_DAYS, SUBMISSION_DEADLINE_DAY } from "@/lib/drafts/settings";
import { getSettings } from "@/lib/settings/app-settings";
import { remindBranch, remindersFor, remindWard } from "@/lib/drafts/reminders";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { addMonths, currentPeriod } from "@/lib/periods/period";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

afterAll(closeTestDb);
afterEach(() => setClock(null));

/** A ward with two branches: branch 1 sent back (changes requested), branch 2 approved. */
async function wardWithFeedback(label: string) {
  const s = await createDraftsSetup(label);
  const period = openPeriod();
  const sentBack = await submitDraftVersion(s.secretaryActor, { period, body: templateDraft(s.branches[0].name) });
  const request = await submitDraftReview(s.reviewerActor, sentBack.id, { decision: "CHANGES_REQUESTED", summary: "Viết lại cho cụ thể.", flags: ["FORMALISTIC"], expectedVersionNo: 1 });
  const approved = await submitDraftVersion(s.secretary2Actor, { period, body: templateDraft(s.branches[1].name) });
  const approval = await submitDraftReview(s.reviewerActor, approved.id, { decision: "APPROVED", summary: "Duyệt.", flags: [], expectedVersionNo: 1 });
  return { ...s, period, sentBack, request, approved, approval };
}

describe("follow-up on feedback", () => {
  it("the inbox filters by ward, period, decision and state, and pages", async () => {
    const a = await wardWithFeedback("Lọc A");
    const b = await wardWithFeedback("Lọc B");
    const ofA = await listFeedback(a.reviewerActor, { status: "all", orgUnitId: a.ward.id });
    expect(ofA.items.map((item) => item.id).sort()).toEqual([a.request.feedbackId, a.approval.feedbackId].sort());
    expect(ofA.items.every((item) => item.ward?.id === a.ward.id)).toBe(true);
    const requests = await listFeedback(a.reviewerActor, { status: "open", orgUnitId: a.ward.id, decision: "CHANGES_REQUESTED" });
    expect(requests.items.map((item) => item.id)).toEqual([a.request.feedbackId]);
    expect((await listFeedback(a.reviewerActor, { status: "all", orgUnitId: a.ward.id, period: addMonths(a.period, -1) })).total).toBe(0);
    // Paging: one a page, two pages.
    const first = await listFeedback(a.reviewerActor, { status: "all", orgUnitId: a.ward.id, pageSize: 1 });
    const second = await listFeedback(a.reviewerActor, { status: "all", orgUnitId: a.ward.id, pageSize: 1, page: 2 });
    expect([first.total, first.items.length, second.items.length]).toEqual([2, 1, 1]);
    expect(first.items[0].id).not.toBe(second.items[0].id);
    // Overdue: a request not acknowledged after the setting's two days.
    setClock(new Date(Date.now() + 3 * 86_400_000));
    expect((await listFeedback(a.reviewerActor, { status: "overdue", orgUnitId: a.ward.id })).items.map((item) => item.id)).toEqual([a.request.feedbackId]);
    setClock(null);
    // Another ward's committee cannot filter on (or see) ward A.
    await expect(listFeedback(b.wardActor, { orgUnitId: a.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listFeedback(b.wardActor, { status: "all" })).items.some((item) => item.ward?.id === a.ward.id)).toBe(false);
  });

  it("the board reminds a ward: recorded, audited, notified, shown; not twice in a row; the ward cannot remind wards", async () => {
    const a = await wardWithFeedback("Nhắc phường");
    const b = await wardWithFeedback("Phường khác");
    const sent = await remindWard(a.reviewerActor, { wardId: a.ward.id, note: "Đề nghị phường xác nhận trong hôm nay." });
    expect(sent.notified).toBe(1);
    const reminder = await testDb().reminder.findUniqueOrThrow({ where: { id: sent.id } });
    expect(reminder).toMatchObject({ kind: "WARD_FEEDBACK", orgUnitId: a.ward.id, sentByName: a.reviewer.displayName });
    expect(reminder.message).toContain("1 yêu cầu chỉnh sửa chưa xác nhận");
    expect(await testDb().auditEvent.count({ where: { action: "reminder.sent", entityType: "Reminder", entityId: String(sent.id) } })).toBe(1);
    const notice = await testDb().notification.findFirstOrThrow({ where: { userId: a.wardUser.id, kind: "reminder.feedback" } });
    expect(notice.href).toBe("/feedback?status=open");
    // Shown: to the board and to the ward reminded, not to another ward.
    expect((await remindersFor(a.reviewerActor, { orgUnitIds: [a.ward.id] })).byUnit.get(a.ward.id)).toMatchObject({ count: 1, lastBy: a.reviewer.displayName });
    expect((await remindersFor(a.wardActor, { orgUnitIds: [a.ward.id] })).byUnit.get(a.ward.id)?.count).toBe(1);
    expect((await remindersFor(b.wardActor, { orgUnitIds: [a.ward.id] })).byUnit.size).toBe(0);

    await expect(remindWard(a.reviewerActor, { wardId: a.ward.id })).rejects.toThrow(/Đã nhắc lúc/);
    await expect(remindWard(a.wardActor, { wardId: b.ward.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remindWard(a.reviewerActor, { wardId: a.branches[0].id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindWard(a.reviewerActor, { wardId: "x" })).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().reminder.count({ where: { orgUnitId: { in: [a.ward.id, b.ward.id] } } })).toBe(1);
  });

  it("a ward reminds a branch sent back, with the resubmission deadline; not an approved draft, not another ward's branch", async () => {
    const a = await wardWithFeedback("Nhắc chi bộ");
    const b = await wardWithFeedback("Chi bộ khác");
    const sent = await remindBranch(a.wardActor, { draftId: a.sentBack.id });
    expect(sent.notified).toBe(1);
    const notice = await testDb().notification.findFirstOrThrow({ where: { userId: a.secretary.id, kind: "reminder.draft" } });
    expect(notice.body).toMatch(/^Nộp lại dự thảo tháng \d+\/\d{4} theo góp ý trước 23:59 \d\d\/\d\d\/\d{4}\.$/);
    expect((await remindersFor(a.wardActor, { draftIds: [a.sentBack.id] })).byDraft.get(a.sentBack.id)?.count).toBe(1);
    await expect(remindBranch(a.wardActor, { draftId: a.approved.id })).rejects.toThrow("Dự thảo này không chờ chi bộ nộp lại.");
    await expect(remindBranch(b.wardActor, { draftId: a.sentBack.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindBranch(a.reviewerActor, { draftId: a.sentBack.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(remindBranch(a.secretaryActor, { draftId: a.sentBack.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a request for changes sets a resubmission deadline the secretary sees, and the queue counts it when missed", async () => {
    const a = await wardWithFeedback("Hạn nộp lại");
    const detail = await getDraftDetail(a.secretaryActor, a.sentBack.id);
    expect(detail.draft.resubmission?.state).toBe("DUE");
    const due = detail.draft.resubmission!.dueAt;
    // Three days (the default), to the end of the day in Hà Nội.
    expect(due.getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 86_400_000);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(4 * 86_400_000);
    expect(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }).format(due)).toBe("23:59");
    const row = async () => (await listReviewQueue(a.reviewerActor, { period: a.period, orgUnitId: a.ward.id })).items.find((item) => item.draftId === a.sentBack.id)!;
    expect((await row()).resubmitOverdue).toBe(false);
    const card = async () => (await listFeedback(a.wardActor, { status: "all" })).items.find((item) => item.id === a.request.feedbackId)!;
    expect((await card()).resubmission).toMatchObject({ state: "DUE", dueAt: due });

    setClock(new Date(due.getTime() + 1000));
    expect((await getDraftDetail(a.secretaryActor, a.sentBack.id)).draft.resubmission?.state).toBe("OVERDUE");
    expect((await row()).resubmitOverdue).toBe(true);
    expect((await card()).resubmission?.state).toBe("OVERDUE");
    setClock(null);

    // Sent again in time: on time, and nothing is overdue any more.
    await submitDraftVersion(a.secretaryActor, { period: a.period, body: `${templateDraft(a.branches[0].name)}\n- Đồng chí Lan phụ trách tổng vệ sinh ngõ 12 trước ngày 15.` });
    expect((await getDraftDetail(a.secretaryActor, a.sentBack.id)).draft.resubmission?.state).toBe("ON_TIME");
    expect((await row()).resubmitOverdue).toBe(false);
    // An approval has no resubmission.
    expect((await getDraftDetail(a.secretary2Actor, a.approved.id)).draft.resubmission).toBeNull();
  });

  it("the queue, its totals and the feedback inbox decide 'missing' and 'overdue' at the app's clock, by one rule", async () => {
    const a = await wardWithFeedback("Một đồng hồ");
    const [deadlineDay, ackDays] = await getSettings([SUBMISSION_DEADLINE_DAY, FEEDBACK_ACK_DAYS]);
    const scope = { orgUnitId: a.ward.id };
    // A month no branch has written for; its deadline is months ahead of the real time.
    const later = addMonths(a.period, 1);
    const deadline = submissionDeadline(later, deadlineDay);
    const missingAt = async () => ({
      totals: (await getDraftReviewSummary(a.reviewerActor, { ...scope, period: later })).totals,
      filtered: (await listReviewQueue(a.reviewerActor, { ...scope, period: later, timeliness: "MISSING" }, { includeMissing: true })).items.map((row) => row.branch.id).sort(),
      labels: (await listReviewQueue(a.reviewerActor, { ...scope, period: later }, { includeMissing: true })).items.map((row) => row.timeliness),
    });
    setClock(new Date(deadline.getTime() - 5 * 60_000));
    expect(await missingAt()).toMatchObject({ totals: { missing: 0, notDue: 2 }, filtered: [], labels: ["NOT_DUE", "NOT_DUE"] });
    setClock(new Date(deadline.getTime() + 5 * 60_000));
    expect(await missingAt()).toMatchObject({ totals: { missing: 2, notDue: 0 }, filtered: a.branches.map((branch) => branch.id).sort(), labels: ["MISSING", "MISSING"] });

    // The request for changes waits: overdue once more than ackDays whole days have passed, everywhere at once.
    const sentAt = (await testDb().feedback.findUniqueOrThrow({ where: { id: a.request.feedbackId } })).createdAt.getTime();
    const overdueAt = async () => {
      const queue = await listReviewQueue(a.reviewerActor, { ...scope, period: a.period });
      return {
        totals: (await getDraftReviewSummary(a.reviewerActor, { ...scope, period: a.period })).totals.unacknowledgedOverdue,
        filtered: (await listReviewQueue(a.reviewerActor, { ...scope, period: a.period, ack: "overdue" })).total,
        row: queue.items.find((row) => row.draftId === a.sentBack.id)!.ackOverdue,
        inbox: (await listFeedback(a.reviewerActor, { ...scope, status: "overdue" })).total,
      };
    };
    setClock(new Date(sentAt + ackDays * 86_400_000 + 3_600_000));
    expect(await overdueAt()).toEqual({ totals: 0, filtered: 0, row: false, inbox: 0 });
    setClock(new Date(sentAt + (ackDays + 1) * 86_400_000 + 60_000));
    expect(await overdueAt()).toEqual({ totals: 1, filtered: 1, row: true, inbox: 1 });
  });

  it("acknowledges many approvals at once, never a request for changes or another ward's item", async () => {
    const a = await wardWithFeedback("Xác nhận loạt");
    const b = await wardWithFeedback("Loạt khác");
    const second = await submitDraftVersion(a.secretaryActor, { period: addMonths(a.period, -1), body: templateDraft(a.branches[0].name) });
    const secondApproval = await submitDraftReview(a.reviewerActor, second.id, { decision: "APPROVED", summary: "Duyệt.", flags: [], expectedVersionNo: 1 });
    const ids = [a.approval.feedbackId, secondApproval.feedbackId];

    await expect(acknowledgeApprovals(a.wardActor, { feedbackIds: [...ids, a.request.feedbackId] })).rejects.toBeInstanceOf(ValidationError);
    await expect(acknowledgeApprovals(a.wardActor, { feedbackIds: [...ids, b.approval.feedbackId] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(acknowledgeApprovals(a.reviewerActor, { feedbackIds: ids })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acknowledgeApprovals(a.wardActor, { feedbackIds: [] })).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().feedback.count({ where: { id: { in: [...ids, a.request.feedbackId, b.approval.feedbackId] }, acknowledgedAt: { not: null } } })).toBe(0);

    expect(await acknowledgeApprovals(a.wardActor, { feedbackIds: ids })).toEqual({ acknowledged: 2 });
    const stored = await testDb().feedback.findMany({ where: { id: { in: ids } } });
    expect(stored.every((item) => item.acknowledgedAt && item.acknowledgedByName === a.wardUser.displayName)).toBe(true);
    expect(await testDb().auditEvent.count({ where: { action: "feedback.acknowledged", entityId: { in: ids.map(String) } } })).toBe(2);
    // Again: nothing more to do.
    expect(await acknowledgeApprovals(a.wardActor, { feedbackIds: ids })).toEqual({ acknowledged: 0 });
  });

  it("the data-quality alerts page through a long list with the same counts", async () => {
    const board = await actorOf(await createUser("BOARD_REVIEWER", (await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB" } })).id));
    const period = addMonths(currentPeriod(), -2);
    const whole = await findDataQualityAlerts(board, { period });
    const first = await findDataQualityAlerts(board, { period, page: 1, pageSize: 10 });
    const second = await findDataQualityAlerts(board, { period, page: 2, pageSize: 10 });
    expect(first.total).toBe(whole.items.length);
    expect(first.counts).toEqual(whole.counts);
    expect(first.items).toEqual(whole.items.slice(0, 10));
    expect(second.items).toEqual(whole.items.slice(10, 20));
  });
});
