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

describe("prefix ranges in the tree join", () => {
  it("never puts a branch of /…/15/ under a sibling /…/150/ or the other way round", async () => {
    const own = await createTestWard();
    const db = testDb();
    // Children whose path segments are prefixes of each other as text: "…/7/" and "…/70/".
    const make = (code: string, level: "WARD" | "BRANCH", parentId: number, path: string) =>
      db.orgUnit.create({ data: { code, name: code, level, parentId, path, depth: 3, validFrom: new Date("2020-01-01") } });
    const short = await make(`${own.ward.code}-S`, "WARD", own.district.id, `${own.district.path}7000000${own.ward.id}/`);
    const long = await make(`${own.ward.code}-L`, "WARD", own.district.id, `${own.district.path}7000000${own.ward.id}0/`);
    const inShort = await make(`${own.ward.code}-S1`, "BRANCH", short.id, `${short.path}1/`);
    const inLong = await make(`${own.ward.code}-L1`, "BRANCH", long.id, `${long.path}1/`);
    const rows = await db.$queryRaw<{ child_id: number; branch_id: number }[]>(
      Prisma.sql`SELECT * FROM (${branchesByChildSql(own.district.id, { period: "2026-11" })}) x WHERE x.child_id IN (${short.id}, ${long.id})`,
    );
    expect(rows.map((row) => [row.child_id, row.branch_id]).sort()).toEqual([[short.id, inShort.id], [long.id, inLong.id]].sort());
  });
});
