import { closeTestDb, testDb } from "../support/db";
import { actorOf, createTestWard, createUser } from "../support/factories";
import { createBoardActor, createStatsWard, refreshStatsFor } from "../support/stats-factories";
import { getHandbookOverview } from "@/lib/stats/get-handbook-overview";
import { getHandbookSeries } from "@/lib/stats/get-handbook-series";
import { listLaggingBranches } from "@/lib/stats/list-lagging-branches";
import { listBranchUsageSnapshots } from "@/lib/stats/list-branch-usage-snapshots";
import { exportHandbookTable } from "@/lib/stats/export-handbook-table";
import { getHandbookDashboard } from "@/lib/stats/get-handbook-dashboard";
import { pushHandbookUsage } from "@/lib/stats/push-handbook-usage";
import { rebuildHandbookStats } from "@/lib/stats/rebuild-handbook-stats";
import { toCsv } from "@/lib/export/table-export";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { todayIso } from "@/lib/format/date";

afterAll(closeTestDb);

const today = todayIso();
const period = today.slice(0, 7);

async function statRows(unitIds: number[]) {
  return testDb().handbookStat.findMany({ where: { orgUnitId: { in: unitIds }, period }, orderBy: { orgUnitId: "asc" }, omit: { computedAt: true } });
}

describe("handbook dashboard figures", () => {
  it("shows a ward's figures and each branch's, as the raw members and pushed usage say", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    await pushHandbookUsage(board, { date: today, rows: [{ branchCode: own.branches[0].code, usedInMeetings: true, newsPosts: 3, documents: 1 }] });

    const overview = await getHandbookOverview(own.leader, { period });
    expect(overview.orgUnit.id).toBe(own.ward.id);
    expect(overview).toMatchObject({
      period,
      membersTotal: 10,
      membersEligible: 10,
      membersInstalled: 6,
      installRate: 0.6,
      eligibleInstallRate: 0.6,
      branchesTotal: 2,
      branchesReporting: 1,
      branchesUsingInMeetings: 1,
      meetingUsageRate: 0.5,
      newsPosts: 3,
      documents: 1,
    });
    expect(overview.children.map((child) => [child.orgUnit.code, child.membersInstalled, child.branchesUsingInMeetings, child.newsPosts])).toEqual([
      [own.branches[0].code, 3, 1, 3],
      [own.branches[1].code, 3, 0, 0],
    ]);
    // Raw data, counted directly.
    const raw = await testDb().member.count({ where: { branchId: { in: own.branches.map((b) => b.id) }, status: { in: ["ACTIVE", "EXEMPT"] }, handbookInstalledAt: { not: null } } });
    expect(raw).toBe(overview.membersInstalled);

    // Months before the installs (May 2025) count members but no installs.
    const series = await getHandbookSeries(own.leader, {});
    expect(series.items.at(-1)).toMatchObject({ period, membersInstalled: 6 });
    expect(series.items.find((item) => item.period === "2025-04")).toMatchObject({ membersTotal: 10, membersInstalled: 0 });
    expect(series.items.find((item) => item.period === "2025-05")).toMatchObject({ membersInstalled: 6 });
  });

  it("a unit's roll-up equals the sum of its children for every month (district of the demo)", async () => {
    const leader = await actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "lanhdao" }, include: { orgUnit: true } }));
    const overview = await getHandbookOverview(leader, {});
    const sum = (key: "membersTotal" | "membersInstalled" | "branchesTotal" | "branchesUsingInMeetings" | "newsPosts" | "documents") =>
      overview.children.reduce((total, child) => total + child[key], 0);
    for (const key of ["membersTotal", "membersInstalled", "branchesTotal", "branchesUsingInMeetings", "newsPosts", "documents"] as const) expect(overview[key]).toBe(sum(key));
    const series = await getHandbookSeries(leader, {});
    expect(series.items).toHaveLength(24);
    expect(series.items.at(-1)?.period).toBe(overview.period);
  });

  it("lists lagging branches: installs below the low threshold or no use in meetings", async () => {
    const own = await createStatsWard();
    // Nobody in the second branch has installed it any more.
    await testDb().member.updateMany({ where: { branchId: own.branches[1].id }, data: { handbookInstalledAt: null } });
    await refreshStatsFor([own.branches[1].id]);
    const board = await createBoardActor();
    await pushHandbookUsage(board, { date: today, rows: [{ branchCode: own.branches[0].code, usedInMeetings: true }] });
    const lagging = await listLaggingBranches(own.leader, {});
    expect(lagging.total).toBe(1);
    expect(lagging.items[0]).toMatchObject({ branch: { id: own.branches[1].id }, ward: { id: own.ward.id }, installRate: 0, reasons: ["LOW_INSTALL", "NOT_IN_MEETINGS"] });
    expect(lagging.thresholds).toEqual({ low: 50, high: 80 });
  });

  it("the dashboard of a branch lists its reports; the latest of a month counts", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const branch = own.branches[0];
    await pushHandbookUsage(board, { date: `${period}-01`, rows: [{ branchCode: branch.code, usedInMeetings: false, newsPosts: 1 }] });
    await pushHandbookUsage(board, { date: today, rows: [{ branchCode: branch.code, usedInMeetings: true, newsPosts: 4 }] });
    const dashboard = await getHandbookDashboard(own.leader, { orgUnitId: branch.id });
    expect(dashboard.lagging).toBeNull();
    expect(dashboard.overview).toMatchObject({ branchesUsingInMeetings: 1, newsPosts: 4 });
    const snapshots = await listBranchUsageSnapshots(own.leader, branch.id);
    if (today !== `${period}-01`) expect(snapshots.map((s) => [s.date, s.countsForMonth])).toEqual([[today, true], [`${period}-01`, false]]);
  });

  it("exports every table with the same scope", async () => {
    const own = await createStatsWard();
    const children = await exportHandbookTable(own.leader, { table: "children", format: "csv" });
    const csv = toCsv(children.sheet);
    expect(csv).toContain("Tỷ lệ đã cài");
    expect(csv).toContain(own.branches[0].name);
    for (const table of ["series", "lagging"] as const) expect((await exportHandbookTable(own.leader, { table, format: "xlsx" })).sheet.rows.length).toBeGreaterThanOrEqual(table === "series" ? 24 : 0);
    await expect(exportHandbookTable(own.leader, { table: "nope" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("scope of the handbook figures", () => {
  it("another ward's leader gets 'not found'; a branch secretary may not read dashboards", async () => {
    const own = await createStatsWard();
    const other = await createStatsWard();
    await expect(getHandbookOverview(other.leader, { orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getHandbookOverview(other.leader, { orgUnitId: own.branches[0].id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getHandbookSeries(other.leader, { orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listLaggingBranches(other.leader, { orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listBranchUsageSnapshots(other.leader, own.branches[0].id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportHandbookTable(other.leader, { table: "children", orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getHandbookOverview(own.secretaryActor, {})).rejects.toBeInstanceOf(ForbiddenError);
    // The ward's own units above it are out of its scope too.
    await expect(getHandbookOverview(own.leader, { orgUnitId: own.district.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a month without figures is 'not found' with a message, a malformed one a validation error", async () => {
    const own = await createStatsWard();
    await expect(getHandbookOverview(own.leader, { period: "2001-01" })).rejects.toThrow("Chưa có số liệu Sổ tay");
    await expect(getHandbookOverview(own.leader, { period: "2026-13" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("pushing usage figures (PUT /api/v1/stats/handbook)", () => {
  it("is idempotent: the same body twice leaves the same state and writes nothing the second time", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    const body = { date: today, rows: own.branches.map((branch, i) => ({ branchCode: branch.code.toLowerCase(), usedInMeetings: i === 0, newsPosts: i + 1, documents: 2 })) };
    const first = await pushHandbookUsage(board, body);
    expect(first).toMatchObject({ date: today, period, accepted: 2, created: 2, updated: 0, unchanged: 0 });
    const before = await statRows([own.ward.id, ...own.branches.map((b) => b.id)]);
    const snapshotsBefore = await testDb().usageSnapshot.findMany({ where: { branchId: { in: own.branches.map((b) => b.id) } }, orderBy: { id: "asc" } });
    const second = await pushHandbookUsage(board, body);
    expect(second).toMatchObject({ accepted: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await statRows([own.ward.id, ...own.branches.map((b) => b.id)])).toEqual(before);
    expect(await testDb().usageSnapshot.findMany({ where: { branchId: { in: own.branches.map((b) => b.id) } }, orderBy: { id: "asc" } })).toEqual(snapshotsBefore);
    const changed = await pushHandbookUsage(board, { ...body, rows: [{ ...body.rows[1], usedInMeetings: true }] });
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect((await getHandbookOverview(own.leader, {})).branchesUsingInMeetings).toBe(2);
    const audits = await testDb().auditEvent.count({ where: { action: "stats.handbook.pushed", actorLabel: board.label } });
    expect(audits).toBe(3);
  });

  it("refuses the whole body when one row is wrong, and writes nothing", async () => {
    const own = await createStatsWard();
    const other = await createTestWard();
    const wardBoard = own.wardActor; // a ward committee may read but not push
    const board = await createBoardActor();
    const count = () => testDb().usageSnapshot.count({ where: { branchId: { in: [...own.branches, ...other.branches].map((b) => b.id) } } });
    const good = { branchCode: own.branches[0].code, usedInMeetings: true };
    await expect(pushHandbookUsage(board, { date: today, rows: [good, { branchCode: "KHONG-CO", usedInMeetings: true }] })).rejects.toMatchObject({
      details: [{ field: "rows.1.branchCode", message: "Không có chi bộ mã KHONG-CO trong phạm vi của mã truy cập." }],
    });
    await expect(pushHandbookUsage(board, { date: today, rows: [good, good] })).rejects.toBeInstanceOf(ValidationError);
    await expect(pushHandbookUsage(board, { date: "2999-01-01", rows: [good] })).rejects.toBeInstanceOf(ValidationError);
    await expect(pushHandbookUsage(board, { date: today, rows: [{ ...good, newsPosts: -1 }] })).rejects.toBeInstanceOf(ValidationError);
    await expect(pushHandbookUsage(board, { date: today, rows: [{ branchCode: own.ward.code, usedInMeetings: true }] })).rejects.toBeInstanceOf(ValidationError);
    await expect(pushHandbookUsage(wardBoard, { date: today, rows: [good] })).rejects.toBeInstanceOf(ForbiddenError);
    // A board of one district cannot push for a branch of another district: here, a token scoped to one ward.
    const wardScopedBoard = await actorOf(await createUser("BOARD_REVIEWER", own.ward.id));
    await expect(pushHandbookUsage(wardScopedBoard, { date: today, rows: [{ branchCode: other.branches[0].code, usedInMeetings: true }] })).rejects.toBeInstanceOf(ValidationError);
    expect(await count()).toBe(0);
  });
});

describe("consistency of the roll-ups", () => {
  it("after pushes and member changes, a full rebuild finds nothing to change for the ward", async () => {
    const own = await createStatsWard();
    const board = await createBoardActor();
    await pushHandbookUsage(board, { date: today, rows: [{ branchCode: own.branches[1].code, usedInMeetings: true, newsPosts: 2, documents: 5 }] });
    const units = [own.ward.id, ...own.branches.map((b) => b.id)];
    const incremental = await statRows(units);
    const admin = await actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    const { periods } = await rebuildHandbookStats(admin);
    expect(periods).toBeGreaterThanOrEqual(24);
    expect(await statRows(units)).toEqual(incremental);
    await expect(rebuildHandbookStats(own.leader)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
