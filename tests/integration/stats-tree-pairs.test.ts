import { createTestWard } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { unitBranchPairsSql } from "@/lib/org/tree-sql";
import { Prisma } from "@/lib/generated/prisma/client";

afterAll(closeTestDb);

describe("unitBranchPairsSql (roll-ups of every unit at once)", () => {
  it("pairs each unit in force with every branch under it, a branch with itself, with the parent of the unit", async () => {
    const own = await createTestWard();
    // The second branch opens in March 2026: not part of February's tree.
    await testDb().orgUnit.update({ where: { id: own.branches[1].id }, data: { validFrom: new Date("2026-03-01") } });
    const pairs = (period: string) =>
      testDb().$queryRaw<{ unit_id: number; parent_id: number | null; unit_level: string; branch_id: number }[]>(
        Prisma.sql`SELECT * FROM (${unitBranchPairsSql({ period })}) p WHERE p.branch_id = ANY(${own.branches.map((b) => b.id)}::int[]) ORDER BY p.branch_id, p.unit_level`,
      );
    const february = await pairs("2026-02");
    const [b1] = own.branches;
    const city = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "HN" } });
    expect(february.map((p) => [p.branch_id, p.unit_id, p.unit_level, p.parent_id])).toEqual([
      [b1.id, city.id, "CITY", null],
      [b1.id, own.district.id, "DISTRICT", city.id],
      [b1.id, own.ward.id, "WARD", own.district.id],
      [b1.id, b1.id, "BRANCH", own.ward.id],
    ]);
    expect((await pairs("2026-03")).filter((p) => p.branch_id === own.branches[1].id)).toHaveLength(4);
    const current = await testDb().$queryRaw<{ n: bigint }[]>(
      Prisma.sql`SELECT count(*) AS n FROM (${unitBranchPairsSql({ mode: "current" })}) p WHERE p.unit_id = ${own.ward.id}`,
    );
    expect(Number(current[0].n)).toBe(2);
  });
});
