import { closeTestDb, testDb } from "../support/db";
import { actorOf } from "../support/factories";
import { findAbsenceFlags } from "@/lib/members/find-absence-flags";
import { addMonths } from "@/lib/periods/period";
import { hanoiInstant } from "@/lib/format/date";
import { demoSeededOn } from "../support/demo-day";

afterAll(closeTestDb);

describe("district demo data: party fees", () => {
  it("has a year of fees, members behind on them, fee-exempt members and transfers linked as one person", async () => {
    const db = testDb();
    const lb = { member: { code: { startsWith: "LB-" } } };
    const rows = await db.partyFee.count({ where: lb });
    expect(rows).toBeGreaterThan(150_000);
    const unpaid = await db.partyFee.count({ where: { ...lb, paid: false } });
    expect(unpaid).toBeGreaterThan(500);
    expect(unpaid / rows).toBeLessThan(0.03);
    expect(await db.partyFee.count({ where: { ...lb, paid: false, reason: { not: null } } })).toBeGreaterThan(20);
    expect(await db.member.count({ where: { code: { startsWith: "LB-" }, feeExempt: true } })).toBeGreaterThan(50);
    // No fee rows for the demo's members who are not expected to pay (parallel suites make their own).
    expect(await db.partyFee.count({ where: { member: { code: { startsWith: "LB-" }, OR: [{ feeExempt: true }, { status: "EXEMPT" }] } } })).toBe(0);
    expect(await db.member.count({ where: { code: { startsWith: "LB-" }, personCode: { not: null } } })).toBeGreaterThanOrEqual(10);

    // The board's list, as of the day the demo was seeded, for a year with at least six months over
    // (the seed day's year from July on, the year before until then): unpaid months beside absences.
    const board = await actorOf(await db.user.findUniqueOrThrow({ where: { username: "bantochuc" }, include: { orgUnit: true } }));
    const seededOn = await demoSeededOn();
    const year = Number(addMonths(seededOn.slice(0, 7), -6).slice(0, 4));
    const flags = await findAbsenceFlags(board, { year, pageSize: 2_000, now: hanoiInstant(seededOn, 12) });
    const reasons = flags.items.flatMap((item) => item.monthDetails.flatMap((month) => month.reasons));
    expect(reasons).toContain("UNPAID");
    expect(reasons).toContain("ABSENT");
  });
});
