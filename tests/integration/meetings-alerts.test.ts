import { closeTestDb, testDb } from "../support/db";
import { addMember, attendance, createMeetingWard, on } from "../support/meetings-factories";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { closeMeeting } from "@/lib/meetings/close-meeting";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { dismissDataQualityAlert } from "@/lib/meetings/dismiss-alert";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

const MINUTES = "Chi bộ thống nhất các nhiệm vụ tháng tới, phân công từng đồng chí phụ trách.";

describe("data-quality alerts", () => {
  it("explain meetings without minutes, documents sent late, dates outside the period and attendance of people who had left", async () => {
    const w = await createMeetingWard("Cảnh báo");
    const [first, second] = w.members;
    const left = await addMember(w.branches[0].id, { joinedBranchOn: "2019-01-01", leftBranchOn: "2026-09-15", fullName: "Lê Văn Đã Chuyển" });
    // Branch 1: dated 2 November for October, lists a member who left in September, closed with a document sent after the meeting.
    const late = await recordMeeting(
      w.secretaryActor,
      { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-11-02", usedHandbook: true, attendance: [...attendance(first), { memberId: left.id, status: "PRESENT" }] },
      { now: on("2026-11-03") },
    );
    await closeMeeting(w.secretaryActor, late.meeting.id, { minutes: MINUTES, documents: [{ title: "Dự thảo nghị quyết", sentOn: "2026-11-02" }] }, { now: on("2026-11-03") });
    // Branch 2: recorded, never closed.
    const open = await recordMeeting(w.secondSecretaryActor, { branchId: w.branches[1].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: false, attendance: attendance(second) }, { now: on("2026-10-20") });

    const during = await findDataQualityAlerts(w.wardActor, { period: "2026-10", now: on("2026-10-25") });
    expect(during.items.map((alert) => alert.kind)).not.toContain("MISSING_MINUTES"); // the month is not over yet
    // The month is over but minutes are due with the record, by the 5th of next month: no alert on the 1st nor the 5th.
    for (const day of ["2026-11-01", "2026-11-05"]) {
      const beforeDeadline = await findDataQualityAlerts(w.wardActor, { period: "2026-10", now: on(day) });
      expect(beforeDeadline.counts.MISSING_MINUTES).toBe(0);
    }

    const result = await findDataQualityAlerts(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    const byKind = Object.fromEntries(result.items.map((alert) => [`${alert.kind}|${alert.meetingId}`, alert]));
    expect(byKind[`HELD_OUTSIDE_PERIOD|${late.meeting.id}`].explanation).toBe("Cuộc họp của Tháng 10/2026 ghi ngày họp 02/11/2026, nằm ngoài kỳ. Kiểm tra lại ngày họp hoặc kỳ của cuộc họp.");
    expect(byKind[`FORMER_MEMBER_ATTENDANCE|${late.meeting.id}`].explanation).toContain("Lê Văn Đã Chuyển (chuyển đi từ 15/09/2026)");
    expect(byKind[`DOCUMENTS_NOT_SENT|${late.meeting.id}`].explanation).toContain("không có tài liệu nào gửi trước ngày họp");
    expect(byKind[`MISSING_MINUTES|${open.meeting.id}`].explanation).toContain("chưa có biên bản, dù hạn ghi nhận của Tháng 10/2026 là hết ngày 05/11/2026");
    expect(byKind[`MISSING_MINUTES|${late.meeting.id}`]).toBeUndefined();
    expect(result.counts).toMatchObject({ HELD_OUTSIDE_PERIOD: 1, FORMER_MEMBER_ATTENDANCE: 1, DOCUMENTS_NOT_SENT: 1, MISSING_MINUTES: 1, PERFECT_ATTENDANCE: 0 });

    // Leaders see the alert without the member's name.
    const forLeader = await findDataQualityAlerts(w.leaderActor, { orgUnitId: w.ward.id, period: "2026-10", kind: "FORMER_MEMBER_ATTENDANCE", now: on("2026-11-06") });
    expect(forLeader.items[0].explanation).not.toContain("Lê Văn");

    // Dismissed with a reason (audited), then gone from the open list.
    await expect(dismissDataQualityAlert(w.secretaryActor, { kind: "MISSING_MINUTES", subjectKey: `meeting:${open.meeting.id}`, reason: "Đã nhắc chi bộ" })).rejects.toBeInstanceOf(ForbiddenError);
    const other = await createMeetingWard("Khác");
    await expect(dismissDataQualityAlert(other.wardActor, { kind: "MISSING_MINUTES", subjectKey: `meeting:${open.meeting.id}`, reason: "Không phải của tôi" }, { now: on("2026-11-06") })).rejects.toBeInstanceOf(NotFoundError);
    await expect(dismissDataQualityAlert(w.wardActor, { kind: "PERFECT_ATTENDANCE", subjectKey: `meeting:${open.meeting.id}`, reason: "Không có cảnh báo này" }, { now: on("2026-11-06") })).rejects.toBeInstanceOf(NotFoundError);
    const dismissed = await dismissDataQualityAlert(w.wardActor, { kind: "MISSING_MINUTES", subjectKey: `meeting:${open.meeting.id}`, reason: "Biên bản giấy đã nộp, chi bộ sẽ nhập sau" }, { now: on("2026-11-06") });
    await expect(dismissDataQualityAlert(w.wardActor, { kind: "MISSING_MINUTES", subjectKey: `meeting:${open.meeting.id}`, reason: "Lần hai" }, { now: on("2026-11-06") })).rejects.toBeInstanceOf(ConflictError);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { entityType: "DataQualityDismissal", entityId: String(dismissed.id) } });
    expect(audit).toMatchObject({ action: "meeting.alert.dismissed", orgUnitId: w.branches[1].id });
    const afterDismiss = await findDataQualityAlerts(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    expect(afterDismiss.counts.MISSING_MINUTES).toBe(0);
    expect(afterDismiss.dismissed).toBe(1);
    const withDismissed = await findDataQualityAlerts(w.wardActor, { period: "2026-10", includeDismissed: true, now: on("2026-11-06") });
    expect(withDismissed.items.find((alert) => alert.kind === "MISSING_MINUTES")?.dismissal?.reason).toBe("Biên bản giấy đã nộp, chi bộ sẽ nhập sau");
  });

  it("flag a branch reporting everyone present month after month, never an excused absence", async () => {
    const w = await createMeetingWard("Tròn");
    for (const month of ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]) {
      await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: month, kind: "REGULAR", heldOn: `${month}-10`, usedHandbook: true, attendance: attendance(w.members[0]) }, { now: on(`${month}-20`) });
    }
    const alerts = await findDataQualityAlerts(w.boardActor, { orgUnitId: w.ward.id, period: "2026-09", kind: "PERFECT_ATTENDANCE", now: on("2026-10-20") });
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]).toMatchObject({ subjectKey: `branch:${w.branches[0].id}:2026`, branch: { id: w.branches[0].id } });
    expect(alerts.items[0].explanation).toContain("6 cuộc họp trong 6 tháng (Tháng 4/2026 – Tháng 9/2026) đều có mặt đủ 100%");
    // Five months are not enough to raise it.
    expect((await findDataQualityAlerts(w.boardActor, { orgUnitId: w.ward.id, period: "2026-08", kind: "PERFECT_ATTENDANCE", now: on("2026-10-20") })).items).toHaveLength(0);
    await dismissDataQualityAlert(w.boardActor, { kind: "PERFECT_ATTENDANCE", subjectKey: `branch:${w.branches[0].id}:2026`, period: "2026-09", reason: "Chi bộ nhỏ, đã kiểm tra sổ ký" }, { now: on("2026-10-20") });
    expect((await findDataQualityAlerts(w.boardActor, { orgUnitId: w.ward.id, period: "2026-09", now: on("2026-10-20") })).counts.PERFECT_ATTENDANCE).toBe(0);
  });
});
