import { createTestWard } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { branchCountsByPeriodSql, branchesByChildSql, branchesUnderSql } from "@/lib/org/tree-sql";
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

  it("count the branches under a unit for several periods at once as one period at a time does", async () => {
    const own = await createTestWard();
    await testDb().orgUnit.update({ where: { id: own.branches[1].id }, data: { validFrom: new Date("2026-03-01") } });
    const periods = ["2026-01", "2026-02", "2026-03", "2026-04"];
    // The ward's own path: other suites add wards to the shared district meanwhile.
    const together = await testDb().$queryRaw<{ period: string; branches: number }[]>(branchCountsByPeriodSql(own.ward.path, periods));
    const oneByOne = await Promise.all(periods.map(async (period) => ({ period, branches: (await testDb().$queryRaw<unknown[]>(branchesUnderSql(own.ward.path, { period }))).length })));
    const counts = Object.fromEntries(together.map((row) => [row.period, row.branches]));
    expect(counts).toEqual(Object.fromEntries(oneByOne.filter((row) => row.branches > 0).map((row) => [row.period, row.branches])));
    expect(counts["2026-03"] - counts["2026-02"]).toBe(1);
  });
});

describe("prefix ranges in the tree join", () => {
  it("never puts a branch of /…/15/ under a sibling /…/150/ or the other way round", async () => {
    const own = await createTestWard();
    const db = testDb();
    // Children whose path segments are prefixes of each other as text: "…/N/" and "…/N0/".
    // Explicit ids far above the sequence keep every path true to its ids, so the
    // shared test database stays a valid tree for the suites running beside this one.
    const n = 100_000_000 + (own.ward.id % 10_000_000);
    const makeWard = (id: number, suffix: string) =>
      db.orgUnit.create({ data: { id, code: `${own.ward.code}-${suffix}`, name: suffix, level: "WARD", parentId: own.district.id, path: `${own.district.path}${id}/`, depth: 2, validFrom: new Date("2020-01-01") } });
    const makeBranch = async (ward: { id: number; path: string; code: string }) => {
      const created = await db.orgUnit.create({ data: { code: `${ward.code}1`, name: `${ward.code}1`, level: "BRANCH", parentId: ward.id, path: "/", depth: 3, validFrom: new Date("2020-01-01") } });
      return db.orgUnit.update({ where: { id: created.id }, data: { path: `${ward.path}${created.id}/` } });
    };
    const short = await makeWard(n, "S");
    const long = await makeWard(n * 10, "L");
    const inShort = await makeBranch(short);
    const inLong = await makeBranch(long);
    const rows = await db.$queryRaw<{ child_id: number; branch_id: number }[]>(
      Prisma.sql`SELECT * FROM (${branchesByChildSql(own.district.id, { period: "2026-11" })}) x WHERE x.child_id IN (${short.id}, ${long.id})`,
    );
    expect(rows.map((row) => [row.child_id, row.branch_id]).sort()).toEqual([[short.id, inShort.id], [long.id, inLong.id]].sort());
  });
});
