import { createTestWard } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { branchesByChildSql, branchesUnderSql } from "@/lib/org/tree-sql";
import { Prisma } from "@/lib/generated/prisma/client";

afterAll(closeTestDb);

describe("tree roll-up fragments", () => {
  it("list the branches under a unit, grouped by child, only those in force during the period", async () => {
    const own = await createTestWard();
    await testDb().orgUnit.update({ where: { id: own.branches[1].id }, data: { validFrom: new Date("2026-03-01") } });
    const under = await testDb().$queryRaw<{ branch_id: number }[]>(branchesUnderSql(own.ward.path, { period: "2026-02" }));
    expect(under.map((row) => row.branch_id)).toEqual([own.branches[0].id]);
    const now = await testDb().$queryRaw<{ branch_id: number }[]>(branchesUnderSql(own.ward.path, { mode: "current" }));
    expect(now.map((row) => row.branch_id).sort()).toEqual([own.branches[0].id, own.branches[1].id].sort());
    const byChild = await testDb().$queryRaw<{ child_id: number; branch_id: number }[]>(
      Prisma.sql`SELECT * FROM (${branchesByChildSql(own.district.id, { period: "2026-11" })}) x WHERE x.child_id = ${own.ward.id}`,
    );
    expect(byChild.map((row) => row.branch_id).sort()).toEqual([own.branches[0].id, own.branches[1].id].sort());
  });
});
