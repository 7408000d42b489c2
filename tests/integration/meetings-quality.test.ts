// The schedule sent ahead and the quality checklist, on a real PostgreSQL, with the clock set.
import { closeTestDb, testDb } from "../support/db";
import { attendance, createMeetingWard, on } from "../support/meetings-factories";
import { setClock } from "@/lib/clock";
import { announceMeeting } from "@/lib/meetings/announce-meeting";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { getMeetingPeriod } from "@/lib/meetings/meeting-period";
import { listMeetingSchedules } from "@/lib/meetings/list-meeting-schedules";
import { NotFoundError, ValidationError } from "@/lib/errors";

afterEach(() => setClock(null));
afterAll(closeTestDb);

const agenda = "Quán triệt nghị quyết tháng; phân công đảng viên giúp hộ nghèo.";

function stateOf(meeting: { quality: { checklist: { key: string; state: string }[] } }, key: string) {
  return meeting.quality.checklist.find((criterion) => criterion.key === key)?.state;
}

describe("the schedule sent ahead", () => {
  it("announced on the 20th for a meeting early next month: in time, the ward committee notified, the record then judged MET on every criterion", async () => {
    const w = await createMeetingWard("Lịch họp");
    const branch = w.branches[0];
    setClock(on("2026-11-20"));
    const announced = await announceMeeting(w.secretaryActor, { branchId: branch.id, period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-04", startTime: "19:00", place: "Nhà văn hóa tổ 1", agenda });
    expect(announced).toMatchObject({ created: true, changed: true, plannedOn: "2026-12-04", versionNo: 1 });
    const notice = await testDb().notification.findFirst({ where: { userId: w.wardUser.id, kind: "meeting.schedule" } });
    expect(notice?.body).toContain("19:00 ngày 04/12/2026");
    // The same announcement again changes nothing; a change keeps the first announcement's day.
    expect(await announceMeeting(w.secretaryActor, { branchId: branch.id, period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-04", startTime: "19:00", place: "Nhà văn hóa tổ 1", agenda })).toMatchObject({ changed: false });
    setClock(on("2026-11-30"));
    const moved = await announceMeeting(w.secretaryActor, { branchId: branch.id, period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-04", startTime: "19:30", place: "Nhà văn hóa tổ 1", agenda, expectedVersionNo: 1 });
    expect(moved).toMatchObject({ versionNo: 2, announcedAt: announced.announcedAt });

    setClock(on("2026-12-04"));
    const members = w.members[0];
    await recordMeeting(w.secretaryActor, {
      branchId: branch.id,
      period: "2026-12",
      kind: "REGULAR",
      heldOn: "2026-12-04",
      usedHandbook: true,
      startTime: "19:30",
      endTime: "21:30",
      place: "Nhà văn hóa tổ 1",
      committeePrepared: true,
      committeePreparedOn: "2026-12-01",
      combinedWithThematic: true,
      minutes: "Biên bản: chi bộ quán triệt nghị quyết, phân công đảng viên, kết luận.",
      documents: [{ title: "Dự thảo nghị quyết tháng 12", sentOn: "2026-12-02" }],
      attendance: attendance(members),
    });
    const period = await getMeetingPeriod(w.boardActor, branch.id, "2026-12", { now: on("2026-12-06") });
    const meeting = period.meetings[0];
    expect(meeting.quality.checklist.map((criterion) => [criterion.key, criterion.state])).toEqual([
      ["DURATION", "MET"],
      ["COMMITTEE_PREPARED", "MET"],
      ["SCHEDULE_AHEAD", "MET"],
      ["DOCUMENTS_AHEAD", "MET"],
      ["ATTENDANCE", "MET"],
      ["NO_UNEXCUSED", "MET"],
      ["MINUTES", "MET"],
      ["THEMATIC_IN_QUARTER", "MET"],
    ]);
    expect(meeting.quality.verdict).toBe("MET");
    expect(period.schedules[0]).toMatchObject({ plannedOn: "2026-12-04", startTime: "19:30", announcedOn: "2026-11-20" });
  });

  it("a late announcement, a missing one and a short meeting fail their criteria; the board's list shows each branch's state", async () => {
    const w = await createMeetingWard("Báo muộn");
    const [first, second] = w.branches;
    setClock(on("2026-12-01"));
    await announceMeeting(w.secretaryActor, { branchId: first.id, period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-04", startTime: "19:00", place: "Hội trường", agenda });
    setClock(on("2026-12-04"));
    await recordMeeting(w.secretaryActor, { branchId: first.id, period: "2026-12", kind: "REGULAR", heldOn: "2026-12-04", usedHandbook: false, startTime: "19:00", endTime: "20:15", attendance: attendance(w.members[0]) });
    const meeting = (await getMeetingPeriod(w.boardActor, first.id, "2026-12", { now: on("2026-12-05") })).meetings[0];
    expect(stateOf(meeting, "SCHEDULE_AHEAD")).toBe("NOT_MET");
    expect(meeting.quality.checklist.find((criterion) => criterion.key === "SCHEDULE_AHEAD")?.reason).toBe("Thông báo ngày 01/12/2026, trước 3 ngày; cần trước ít nhất 7 ngày.");
    expect(stateOf(meeting, "DURATION")).toBe("NOT_MET");
    expect(stateOf(meeting, "COMMITTEE_PREPARED")).toBe("UNKNOWN");
    expect(stateOf(meeting, "DOCUMENTS_AHEAD")).toBe("NOT_MET");
    expect(meeting.quality.verdict).toBe("NOT_MET");

    const list = await listMeetingSchedules(w.wardActor, { orgUnitId: w.ward.id, period: "2026-12", page: 1, pageSize: 50 });
    expect(list.counts).toEqual({ branches: 2, ON_TIME: 0, LATE: 1, NOT_ANNOUNCED: 1 });
    expect(list.items.map((item) => [item.branch.id, item.state])).toEqual([
      [second.id, "NOT_ANNOUNCED"],
      [first.id, "LATE"],
    ]);
    const late = await listMeetingSchedules(w.boardActor, { orgUnitId: w.ward.id, period: "2026-12", state: "LATE", page: 1, pageSize: 50 });
    expect(late.total).toBe(1);
  });

  it("an older record without times: duration and schedule are unknown, not failed", async () => {
    const w = await createMeetingWard("Bản ghi cũ");
    await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(w.members[0]) }, { now: on("2026-10-20") });
    const meeting = (await getMeetingPeriod(w.boardActor, w.branches[0].id, "2026-10", { now: on("2026-10-20") })).meetings[0];
    expect(stateOf(meeting, "DURATION")).toBe("UNKNOWN");
    expect(stateOf(meeting, "SCHEDULE_AHEAD")).toBe("UNKNOWN");
    expect(stateOf(meeting, "THEMATIC_IN_QUARTER")).toBe("UNKNOWN");
    expect(meeting.quality.verdict).toBe("NOT_MET"); // no minutes, no documents
  });

  it("refuses bad input and another branch's or ward's secretary, writing nothing", async () => {
    const w = await createMeetingWard("Lịch sai");
    const other = await createMeetingWard("Phường khác");
    const branch = w.branches[0];
    setClock(on("2026-11-20"));
    const body = { branchId: branch.id, period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-04", startTime: "19:00", place: "Nhà văn hóa", agenda };
    await expect(announceMeeting(w.secretaryActor, { ...body, startTime: "25:00" })).rejects.toBeInstanceOf(ValidationError);
    await expect(announceMeeting(w.secretaryActor, { ...body, agenda: "ngắn" })).rejects.toBeInstanceOf(ValidationError);
    await expect(announceMeeting(w.secretaryActor, { ...body, plannedOn: "2026-11-19" })).rejects.toThrow("Ngày họp dự kiến đã qua");
    await expect(announceMeeting(w.secretaryActor, { ...body, plannedOn: "2027-03-01" })).rejects.toBeInstanceOf(ValidationError);
    await expect(announceMeeting(w.secondSecretaryActor, body)).rejects.toBeInstanceOf(NotFoundError);
    await expect(announceMeeting(other.secretaryActor, body)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMeetingSchedules(other.wardActor, { orgUnitId: w.ward.id, period: "2026-12", page: 1, pageSize: 50 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().meetingSchedule.count({ where: { branchId: branch.id } })).toBe(0);
    // The record refuses half a time range and an end before the start.
    const meeting = { branchId: branch.id, period: "2026-11", kind: "REGULAR", heldOn: "2026-11-12", usedHandbook: true, attendance: attendance(w.members[0]) };
    await expect(recordMeeting(w.secretaryActor, { ...meeting, startTime: "19:00" })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordMeeting(w.secretaryActor, { ...meeting, startTime: "19:00", endTime: "18:00" })).rejects.toThrow();
    await expect(recordMeeting(w.secretaryActor, { ...meeting, committeePrepared: true, committeePreparedOn: "2026-11-13" })).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().meeting.count({ where: { branchId: branch.id } })).toBe(0);
  });
});
