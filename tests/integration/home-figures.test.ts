import { closeTestDb, testDb } from "../support/db";
import { createTestWard } from "../support/factories";
import { getScopeSummary } from "@/lib/org/scope-summary";
import { refreshHandbookStats } from "@/lib/stats/refresh-handbook-stats";
import { prismaRunner } from "@/lib/stats/sql-runner";
import { currentPeriod } from "@/lib/periods/period";

afterAll(closeTestDb);

// The home page's figures come from the month's roll-up when it has them, and are
// counted from the members otherwise: both ways must give the same numbers.
describe("home page figures of a scope", () => {
  it("read from the month's roll-up equal the counts from the members, and fall back to counting without it", async () => {
    const own = await createTestWard("Số liệu trang chủ");
    const expected = { wards: 1, branches: 2, members: 10, membersExpected: 8, installed: 6, eligible: 10 };
    // No roll-up row for the new ward yet: counted from Member.
    expect(await getScopeSummary(own.wardActor)).toMatchObject(expected);

    await testDb().$transaction((tx) => refreshHandbookStats(prismaRunner(tx), { periods: [currentPeriod()], branchIds: own.branches.map((branch) => branch.id) }));
    const row = await testDb().handbookStat.findUniqueOrThrow({ where: { orgUnitId_period: { orgUnitId: own.ward.id, period: currentPeriod() } } });
    expect(row.membersActive).toBe(8);
    // Make the roll-up distinguishable: the summary must now read it.
    await testDb().handbookStat.update({ where: { orgUnitId_period: { orgUnitId: own.ward.id, period: currentPeriod() } }, data: { membersTotal: 11 } });
    expect(await getScopeSummary(own.wardActor)).toMatchObject({ ...expected, members: 11 });

    // A row computed before the active-member figure existed is not used.
    await testDb().handbookStat.update({ where: { orgUnitId_period: { orgUnitId: own.ward.id, period: currentPeriod() } }, data: { membersActive: null } });
    expect(await getScopeSummary(own.wardActor)).toMatchObject(expected);
  });
});
