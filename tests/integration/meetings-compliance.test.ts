import { closeTestDb, testDb } from "../support/db";
import { attendance, createMeetingWard, on } from "../support/meetings-factories";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { getBranchHeatMap, getComplianceByChild, getComplianceOverview, getMeetingComplianceSummary } from "@/lib/meetings/compliance";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { getMeetingPeriod } from "@/lib/meetings/meeting-period";
import { getMeetingDetail } from "@/lib/meetings/meeting-detail";
import { getBranchMeetingHistory } from "@/lib/meetings/branch-meetings";
import { buildComplianceExport } from "@/lib/meetings/export-compliance";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

afterAll(closeTestDb);

async function holdOctober(w: Awaited<ReturnType<typeof createMeetingWard>>) {
  const [members] = w.members;
  return recordMeeting(
    w.secretaryActor,
    { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members, { [members[0].id]: { status: "UNEXCUSED" } }) },
    { now: on("2026-10-20") },
  );
}

describe("compliance of a period", () => {
  it("counts a branch without a meeting as pending up to the deadline day and as missing after it", async () => {
    const w = await createMeetingWard();
    await holdOctober(w);
    const before = await getComplianceByChild(w.wardActor, { period: "2026-10", now: on("2026-11-05") });
    expect(before.orgUnit.id).toBe(w.ward.id);
    expect(before.deadline).toBe("2026-11-05");
    expect(before.totals).toMatchObject({ branches: 2, held: 1, missing: 0, pending: 1, present: 3, expected: 4, attendanceRate: 0.75, usedHandbook: 1 });
    const byBranch = Object.fromEntries(before.items.map((item) => [item.orgUnit.id, item]));
    expect(byBranch[w.branches[0].id]).toMatchObject({ state: "HELD", held: 1 });
    expect(byBranch[w.branches[1].id]).toMatchObject({ state: "PENDING", held: 0 });

    const after = await getComplianceByChild(w.wardActor, { period: "2026-10", now: on("2026-11-06") });
    expect(after.totals).toMatchObject({ held: 1, missing: 1, pending: 0 });
    expect(after.items.find((item) => item.orgUnit.id === w.branches[1].id)?.state).toBe("MISSING");

    // The board sees the ward as one row of the district, with the same figures.
    const district = await getComplianceByChild(w.boardActor, { period: "2026-10", now: on("2026-11-06") });
    expect(district.items.find((item) => item.orgUnit.id === w.ward.id)).toMatchObject({ branches: 2, held: 1, missing: 1, attendanceRate: 0.75 });
    const summary = await getMeetingComplianceSummary(w.leaderActor, { orgUnitId: w.ward.id, period: "2026-10", now: on("2026-11-06") });
    expect(summary).toMatchObject({ branches: 2, held: 1, missing: 1, pending: 0, attendanceRate: 0.75, usedHandbook: 1, usedHandbookRate: 1 });
  });

  it("draws the 12-month heat map, the trend and the branch history", async () => {
    const w = await createMeetingWard();
    await holdOctober(w);
    const overview = await getComplianceOverview(w.wardActor, { period: "2026-11", now: on("2026-11-20") });
    expect(overview.heatMap.periods).toHaveLength(12);
    const row = overview.heatMap.rows.find((r) => r.unit.id === w.branches[0].id)!;
    expect(row.cells.at(-1)).toMatchObject({ period: "2026-11", state: "PENDING" });
    expect(row.cells.at(-2)).toMatchObject({ period: "2026-10", state: "HELD", attendanceRate: 0.75 });
    expect(row.cells.at(-3)).toMatchObject({ period: "2026-09", state: "MISSING" });
    expect(row.missingMonths).toBe(10); // December to September
    expect(overview.trend.at(-2)).toMatchObject({ period: "2026-10", branches: 2, held: 1, missing: 1 });
    const branches = await getBranchHeatMap(w.boardActor, { orgUnitId: w.ward.id, period: "2026-11", now: on("2026-11-20") });
    expect(branches.rows[0].unit.id).toBe(w.branches[1].id); // most missing months first
    const history = await getBranchMeetingHistory(w.secretaryActor, w.branches[0].id, { period: "2026-11", now: on("2026-11-20") });
    expect(history.months.map((month) => month.state).slice(0, 3)).toEqual(["PENDING", "HELD", "MISSING"]);
    const exported = await buildComplianceExport(w.wardActor, { period: "2026-10", now: on("2026-11-20") });
    expect(exported.summarySheet.rows).toHaveLength(2);
    expect(exported.branchSheet.columns).toHaveLength(4 + 12);
  });

  it("lists meetings in scope with the API fields", async () => {
    const w = await createMeetingWard();
    const { meeting } = await holdOctober(w);
    const page = await listMeetings(w.wardActor, { period: "2026-10", page: 1, pageSize: 50 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: meeting.id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, expected: 4, present: 3, excused: 0, unexcused: 1, branch: { id: w.branches[0].id } });
  });
});

describe("scope: no cross-ward reads or writes", () => {
  it("another ward's committee and branch secretary see none of it, as if it did not exist", async () => {
    const own = await createMeetingWard();
    const other = await createMeetingWard("Khác");
    const { meeting } = await holdOctober(own);
    for (const actor of [other.wardActor, other.secretaryActor]) {
      await expect(getComplianceByChild(actor, { orgUnitId: own.ward.id, period: "2026-10" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listMeetings(actor, { orgUnitId: own.ward.id, page: 1, pageSize: 10 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMeetingPeriod(actor, own.branches[0].id, "2026-10")).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMeetingDetail(actor, meeting.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getBranchMeetingHistory(actor, own.branches[0].id, { period: "2026-10" })).rejects.toBeInstanceOf(NotFoundError);
    }
    // Their own lists do not contain it either.
    const theirs = await listMeetings(other.wardActor, { period: "2026-10", page: 1, pageSize: 500 });
    expect(theirs.items.map((item) => item.id)).not.toContain(meeting.id);
    // A secretary reads only their own branch, not the neighbouring branch of the same ward.
    await expect(getMeetingPeriod(own.secondSecretaryActor, own.branches[0].id, "2026-10")).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().meeting.count({ where: { branch: { parentId: other.ward.id } } })).toBe(0);
  });

  it("leaders read figures but not member names", async () => {
    const w = await createMeetingWard();
    await holdOctober(w);
    const period = await getMeetingPeriod(w.leaderActor, w.branches[0].id, "2026-10");
    expect(period.showMembers).toBe(false);
    expect(period.meetings[0].attendance).toEqual([]);
    expect(period.meetings[0].present).toBe(3);
    await expect(getMeetingDetail(w.leaderActor, period.meetings[0].id)).resolves.toMatchObject({ attendance: undefined });
    const { findAbsenceFlags } = await import("@/lib/members/find-absence-flags");
    await expect(findAbsenceFlags(w.leaderActor, { year: 2026 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
