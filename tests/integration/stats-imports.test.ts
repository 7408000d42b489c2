import { closeTestDb, testDb } from "../support/db";
import { createTestWard, uniqueSuffix } from "../support/factories";
import { createBoardActor, createStatsWard } from "../support/stats-factories";
import { runImport } from "@/lib/imports/run-import";
import { findImportDefinition } from "@/lib/imports/registry";
import { getHandbookOverview } from "@/lib/stats/get-handbook-overview";
import { addMonths } from "@/lib/periods/period";
import { todayIso } from "@/lib/format/date";

afterAll(closeTestDb);

const today = todayIso();
const period = today.slice(0, 7);
const lastMonth = addMonths(period, -1);
const usage = () => findImportDefinition("usage")!;
const members = () => findImportDefinition("members")!;

function snapshotsOf(branchIds: number[]) {
  return testDb().usageSnapshot.findMany({ where: { branchId: { in: branchIds } }, orderBy: [{ branchId: "asc" }, { date: "asc" }] });
}

describe("usage import (CSV)", () => {
  it("writes a good file and updates the dashboard; the same file again changes nothing", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const [b1, b2] = own.branches;
    const csv = [
      "\uFEFFMã chi bộ;Ngày số liệu;Dùng trong sinh hoạt;Số tin bài;Số văn bản",
      `${b1.code};${today};Có;2;1`,
      `${b2.code.toLowerCase()};28/${lastMonth.slice(5)}/${lastMonth.slice(0, 4)};không;;`,
      `${b2.code};${today};x;1.200;0`,
    ].join("\r\n");
    const result = await runImport(board, usage(), { text: csv, dryRun: false });
    expect(result).toMatchObject({ accepted: 3, rejected: 0, errors: [] });
    const written = await snapshotsOf([b1.id, b2.id]);
    expect(written.map((s) => [s.branchId, s.date.toISOString().slice(0, 10), s.usedInMeetings, s.newsPosts, s.documents, s.source])).toEqual([
      [b1.id, today, true, 2, 1, "import"],
      [b2.id, `${lastMonth}-28`, false, 0, 0, "import"],
      [b2.id, today, true, 1200, 0, "import"],
    ]);
    expect(await getHandbookOverview(own.leader, {})).toMatchObject({ period, branchesUsingInMeetings: 2, newsPosts: 1202, documents: 1 });
    expect(await getHandbookOverview(own.leader, { period: lastMonth })).toMatchObject({ branchesReporting: 1, branchesUsingInMeetings: 0 });

    const again = await runImport(board, usage(), { text: csv, dryRun: false });
    expect(again).toMatchObject({ accepted: 3, rejected: 0 });
    expect(await snapshotsOf([b1.id, b2.id])).toEqual(written);
  });

  it("reports each bad row with its field and writes nothing from it", async () => {
    const own = await createStatsWard();
    const other = await createTestWard();
    const board = await createBoardActor();
    const wardScoped = own.wardActor;
    const [b1, b2] = own.branches;
    const csv = [
      "ma chi bo,ngay so lieu,dung trong sinh hoat,so tin bai,so van ban",
      `${b1.code},${today},có,1,1`, // 2: good
      `KHONG-CO-${uniqueSuffix()},${today},có,0,0`, // 3: unknown branch
      `${b2.code},31/02/2026,có,0,0`, // 4: no such day
      `${b2.code},2999-01-01,có,0,0`, // 5: future
      `${b2.code},${today},có lẽ,0,0`, // 6: unclear yes/no
      `${b2.code},${today},không,-3,0`, // 7: negative
      `${b1.code},${today},không,0,0`, // 8: duplicate of row 2
      `${own.ward.code},${today},có,0,0`, // 9: a ward, not a branch
      `${b2.code},2001-01-01,có,0,0`, // 10: too old
    ].join("\n");
    // The board may import for any branch of its district; another ward's branch is outside a ward-scoped board.
    const result = await runImport(board, usage(), { text: csv, dryRun: false });
    expect(result.accepted).toBe(1);
    expect(result.rejected).toBe(8);
    expect(result.errors.map((error) => [error.row, error.field])).toEqual([
      [3, "branchCode"],
      [4, "date"],
      [5, "date"],
      [6, "usedInMeetings"],
      [7, "newsPosts"],
      [8, "date"],
      [9, "branchCode"],
      [10, "date"],
    ]);
    expect(result.errors.find((error) => error.row === 8)?.message).toContain("dòng 2");
    const written = await snapshotsOf([b1.id, b2.id, ...other.branches.map((b) => b.id)]);
    expect(written.map((s) => [s.branchId, s.usedInMeetings])).toEqual([[b1.id, true]]);
    // A ward committee may not import usage figures at all.
    await expect(runImport(wardScoped, usage(), { text: csv, dryRun: true })).rejects.toMatchObject({ status: 403 });
  });

  it("a dry run checks everything and writes nothing", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const result = await runImport(board, usage(), { text: `Mã chi bộ,Ngày số liệu,Dùng trong sinh hoạt\n${own.branches[0].code},${today},có\n`, dryRun: true });
    expect(result).toMatchObject({ dryRun: true, accepted: 1, rejected: 0 });
    expect(await snapshotsOf(own.branches.map((b) => b.id))).toEqual([]);
  });
});

describe("member import (CSV, COPY + upsert)", () => {
  const header = "Mã đảng viên,Mã chi bộ,Họ và tên,Trạng thái,Thuộc diện cài Sổ tay,Ngày cài Sổ tay,Giới tính,Năm sinh,Ngày vào chi bộ,Ngày rời chi bộ";

  it("adds, updates and moves members, refreshes the figures, and a second import writes nothing", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const [b1, b2] = own.branches;
    const newCode = `${b1.code}-NEW`;
    const csv = [
      header,
      `${newCode},${b1.code},  Nguyễn   Thị  Hoà ,Đang sinh hoạt,Có,15/03/2026,Nữ,1985,2020-01-01,`, // new, installed
      `${b1.code}-1,${b1.code},Đảng viên 1 đổi tên,Đã chuyển đi,có,2025-05-01,,,,${today}`, // leaves
      `${b1.code}-2,${b2.code},Đảng viên 2,Đang sinh hoạt,có,2025-05-01,Nam,1970,,`, // moves to branch 2
      `${b2.code}-5,${b2.code},Đảng viên 5,Miễn sinh hoạt,Không,,,,,`, // not eligible any more
    ].join("\n");
    const result = await runImport(board, members(), { text: csv, dryRun: false });
    expect(result).toMatchObject({ accepted: 4, rejected: 0 });

    const added = await testDb().member.findUniqueOrThrow({ where: { code: newCode } });
    expect(added).toMatchObject({ branchId: b1.id, fullName: "Nguyễn Thị Hoà", gender: "FEMALE", birthYear: 1985, status: "ACTIVE", eligibleForHandbook: true });
    expect(added.handbookInstalledAt?.toISOString().slice(0, 10)).toBe("2026-03-15");
    const left = await testDb().member.findUniqueOrThrow({ where: { code: `${b1.code}-1` } });
    expect(left).toMatchObject({ status: "TRANSFERRED_OUT", fullName: "Đảng viên 1 đổi tên" });
    expect(left.leftBranchOn?.toISOString().slice(0, 10)).toBe(today);
    const moved = await testDb().member.findUniqueOrThrow({ where: { code: `${b1.code}-2` } });
    expect(moved.branchId).toBe(b2.id);
    expect(moved.joinedBranchOn.toISOString().slice(0, 10)).toBe("2015-01-01"); // kept: the cell was empty

    // Branch 1: members 1,3,4,5 and the new one minus the one who left → 4; installed: 3 (new) + 4 (was installed) ... counted from raw.
    const overview = await getHandbookOverview(own.leader, {});
    const raw = await testDb().member.findMany({ where: { branchId: { in: [b1.id, b2.id] }, status: { in: ["ACTIVE", "EXEMPT"] } } });
    expect(overview).toMatchObject({
      membersTotal: raw.length,
      membersEligible: raw.filter((m) => m.eligibleForHandbook).length,
      membersInstalled: raw.filter((m) => m.handbookInstalledAt).length,
    });
    expect(overview.children.map((child) => child.membersTotal)).toEqual([
      raw.filter((m) => m.branchId === b1.id).length,
      raw.filter((m) => m.branchId === b2.id).length,
    ]);
    expect(raw.filter((m) => m.branchId === b2.id)).toHaveLength(6);

    const stamps = await testDb().member.findMany({ where: { branchId: { in: [b1.id, b2.id] } }, select: { code: true, updatedAt: true }, orderBy: { code: "asc" } });
    const again = await runImport(board, members(), { text: csv, dryRun: false });
    expect(again).toMatchObject({ accepted: 4, rejected: 0 });
    expect(await testDb().member.findMany({ where: { branchId: { in: [b1.id, b2.id] } }, select: { code: true, updatedAt: true }, orderBy: { code: "asc" } })).toEqual(stamps);
    expect(await testDb().memberImportRow.count({ where: { code: { in: [newCode, `${b1.code}-1`] } } })).toBe(0);
  });

  it("refuses bad rows one by one and writes nothing from them", async () => {
    const own = await createStatsWard();
    const other = await createTestWard();
    const wardBoard = own.wardActor;
    const board = await createBoardActor();
    const [b1] = own.branches;
    const foreignMember = `${other.branches[0].code}-1`;
    const suffix = uniqueSuffix();
    const csv = [
      header,
      `NEW-${suffix}-1,${b1.code},Trần Văn An,,,,,,,`, // 2: good (defaults)
      `NEW-${suffix}-2,KHONG-CO,Trần Văn Bình,,,,,,,`, // 3: unknown branch
      `NEW-${suffix}-3,${b1.code},A,,,,,,,`, // 4: name too short
      `NEW-${suffix}-4,${b1.code},Trần Văn Cường,Nghỉ hưu,,,,,,`, // 5: unknown status
      `NEW-${suffix}-5,${b1.code},Trần Văn Dũng,Đang sinh hoạt,,,,,,2026-01-01`, // 6: left date while active
      `NEW-${suffix}-1,${b1.code},Trần Văn An,,,,,,,`, // 7: duplicate of row 2
      `NEW-${suffix}-6,${b1.code},Trần Văn Em,,,2999-01-01,,,,`, // 8: install date in the future
      `NEW-${suffix}-7,${b1.code},Trần Văn Giang,,,,Khác,,,`, // 9: gender
      `NEW-${suffix}-8,${b1.code},Trần Văn Hải,,,,,1800,,`, // 10: birth year
      `mã có dấu,${b1.code},Trần Văn Khánh,,,,,,,`, // 11: code
    ].join("\n");
    // The ward committee's own scope: a branch of another ward does not exist for it, nor does another ward's member.
    const wardScopedCsv = [header, `${foreignMember},${b1.code},Chiếm chỗ,,,,,,,`, `NEW-${suffix}-9,${other.branches[0].code},Ngoài phạm vi,,,,,,,`].join("\n");
    await expect(runImport(wardBoard, members(), { text: wardScopedCsv, dryRun: true })).rejects.toMatchObject({ status: 403 });

    const result = await runImport(board, members(), { text: csv, dryRun: false });
    expect(result).toMatchObject({ accepted: 1, rejected: 9 });
    expect(result.errors.map((error) => [error.row, error.field])).toEqual([
      [3, "branchCode"],
      [4, "fullName"],
      [5, "status"],
      [6, "leftBranchOn"],
      [7, "code"],
      [8, "handbookInstalledAt"],
      [9, "gender"],
      [10, "birthYear"],
      [11, "code"],
    ]);
    const created = await testDb().member.findMany({ where: { code: { startsWith: `NEW-${suffix}` } } });
    expect(created.map((m) => [m.code, m.status, m.eligibleForHandbook, m.handbookInstalledAt])).toEqual([[`NEW-${suffix}-1`, "ACTIVE", true, null]]);
  });

  it("a board scoped to one ward cannot take over another ward's member, and cannot tell a code used elsewhere from a new one", async () => {
    const own = await createStatsWard();
    const other = await createTestWard();
    const { actorOf, createUser } = await import("../support/factories");
    const wardBoard = await actorOf(await createUser("BOARD_REVIEWER", own.ward.id));
    const admin = await createUser("ADMIN", own.ward.id);
    const foreign = `${other.branches[0].code}-1`;
    const unused = `${other.branches[0].code}-KHONG-CO-${uniqueSuffix()}`;
    const before = await testDb().member.findUniqueOrThrow({ where: { code: foreign } });
    const line = (code: string) => `${code},${own.branches[0].code},Chiếm chỗ,,,,,,,`;
    const answer = async (code: string, dryRun: boolean) => {
      const result = await runImport(wardBoard, members(), { text: [header, line(code), `X-${uniqueSuffix()},${other.branches[0].code},Ngoài phạm vi,,,,,,,`].join("\n"), dryRun });
      return JSON.parse(JSON.stringify({ ...result, jobId: "…" }).replaceAll(code, "CODE")) as unknown;
    };
    // The same answer, dry run or not, for a code of another ward's member and for a code nobody has.
    expect(await answer(foreign, true)).toEqual(await answer(unused, true));
    const foreignResult = await answer(foreign, false);
    expect(foreignResult).toEqual(await answer(unused, false));
    expect(foreignResult).toMatchObject({ accepted: 1, rejected: 1, errors: [{ row: 3, field: "branchCode" }] });
    // …but only the new code was written; the other ward's member is untouched.
    expect(await testDb().member.findUniqueOrThrow({ where: { code: foreign } })).toEqual(before);
    expect(await testDb().member.findUniqueOrThrow({ where: { code: unused } })).toMatchObject({ branchId: own.branches[0].id, fullName: "Chiếm chỗ" });
    // Administrators (who see every scope) learn of the code held elsewhere, to arrange the transfer.
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "member.import.heldOutsideScope", actorUserId: wardBoard.id }, orderBy: { id: "desc" } });
    expect(event.details).toMatchObject({ codes: [foreign] });
    expect(await testDb().notification.count({ where: { userId: admin.id, kind: "member.import.heldOutsideScope" } })).toBe(1);
    expect(await testDb().notification.count({ where: { userId: wardBoard.id } })).toBe(0);
  });

  it("handles files larger than one batch, refusing a duplicate that spans batches", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const suffix = uniqueSuffix();
    const lines = Array.from({ length: 6_000 }, (_, i) => `B${suffix}-${i},${own.branches[i % 2].code},Đảng viên số ${i},Đang sinh hoạt,Có,${i % 3 ? "2026-01-10" : ""},,,,`);
    lines.push(`B${suffix}-7,${own.branches[0].code},Trùng mã,,,,,,,`); // row 6,002 duplicates row 9
    const result = await runImport(board, members(), { text: [header, ...lines].join("\n"), dryRun: false });
    expect(result).toMatchObject({ accepted: 6_000, rejected: 1, errors: [{ row: 6_002, field: "code", message: `Trùng mã đảng viên B${suffix}-7 với dòng 9.` }] });
    expect(await testDb().member.count({ where: { code: { startsWith: `B${suffix}-` } } })).toBe(6_000);
    expect(await testDb().member.findUniqueOrThrow({ where: { code: `B${suffix}-7` } })).toMatchObject({ fullName: "Đảng viên số 7" });
    const overview = await getHandbookOverview(own.leader, {});
    expect(overview.membersTotal).toBe(10 + 6_000);
    expect(overview.membersInstalled).toBe(6 + 4_000);
  });
});
