// The meeting roll-up kept on write (MeetingStat) and the three quality groups, on a real PostgreSQL.
import { closeTestDb, testDb } from "../support/db";
import { attendance, createMeetingWard, on } from "../support/meetings-factories";
import { setClock } from "@/lib/clock";
import { announceMeeting } from "@/lib/meetings/announce-meeting";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { closeMeeting } from "@/lib/meetings/close-meeting";
import { getComplianceByChild, getComplianceOverview } from "@/lib/meetings/compliance";
import { getMeetingPeriod } from "@/lib/meetings/meeting-period";
import { findDataQualityAlerts } from "@/lib/meetings/data-quality-alerts";
import { loadComplianceCells, loadStatCells } from "@/lib/meetings/compliance-cells";
import { loadQualityThresholds } from "@/lib/meetings/meeting-quality";
import { rebuildMeetingStats } from "@/lib/meetings/meeting-stats";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { actorOf, createUser } from "../support/factories";

afterEach(() => setClock(null));
afterAll(closeTestDb);

const agenda = "Quán triệt nghị quyết tháng; phân công đảng viên giúp hộ nghèo.";

async function statOf(orgUnitId: number, period: string) {
  return testDb().meetingStat.findUnique({ where: { orgUnitId_period: { orgUnitId, period } } });
}

describe("compliance by quality, kept on write", () => {
  it("splits a ward's branches into met, missing some and not held, and follows each write", async () => {
    const w = await createMeetingWard("Chất lượng");
    const [first, second] = w.branches;
    // The second branch announces on time (the 1st for the 12th); the first never does.
    setClock(on("2026-10-01"));
    await announceMeeting(w.secondSecretaryActor, { branchId: second.id, period: "2026-10", kind: "REGULAR", plannedOn: "2026-10-12", startTime: "08:00", place: "Hội trường", agenda });

    setClock(on("2026-10-12"));
    // First branch: 60 minutes, no schedule, no documents: three criteria fail.
    await recordMeeting(w.secretaryActor, { branchId: first.id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, startTime: "19:00", endTime: "20:00", committeePrepared: true, attendance: attendance(w.members[0]) });
    const afterFirst = await statOf(first.id, "2026-10");
    expect(afterFirst).toMatchObject({ level: "BRANCH", parentId: w.ward.id, branches: 1, held: 1, qualityFailed: 1, failDuration: 1, failSchedule: 1, failDocuments: 1, failMinutes: 1, failCommittee: 0 });
    expect(await statOf(w.ward.id, "2026-10")).toMatchObject({ branches: 2, held: 1, qualityFailed: 1, failDuration: 1 });

    // Second branch: 105 minutes, announced 11 days ahead, documents 3 days before, minutes: nothing fails
    // (the quarter's thematic meeting cannot be judged before the quarter ends).
    await recordMeeting(w.secondSecretaryActor, {
      branchId: second.id,
      period: "2026-10",
      kind: "REGULAR",
      heldOn: "2026-10-12",
      usedHandbook: false,
      startTime: "08:00",
      endTime: "09:45",
      committeePrepared: true,
      committeePreparedOn: "2026-10-09",
      minutes: "Biên bản: chi bộ quán triệt nghị quyết, phân công đảng viên, kết luận.",
      documents: [{ title: "Dự thảo nghị quyết tháng 10", sentOn: "2026-10-09" }],
      attendance: attendance(w.members[1]),
    });
    const ward = await getComplianceByChild(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    expect(ward.totals).toMatchObject({ branches: 2, held: 2, qualityMet: 1, qualityMissing: 1, notHeld: 0 });
    expect(ward.totals.topFailure).toMatchObject({ branches: 1 });
    expect(ward.totals.failures).toMatchObject({ DURATION: 1, SCHEDULE_AHEAD: 1, DOCUMENTS_AHEAD: 1, MINUTES: 1, COMMITTEE_PREPARED: 0, THEMATIC_IN_QUARTER: 0 });
    const byBranch = Object.fromEntries(ward.items.map((item) => [item.orgUnit.id, item]));
    expect(byBranch[first.id]).toMatchObject({ qualityMet: 0, qualityMissing: 1 });
    expect(byBranch[second.id]).toMatchObject({ qualityMet: 1, qualityMissing: 0 });

    // The roll-up says what each meeting's checklist says.
    const checklists = await Promise.all([first, second].map((branch) => getMeetingPeriod(w.boardActor, branch.id, "2026-10", { now: on("2026-11-06") })));
    expect(checklists[0].meetings[0].quality.verdict).toBe("NOT_MET");
    expect(checklists[0].meetings[0].quality.checklist.filter((c) => c.state === "NOT_MET").map((c) => c.key).sort()).toEqual(["DOCUMENTS_AHEAD", "DURATION", "MINUTES", "SCHEDULE_AHEAD"]);
    expect(checklists[1].meetings[0].quality.checklist.some((c) => c.state === "NOT_MET")).toBe(false);

    // Once the quarter is over, a quarter without a thematic meeting fails both branches.
    const later = await getComplianceByChild(w.wardActor, { period: "2026-10", now: on("2027-01-10") });
    expect(later.totals).toMatchObject({ qualityMet: 0, qualityMissing: 2 });
    expect(later.totals.failures.THEMATIC_IN_QUARTER).toBe(2);

    // Closing the first meeting with minutes (documents on the day: still late) changes its row in the same transaction.
    setClock(on("2026-10-14"));
    const meetingId = checklists[0].meetings[0].id;
    await closeMeeting(w.secretaryActor, meetingId, { minutes: "Biên bản: chi bộ thống nhất nhiệm vụ tháng, phân công đảng viên.", documents: [{ title: "Nghị quyết", sentOn: "2026-10-12" }] });
    expect(await statOf(first.id, "2026-10")).toMatchObject({ failMinutes: 0, failDocuments: 1, qualityFailed: 1 });

    // A thematic meeting in December counts for October and November too (the whole quarter).
    setClock(on("2026-12-03"));
    await recordMeeting(w.secretaryActor, { branchId: first.id, period: "2026-12", kind: "THEMATIC", heldOn: "2026-12-03", usedHandbook: false, attendance: attendance(w.members[0]) });
    expect(await statOf(first.id, "2026-10")).toMatchObject({ noThematicInQuarter: 0 });
    expect(await statOf(second.id, "2026-10")).toMatchObject({ noThematicInQuarter: 1, noThematicOtherwiseMet: 1 });
    // The quarter's chart reads the quarter up to its last month in the window: seen from November,
    // the fourth quarter has no thematic meeting yet; seen from December, one of two branches held one.
    const asOfNovember = await getComplianceOverview(w.wardActor, { period: "2026-11", now: on("2026-12-03") });
    expect(asOfNovember.quarters.at(-1)).toMatchObject({ quarter: "2026-Q4", branches: 2, thematic: 0, months: 2 });
    const asOfDecember = await getComplianceOverview(w.wardActor, { period: "2026-12", now: on("2026-12-03") });
    expect(asOfDecember.quarters.at(-1)).toMatchObject({ quarter: "2026-Q4", branches: 2, thematic: 1, months: 3 });
    expect(await statOf(first.id, "2026-12")).toMatchObject({ thematic: 1, thematicQuarterToDate: 1 });

    // The board sees the ward's groups one level up, the same as today's tree computes live.
    const district = await getComplianceByChild(w.boardActor, { period: "2026-10", now: on("2026-11-06") });
    const wardRow = district.items.find((item) => item.orgUnit.id === w.ward.id)!;
    expect(wardRow).toMatchObject({ branches: 2, held: 2, qualityMet: 1, qualityMissing: 1 });
    const live = await getComplianceByChild(w.boardActor, { period: "2026-10", now: on("2026-11-06"), tree: "current" });
    expect(live.items.find((item) => item.orgUnit.id === w.ward.id)).toMatchObject({ branches: 2, held: 2, qualityMet: 1, qualityMissing: 1 });

    // The new alerts name the short meeting and the missing schedule.
    const alerts = await findDataQualityAlerts(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    const kinds = alerts.items.filter((alert) => alert.branch.id === first.id).map((alert) => alert.kind);
    expect(kinds).toEqual(expect.arrayContaining(["SHORT_MEETING", "NO_SCHEDULE"]));
    expect(alerts.items.filter((alert) => alert.branch.id === second.id && ["SHORT_MEETING", "NO_SCHEDULE", "DOCUMENTS_LATE"].includes(alert.kind))).toEqual([]);
  });

  it("a branch added after the month was rolled up counts at once: the remembered branch counts follow the tree", async () => {
    const w = await createMeetingWard("Chi bộ mới");
    setClock(on("2026-10-12"));
    await recordMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(w.members[0]) });
    const before = await getComplianceByChild(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    expect(before.totals).toMatchObject({ branches: 2, held: 1 });
    expect(await statOf(w.ward.id, "2026-10")).toMatchObject({ branches: 2 });

    // A third branch opens under the ward; no meeting is written, so the stored month lacks it.
    const created = await testDb().orgUnit.create({ data: { code: `${w.ward.code}-03`, name: `Chi bộ mới (${w.ward.code})`, level: "BRANCH", parentId: w.ward.id, path: "/", depth: w.ward.depth + 1, validFrom: new Date("2020-01-01") } });
    await testDb().orgUnit.update({ where: { id: created.id }, data: { path: `${w.ward.path}${created.id}/` } });
    const after = await getComplianceByChild(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    expect(after.totals).toMatchObject({ branches: 3, held: 1, missing: 2 });
    expect(after.items.map((item) => item.orgUnit.id)).toContain(created.id);
  });

  it("another ward's committee cannot see the ward's compliance (404)", async () => {
    const w = await createMeetingWard("Phạm vi chất lượng");
    const other = await createMeetingWard("Phường khác");
    await expect(getComplianceByChild(other.wardActor, { orgUnitId: w.ward.id, period: "2026-10" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getComplianceOverview(other.wardActor, { orgUnitId: w.ward.id, period: "2026-10" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getComplianceByChild(other.wardActor, { orgUnitId: w.branches[0].id, period: "2026-10" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the demo's roll-up equals the live computation, and only an administrator rebuilds it", async () => {
    // A demo ward (other test files add wards of their own, never branches to the demo's).
    const ward = await testDb().orgUnit.findFirstOrThrow({ where: { level: "WARD", code: { not: { startsWith: "T-" } }, children: { some: {} } }, orderBy: { id: "asc" }, select: { id: true, path: true, level: true, parentId: true } });
    const parent = await testDb().orgUnit.findUniqueOrThrow({ where: { id: ward.parentId! }, select: { id: true, path: true, level: true } });
    const periods = (await testDb().meetingStat.findMany({ where: { orgUnitId: ward.id }, select: { period: true }, orderBy: { period: "desc" }, take: 6 })).map((row) => row.period);
    // Six months: at least one quarter's thematic meetings are among them, whatever day the demo was seeded.
    expect(periods.length).toBe(6);
    const thresholds = await loadQualityThresholds();
    const key = (cell: { childId: number; period: string }) => `${cell.childId}|${cell.period}`;
    const sort = <T extends { childId: number; period: string }>(cells: T[]) => [...cells].sort((a, b) => key(a).localeCompare(key(b)));
    const compare = async () => {
      const live = sort(await loadComplianceCells(ward, periods, thresholds));
      expect(live.length).toBeGreaterThan(0);
      expect(sort(await loadStatCells(ward, periods, thresholds))).toEqual(live);
      const wardRow = (cells: Awaited<ReturnType<typeof loadStatCells>>) => sort(cells.filter((cell) => cell.childId === ward.id));
      expect(wardRow(await loadStatCells(parent, periods, thresholds))).toEqual(wardRow(await loadComplianceCells(parent, periods, thresholds)));
      return live;
    };
    const before = await compare();
    expect(before.some((cell) => cell.held > 0 && cell.qualityFailed > 0)).toBe(true);
    expect(before.some((cell) => cell.thematicQuarterToDate > 0)).toBe(true);

    const admin = await actorOf(await createUser("ADMIN", parent.id));
    const board = await actorOf(await createUser("BOARD_REVIEWER", parent.id));
    await expect(rebuildMeetingStats(board)).rejects.toBeInstanceOf(ForbiddenError);
    const { periods: rebuilt } = await rebuildMeetingStats(admin);
    expect(rebuilt).toBeGreaterThanOrEqual(periods.length);
    expect(await compare()).toEqual(before);
  });
});
