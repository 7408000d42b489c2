import { closeTestDb, testDb } from "../support/db";
import { createMeetingWard } from "../support/meetings-factories";
import { actorOf, createUser } from "../support/factories";
import { runImport } from "@/lib/imports/run-import";
import { ATTENDANCE_IMPORT } from "@/lib/meetings/attendance-import";
import { todayIso } from "@/lib/format/date";

afterAll(closeTestDb);

describe("attendance CSV import", () => {
  it("validates each row, writes the accepted ones as meetings with counts, and re-importing changes nothing", async () => {
    const w = await createMeetingWard("Nhập");
    const other = await createMeetingWard("Ngoài");
    // An importer whose scope is the ward (the runner and the definition check the scope, whatever the role).
    const importer = await actorOf(await createUser("BOARD_REVIEWER", w.ward.id));
    const today = todayIso();
    const period = today.slice(0, 7);
    const day = today.split("-").reverse().join("/");
    const [members, secondBranch] = w.members;
    const active = members.filter((member) => member.status === "ACTIVE");
    const exempt = members.find((member) => member.status === "EXEMPT")!;
    const branch = w.branches[0].code;
    const csv = [
      "Mã chi bộ;Kỳ;Loại sinh hoạt;Ngày họp;Mã đảng viên;Điểm danh;Lý do;Dùng Sổ tay",
      `${branch};${period};Thường kỳ;${day};${active[0].code};Có mặt;;Có`,
      `${branch};${period};Thường kỳ;${day};${active[1].code};Vắng có lý do;Ốm;Có`,
      `${branch};${period};Thường kỳ;${day};${active[2].code};vang khong ly do;;Có`,
      `${branch};${period};Thường kỳ;${day};${active[3].code};Vắng có lý do;;Có`,
      `${branch};${period};Thường kỳ;${day};${exempt.code};Có mặt;;Có`,
      `${branch};${period};Thường kỳ;${day};${secondBranch[0].code};Có mặt;;Có`,
      `${other.branches[0].code};${period};Thường kỳ;${day};${other.members[0][0].code};Có mặt;;Có`,
      `${branch};${period};Thường kỳ;31/02/2026;${active[3].code};Có mặt;;Có`,
      `${branch};${period};Thường kỳ;${day};${active[0].code};Có mặt;;Có`,
    ].join("\n");

    const dry = await runImport(importer, ATTENDANCE_IMPORT, { text: csv, dryRun: true });
    expect(dry).toMatchObject({ accepted: 3, rejected: 6 });
    expect(await testDb().meeting.count({ where: { branchId: w.branches[0].id } })).toBe(0);
    expect(dry.errors.map((error) => [error.row, error.field])).toEqual([
      [5, "reason"],
      [6, "memberCode"],
      [7, "memberCode"],
      [8, "branchCode"],
      [9, "heldOn"],
      [10, "memberCode"],
    ]);
    expect(dry.errors[2].message).toBe(`Đảng viên ${secondBranch[0].code} không thuộc chi bộ ${branch}.`);
    expect(dry.errors[3].message).toBe(`Không có chi bộ ${other.branches[0].code} trong phạm vi của bạn.`);

    const real = await runImport(importer, ATTENDANCE_IMPORT, { text: csv, dryRun: false });
    expect(real).toMatchObject({ accepted: 3, rejected: 6 });
    const meeting = await testDb().meeting.findUniqueOrThrow({ where: { branchId_period_kind: { branchId: w.branches[0].id, period, kind: "REGULAR" } } });
    expect(meeting).toMatchObject({ expectedCount: 3, presentCount: 1, excusedCount: 1, unexcusedCount: 1, usedHandbook: true, exemptCount: 1 });
    expect(await testDb().auditEvent.count({ where: { entityType: "Meeting", entityId: String(meeting.id), action: "meeting.recorded" } })).toBe(1);

    await runImport(importer, ATTENDANCE_IMPORT, { text: csv, dryRun: false });
    const again = await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(again).toMatchObject({ expectedCount: 3, presentCount: 1, excusedCount: 1, unexcusedCount: 1 });
    expect(await testDb().attendance.count({ where: { meetingId: meeting.id } })).toBe(3);
    expect(await testDb().meeting.count({ where: { branch: { parentId: other.ward.id } } })).toBe(0);
  });
});
