import { closeTestDb, testDb } from "../support/db";
import { addMember, attendance, createMeetingWard, on } from "../support/meetings-factories";
import { actorOf, createUser } from "../support/factories";
import { recordFees } from "@/lib/fees/record-fees";
import { getFeeSheet } from "@/lib/fees/fee-sheet";
import { buildFeeSheetExport } from "@/lib/fees/export-fee-sheet";
import { toCsv } from "@/lib/export/table-export";
import { FEE_IMPORT } from "@/lib/fees/fee-import";
import { runImport } from "@/lib/imports/run-import";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { defaultFlagsYear, findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { PeriodLockedError } from "@/lib/meetings/errors";
import { setClock } from "@/lib/clock";

afterAll(async () => {
  setClock(null);
  await closeTestDb();
});

describe("party fees: recording on the fee sheet", () => {
  it("records paid (with amount) and unpaid (with or without reason), refuses exempt and foreign members, and repeats change nothing", async () => {
    const w = await createMeetingWard("Đảng phí");
    const [members, secondBranch] = w.members;
    const active = members.filter((member) => member.status === "ACTIVE");
    const exempt = members.find((member) => member.status === "EXEMPT")!;
    await testDb().member.update({ where: { id: active[3].id }, data: { feeExempt: true } });
    const now = on("2026-10-20");
    const body = {
      period: "2026-10",
      fees: [
        { memberId: active[0].id, paid: true, amount: 50_000 },
        { memberId: active[1].id, paid: false, reason: "Nằm viện cả tháng" },
        { memberId: active[2].id, paid: false },
      ],
    };
    expect(await recordFees(w.secretaryActor, w.branches[0].id, body, { now })).toMatchObject({ changed: true, changedCount: 3 });
    expect(await recordFees(w.secretaryActor, w.branches[0].id, body, { now })).toMatchObject({ changed: false, changedCount: 0 });
    expect(await testDb().auditEvent.count({ where: { action: "fee.recorded", orgUnitId: w.branches[0].id } })).toBe(1);

    const sheet = await getFeeSheet(w.wardActor, w.branches[0].id, "2026-10", { now });
    expect(sheet.totals).toEqual({ expected: 3, paid: 1, unpaid: 2, notRecorded: 0, exempt: 2, amount: 50_000 });
    expect(sheet.rows.find((row) => row.member.id === exempt.id)?.exemption).toMatch(/Miễn sinh hoạt/);
    expect(sheet.rows.find((row) => row.member.id === active[3].id)?.exemption).toBe("Miễn đóng đảng phí");

    // Exempt members, a member of the other branch and a nonsense amount: 400 with the reason, nothing written.
    for (const [fee, message] of [
      [{ memberId: exempt.id, paid: true }, /miễn sinh hoạt/],
      [{ memberId: active[3].id, paid: false }, /miễn đóng đảng phí/],
      [{ memberId: secondBranch[0].id, paid: true }, /không thuộc chi bộ/],
    ] as const) {
      await expect(recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-10", fees: [fee] }, { now })).rejects.toThrow(message);
    }
    await expect(recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-10", fees: [{ memberId: active[0].id, paid: true, amount: -5 }] }, { now })).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().partyFee.count({ where: { memberId: { in: [exempt.id, active[3].id, secondBranch[0].id] } } })).toBe(0);

    // The month locks with the meetings' editing window.
    await expect(recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-10", fees: [{ memberId: active[2].id, paid: true }] }, { now: on("2026-12-20") })).rejects.toBeInstanceOf(PeriodLockedError);

    // The download: ';' separated, vi-VN numbers, the states in words.
    const { sheets } = await buildFeeSheetExport(w.wardActor, w.branches[0].id, "2026-10");
    const csv = toCsv(sheets[0]);
    expect(csv).toContain(`${active[0].code};${active[0].fullName};10/2026;Đã đóng;50000;`);
    expect(csv).toContain(`${active[1].code};${active[1].fullName};10/2026;Chưa đóng;;Nằm viện cả tháng`);
  });

  it("another ward's users get 404 and cannot change fees; the ward committee reads but does not record", async () => {
    const w = await createMeetingWard("Phạm vi phí");
    const other = await createMeetingWard("Phường khác phí");
    const member = w.members[0][0];
    const now = on("2026-10-20");
    await recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-10", fees: [{ memberId: member.id, paid: true, amount: 30_000 }] }, { now });
    const before = await testDb().partyFee.findMany({ where: { memberId: member.id } });

    await expect(getFeeSheet(other.wardActor, w.branches[0].id, "2026-10", { now })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFeeSheet(other.secretaryActor, w.branches[0].id, "2026-10", { now })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordFees(other.secretaryActor, w.branches[0].id, { period: "2026-10", fees: [{ memberId: member.id, paid: false }] }, { now })).rejects.toBeInstanceOf(NotFoundError);
    // Its own branch id with this ward's member: the member is not in the branch.
    await expect(recordFees(other.secretaryActor, other.branches[0].id, { period: "2026-10", fees: [{ memberId: member.id, paid: false }] }, { now })).rejects.toThrow(/không thuộc chi bộ/);
    // The secretary of the ward's other branch cannot reach this branch either.
    await expect(recordFees(w.secondSecretaryActor, w.branches[0].id, { period: "2026-10", fees: [{ memberId: member.id, paid: false }] }, { now })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordFees(w.wardActor, w.branches[0].id, { period: "2026-10", fees: [{ memberId: member.id, paid: false }] }, { now })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getFeeSheet(w.leaderActor, w.branches[0].id, "2026-10", { now })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await testDb().partyFee.findMany({ where: { memberId: member.id } })).toEqual(before);
  });
});

describe("party fees: CSV import", () => {
  it("a dry run reports every bad row in Vietnamese; a file with one bad row writes nothing; a clean file writes everything", async () => {
    setClock(on("2026-11-20"));
    try {
      const w = await createMeetingWard("Nhập phí");
      const other = await createMeetingWard("Ngoài phí");
      const importer = await actorOf(await createUser("BOARD_REVIEWER", w.ward.id));
      const [members, secondBranch] = w.members;
      const active = members.filter((member) => member.status === "ACTIVE");
      const exempt = members.find((member) => member.status === "EXEMPT")!;
      const good = [
        "Mã đảng viên;Kỳ;Đã đóng;Số tiền;Lý do",
        `${active[0].code};2026-11;Đã đóng;50.000;`,
        `${active[1].code};2026-11;Chưa đóng;;Đi công tác dài ngày`,
        `${secondBranch[0].code};2026-11;đã đóng;;`,
      ];
      const bad = [
        ...good,
        `${exempt.code};2026-11;Đã đóng;;`,
        `${other.members[0][0].code};2026-11;Đã đóng;;`,
        `${active[2].code};2026-11;Có lẽ;;`,
        `${active[3].code};2026-11;Đã đóng;50,5;`,
        `${active[0].code};2026-11;Đã đóng;40.000;`,
        `${active[2].code};2026-12;Đã đóng;;`,
      ].join("\n");

      const dry = await runImport(importer, FEE_IMPORT, { text: bad, dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, accepted: 3, rejected: 6 });
      expect(dry.errors.map((error) => [error.row, error.message])).toEqual([
        [5, expect.stringMatching(/miễn sinh hoạt, không thu đảng phí/)],
        [6, expect.stringMatching(/Không có đảng viên .* trong phạm vi của bạn/)],
        [7, expect.stringMatching(/"Có lẽ" không hiểu được: ghi Đã đóng hoặc Chưa đóng/)],
        [8, expect.stringMatching(/Số tiền "50,5" không đúng/)],
        [9, expect.stringMatching(/đã có ở dòng 2/)],
        [10, expect.stringMatching(/12\/2026 chưa bắt đầu/)],
      ]);

      // All or nothing: the accepted rows are not written either.
      const real = await runImport(importer, FEE_IMPORT, { text: bad, dryRun: false });
      expect(real).toMatchObject({ accepted: 0, rejected: 6 });
      expect(await testDb().partyFee.count({ where: { memberId: { in: [...members, ...secondBranch].map((m) => m.id) } } })).toBe(0);
      expect(await testDb().auditEvent.count({ where: { action: "import.fees", entityId: real.jobId } })).toBe(0);

      const clean = await runImport(importer, FEE_IMPORT, { text: good.join("\n"), dryRun: false });
      expect(clean).toMatchObject({ accepted: 3, rejected: 0, errors: [] });
      const written = await testDb().partyFee.findMany({ where: { period: "2026-11", memberId: { in: [active[0].id, active[1].id, secondBranch[0].id] } }, orderBy: { memberId: "asc" } });
      expect(written.map((fee) => [fee.memberId, fee.paid, fee.amount, fee.reason])).toEqual(
        [
          [active[0].id, true, 50_000, null],
          [active[1].id, false, null, "Đi công tác dài ngày"],
          [secondBranch[0].id, true, null, null],
        ].sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      expect(await testDb().auditEvent.count({ where: { action: "import.fees", entityId: clean.jobId } })).toBe(1);
      expect(await testDb().auditEvent.count({ where: { action: "fee.recorded", orgUnitId: { in: w.branches.map((b) => b.id) } } })).toBe(2);
    } finally {
      setClock(null);
    }
  });
});

describe("the members' rule with fees, across a transfer", () => {
  it("opens on the latest year with three months over: the year before until the end of March", () => {
    expect(defaultFlagsYear(on("2027-01-01"))).toBe(2026);
    expect(defaultFlagsYear(on("2027-03-31"))).toBe(2026);
    expect(defaultFlagsYear(on("2027-04-01"))).toBe(2027);
    expect(defaultFlagsYear(on("2026-12-01"))).toBe(2026);
  });

  it("counts absences and unpaid months together, once per month, from both branches, and lists the member where they are now", async () => {
    const w = await createMeetingWard("Luật cũ");
    const moved = await createMeetingWard("Luật mới");
    // One person: left the first ward's branch on 1 June 2026, joined the other ward's branch the same day.
    const before = await addMember(w.branches[0].id, { joinedBranchOn: "2015-01-01", leftBranchOn: "2026-06-01", fullName: "Lê Văn Chuyển" });
    await testDb().member.update({ where: { id: before.id }, data: { personCode: before.code } });
    const after = await testDb().member.create({
      data: { code: `${before.code}-B`, personCode: before.code, branchId: moved.branches[0].id, fullName: "Lê Văn Chuyển", joinedBranchOn: new Date("2026-06-01T00:00:00Z") },
    });
    const stay = w.members[0].find((member) => member.status === "ACTIVE")!;

    const meet = async (ward: typeof w, period: string, extra: { memberId: number; status: "PRESENT" | "UNEXCUSED" | "EXCUSED"; reason?: string }[]) => {
      const rows = attendance(ward.members[0]).map((row) => (row.memberId === stay.id && ward === w ? { ...row, status: "UNEXCUSED" as const } : row));
      await recordMeeting(ward === w ? w.secretaryActor : moved.secretaryActor, { branchId: ward.branches[0].id, period, kind: "REGULAR", heldOn: `${period}-10`, usedHandbook: false, attendance: [...rows, ...extra] }, { now: on(`${period}-20`) });
    };
    // February: absent and unpaid in the old branch (one month). March: excused absence, unpaid with a reason (does not count).
    await meet(w, "2026-02", [{ memberId: before.id, status: "UNEXCUSED" }]);
    await recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-02", fees: [{ memberId: before.id, paid: false }, { memberId: stay.id, paid: true }] }, { now: on("2026-02-20") });
    await meet(w, "2026-03", [{ memberId: before.id, status: "EXCUSED", reason: "Ốm" }]);
    await recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-03", fees: [{ memberId: before.id, paid: false, reason: "Nằm viện" }] }, { now: on("2026-03-20") });
    // April: unpaid, old branch. July: unpaid in the new branch.
    await recordFees(w.secretaryActor, w.branches[0].id, { period: "2026-04", fees: [{ memberId: before.id, paid: false }] }, { now: on("2026-04-20") });
    await meet(moved, "2026-07", [{ memberId: after.id, status: "PRESENT" }]);

    const twoMonths = await findAbsenceFlags(moved.wardActor, { year: 2026, now: on("2026-07-25") });
    expect(twoMonths.items.map((item) => item.member.id)).not.toContain(after.id);

    await recordFees(moved.secretaryActor, moved.branches[0].id, { period: "2026-07", fees: [{ memberId: after.id, paid: false }] }, { now: on("2026-07-20") });
    // July's fee can still be paid until July is over: on 31 July it does not count yet.
    const julyOpen = await findAbsenceFlags(moved.wardActor, { year: 2026, now: on("2026-07-31") });
    expect(julyOpen.items.map((item) => item.member.id)).not.toContain(after.id);
    const flags = await findAbsenceFlags(moved.wardActor, { year: 2026, now: on("2026-08-01") });
    const item = flags.items.find((entry) => entry.member.id === after.id)!;
    expect(item.branch.id).toBe(moved.branches[0].id);
    expect(item.monthDetails).toEqual([
      { period: "2026-02", reasons: ["ABSENT", "UNPAID"], branchCodes: [w.branches[0].code] },
      { period: "2026-04", reasons: ["UNPAID"], branchCodes: [w.branches[0].code] },
      { period: "2026-07", reasons: ["UNPAID"], branchCodes: [moved.branches[0].code] },
    ]);
    // Listed once, where the member is now: not in the first ward's list.
    const oldWard = await findAbsenceFlags(w.wardActor, { year: 2026, now: on("2026-08-01") });
    expect(oldWard.items.map((entry) => entry.member.fullName)).not.toContain("Lê Văn Chuyển");
    // Absences alone still make a case (the member who stayed: absent in February and March only → not yet).
    expect(oldWard.items.map((entry) => entry.member.id)).not.toContain(stay.id);
    await meet(w, "2026-05", [{ memberId: before.id, status: "PRESENT" }]);
    const three = await findAbsenceFlags(w.wardActor, { year: 2026, now: on("2026-07-25") });
    expect(three.items.find((entry) => entry.member.id === stay.id)?.monthDetails.map((m) => [m.period, m.reasons])).toEqual([
      ["2026-02", ["ABSENT"]],
      ["2026-03", ["ABSENT"]],
      ["2026-05", ["ABSENT"]],
    ]);
    // A member exempt from fees: unpaid rows written before the exemption do not count.
    await testDb().member.update({ where: { id: after.id }, data: { feeExempt: true } });
    expect((await findAbsenceFlags(moved.wardActor, { year: 2026, now: on("2026-08-01") })).items.map((entry) => entry.member.id)).not.toContain(after.id);
  });
});
