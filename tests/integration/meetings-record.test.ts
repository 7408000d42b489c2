import { closeTestDb, testDb } from "../support/db";
import { addMember, attendance, createMeetingWard, on } from "../support/meetings-factories";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { closeMeeting } from "@/lib/meetings/close-meeting";
import { reopenMeetingPeriod } from "@/lib/meetings/reopen-period";
import { getRecordingRoster } from "@/lib/meetings/recording-roster";
import { PeriodLockedError } from "@/lib/meetings/errors";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

async function auditCount(meetingId: number) {
  return testDb().auditEvent.count({ where: { entityType: "Meeting", entityId: String(meetingId) } });
}

describe("recording a meeting", () => {
  it("expects every member who belongs except those excused from meetings, and keeps the counts", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const exempt = members.find((member) => member.status === "EXEMPT")!;
    const rows = attendance(members, { [members[1].id]: { status: "EXCUSED", reason: "Ốm" }, [members[2].id]: { status: "UNEXCUSED" } });
    const { meeting, created } = await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: rows }, { now: on("2026-10-20") });
    expect(created).toBe(true);
    expect(meeting).toMatchObject({ expected: 4, present: 2, excused: 1, unexcused: 1, exempt: 1, attendanceRate: 0.5, usedHandbook: true, hasMinutes: false, versionNo: 1 });
    const stored = await testDb().attendance.findMany({ where: { meetingId: meeting.id } });
    expect(stored.map((row) => row.memberId)).not.toContain(exempt.id);
    expect(stored.find((row) => row.memberId === members[1].id)?.reason).toBe("Ốm");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { entityType: "Meeting", entityId: String(meeting.id) } });
    expect(audit).toMatchObject({ action: "meeting.recorded", actorUserId: w.secretary.id, orgUnitId: w.branches[0].id });

    // The recording form lists the exempt member apart (the client filters on status).
    const roster = await getRecordingRoster(w.secretaryActor, w.branches[0].id, "2026-10", "REGULAR", { now: on("2026-10-20") });
    expect(roster.members.find((member) => member.id === exempt.id)?.status).toBe("EXEMPT");
    expect(roster.meeting?.attendance).toHaveLength(4);
  });

  it("refuses a roll call that marks an exempt member, misses an expected one, lacks a reason or names another branch's member, and writes nothing", async () => {
    const w = await createMeetingWard();
    const [members, others] = w.members;
    const exempt = members.find((member) => member.status === "EXEMPT")!;
    const input = (rows: unknown[]) => ({ branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: false, attendance: rows });
    const now = { now: on("2026-10-20") };
    await expect(recordMeeting(w.secretaryActor, input([...attendance(members), { memberId: exempt.id, status: "PRESENT" }]), now)).rejects.toThrow(`${exempt.fullName} được miễn sinh hoạt: không điểm danh.`);
    await expect(recordMeeting(w.secretaryActor, input(attendance(members).slice(1)), now)).rejects.toThrow(/Thiếu điểm danh của 1 đảng viên/);
    await expect(recordMeeting(w.secretaryActor, input(attendance(members, { [members[0].id]: { status: "EXCUSED" } })), now)).rejects.toBeInstanceOf(ValidationError);
    await expect(recordMeeting(w.secretaryActor, input([...attendance(members), { memberId: others[0].id, status: "PRESENT" }]), now)).rejects.toThrow(`Đảng viên #${others[0].id} không thuộc chi bộ này.`);
    await expect(recordMeeting(w.secretaryActor, { ...input(attendance(members)), heldOn: "2026-10-32" }, now)).rejects.toBeInstanceOf(ValidationError);
    await expect(recordMeeting(w.secretaryActor, { ...input(attendance(members)), heldOn: "2026-10-25" }, now)).rejects.toThrow("Ngày họp không được sau ngày hôm nay.");
    expect(await testDb().meeting.count({ where: { branchId: w.branches[0].id } })).toBe(0);
  });

  it("is an idempotent upsert per branch, period and kind: the same input twice changes nothing, a change bumps the version", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const body = { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, notes: "Họp tại nhà văn hóa", attendance: attendance(members) };
    const now = { now: on("2026-10-20") };
    const first = await recordMeeting(w.secretaryActor, body, now);
    const second = await recordMeeting(w.secretaryActor, JSON.parse(JSON.stringify(body)), now);
    expect(second).toMatchObject({ created: false, changed: false });
    expect(second.meeting).toEqual(first.meeting);
    expect(await testDb().meeting.count({ where: { branchId: w.branches[0].id, period: "2026-10" } })).toBe(1);
    expect(await auditCount(first.meeting.id)).toBe(1);

    const changed = await recordMeeting(w.secretaryActor, { ...body, attendance: attendance(members, { [members[0].id]: { status: "UNEXCUSED" } }) }, now);
    expect(changed).toMatchObject({ created: false, changed: true });
    expect(changed.meeting).toMatchObject({ id: first.meeting.id, versionNo: 2, present: 3, unexcused: 1 });
    const events = await testDb().auditEvent.findMany({ where: { entityType: "Meeting", entityId: String(first.meeting.id) }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["meeting.recorded", "meeting.updated"]);

    // A thematic meeting of the same month is a meeting of its own.
    const thematic = await recordMeeting(w.secretaryActor, { ...body, kind: "THEMATIC", heldOn: "2026-10-18" }, now);
    expect(thematic.meeting.id).not.toBe(first.meeting.id);
    // A writer who read version 1 is told the meeting changed since.
    await expect(recordMeeting(w.secretaryActor, { ...body, usedHandbook: false, expectedVersionNo: 1 }, now)).rejects.toBeInstanceOf(ConflictError);
  });

  it("takes the offline queue's preconditions: expectedVersionNo 0 creates only, a replay after a lost answer changes nothing, a stale version never overwrites", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const now = { now: on("2026-10-20") };
    const queued = { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members, { [members[1].id]: { status: "UNEXCUSED" } }), expectedVersionNo: 0 };
    const sent = await recordMeeting(w.secretaryActor, queued, now);
    expect(sent).toMatchObject({ created: true, changed: true, meeting: { versionNo: 1, unexcused: 1 } });
    // The answer was lost on a weak signal and the queue sends the same body again: nothing new.
    expect(await recordMeeting(w.secretaryActor, queued, now)).toMatchObject({ created: false, changed: false, meeting: { versionNo: 1 } });
    expect(await auditCount(sent.meeting.id)).toBe(1);
    // Another device changes the meeting; a different change queued from version 1 (or from "not recorded yet") is refused.
    await recordMeeting(w.secretaryActor, { ...queued, expectedVersionNo: 1, notes: "Sửa từ máy khác" }, now);
    await expect(recordMeeting(w.secretaryActor, { ...queued, usedHandbook: false, expectedVersionNo: 1 }, now)).rejects.toBeInstanceOf(ConflictError);
    await expect(recordMeeting(w.secretaryActor, { ...queued, usedHandbook: false, expectedVersionNo: 0 }, now)).rejects.toBeInstanceOf(ConflictError);
    const stored = await testDb().meeting.findFirstOrThrow({ where: { id: sent.meeting.id } });
    expect(stored).toMatchObject({ versionNo: 2, usedHandbook: true, notes: "Sửa từ máy khác" });
    // The secretary chose to keep their version: sent against the current version, it goes through.
    expect(await recordMeeting(w.secretaryActor, { ...queued, usedHandbook: false, expectedVersionNo: 2 }, now)).toMatchObject({ changed: true, meeting: { versionNo: 3, usedHandbook: false } });
    await expect(recordMeeting(w.secretaryActor, { ...queued, expectedVersionNo: -1 }, now)).rejects.toBeInstanceOf(ValidationError);
  });

  it("expects members by the meeting date: someone who joined later or had left is not required", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const joinedLater = await addMember(w.branches[0].id, { joinedBranchOn: "2026-10-15" });
    const left = await addMember(w.branches[0].id, { joinedBranchOn: "2019-01-01", leftBranchOn: "2026-10-05" });
    const base = { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", usedHandbook: false };
    const early = await recordMeeting(w.secretaryActor, { ...base, heldOn: "2026-10-03", attendance: [...attendance(members), { memberId: left.id, status: "PRESENT" }] }, { now: on("2026-10-20") });
    expect(early.meeting.expected).toBe(5);
    await expect(recordMeeting(w.secretaryActor, { ...base, kind: "THEMATIC", heldOn: "2026-10-16", attendance: attendance(members) }, { now: on("2026-10-20") })).rejects.toThrow(joinedLater.fullName);
  });
});

describe("editing window and reopening", () => {
  it("locks a period some days after it ends; the board reopens it (audited) and the secretary can edit again", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const body = { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: false, attendance: attendance(members) };
    await recordMeeting(w.secretaryActor, body, { now: on("2026-11-10") });
    await expect(recordMeeting(w.secretaryActor, { ...body, usedHandbook: true }, { now: on("2026-11-11") })).rejects.toBeInstanceOf(PeriodLockedError);
    await expect(reopenMeetingPeriod(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", reason: "Quên ghi" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reopenMeetingPeriod(w.boardActor, { branchId: w.branches[0].id, period: "2026-10", reason: "Còn mở" }, { now: on("2026-11-02") })).rejects.toThrow(/vẫn đang mở/);

    const reopened = await reopenMeetingPeriod(w.boardActor, { branchId: w.branches[0].id, period: "2026-10", reason: "Chi bộ bổ sung điểm danh theo biên bản giấy" }, { now: on("2026-11-12") });
    expect(reopened.openUntil).toBe("2026-11-19");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { entityType: "MeetingReopening", entityId: String(reopened.id) } });
    expect(audit).toMatchObject({ action: "meeting.period.reopened", actorUserId: w.board.id });
    const edited = await recordMeeting(w.secretaryActor, { ...body, usedHandbook: true }, { now: on("2026-11-15") });
    expect(edited.meeting.usedHandbook).toBe(true);
    await expect(recordMeeting(w.secretaryActor, body, { now: on("2026-11-20") })).rejects.toBeInstanceOf(PeriodLockedError);
  });

  it("refuses future periods", async () => {
    const w = await createMeetingWard();
    await expect(recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-12", kind: "REGULAR", heldOn: "2026-11-30", usedHandbook: false, attendance: attendance(w.members[0]) }, { now: on("2026-11-30") })).rejects.toThrow(/chưa bắt đầu/);
  });
});

describe("closing a meeting", () => {
  it("needs the minutes, keeps the documents sent before, and is audited", async () => {
    const w = await createMeetingWard();
    const { meeting } = await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: false, attendance: attendance(w.members[0]) }, { now: on("2026-10-20") });
    await expect(closeMeeting(w.secretaryActor, meeting.id, { minutes: "", documents: [] }, { now: on("2026-10-20") })).rejects.toBeInstanceOf(ValidationError);
    const closed = await closeMeeting(
      w.secretaryActor,
      meeting.id,
      { minutes: "Chi bộ thống nhất tổng vệ sinh khu dân cư, giao tổ trưởng phụ trách.", documents: [{ title: "Dự thảo nghị quyết tháng 10", sentOn: "2026-10-08" }], expectedVersionNo: 1 },
      { now: on("2026-10-20") },
    );
    expect(closed).toMatchObject({ hasMinutes: true, versionNo: 2 });
    expect(closed.closedAt).not.toBeNull();
    expect(await testDb().meetingDocument.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect((await testDb().auditEvent.findMany({ where: { entityType: "Meeting", entityId: String(meeting.id) } })).map((e) => e.action)).toContain("meeting.closed");
    await expect(closeMeeting(w.secretaryActor, meeting.id, { minutes: "Biên bản sửa lại sau khi đối chiếu sổ ghi chép.", documents: [], expectedVersionNo: 1 }, { now: on("2026-10-20") })).rejects.toBeInstanceOf(ConflictError);
  });

  it("another branch's secretary can neither close nor record it", async () => {
    const w = await createMeetingWard();
    const { meeting } = await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: false, attendance: attendance(w.members[0]) }, { now: on("2026-10-20") });
    await expect(closeMeeting(w.secondSecretaryActor, meeting.id, { minutes: "Biên bản của chi bộ khác, không được ghi.", documents: [] }, { now: on("2026-10-20") })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordMeeting(w.secondSecretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(w.members[0]) }, { now: on("2026-10-20") })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordMeeting(w.wardActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: [] }, { now: on("2026-10-20") })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
