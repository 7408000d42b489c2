import { closeTestDb, testDb } from "../support/db";
import { demoReviewPeriod } from "../support/demo-day";
import { addMonths } from "@/lib/periods/period";

afterAll(closeTestDb);

describe("drafts demo data", () => {
  it("has 24 months of drafts for the district's branches, the period under review on the seed day still in progress", async () => {
    const periods = await testDb().$queryRaw<{ period: string; drafts: number }[]>`
      SELECT d.period, count(*)::int AS drafts FROM "Draft" d JOIN "OrgUnit" b ON b.id = d."branchId" WHERE b.code LIKE 'LB-%' GROUP BY d.period ORDER BY d.period`;
    expect(periods).toHaveLength(24);
    const latest = periods[periods.length - 1];
    expect(latest.period).toBe(await demoReviewPeriod());
    expect(periods[0].period).toBe(addMonths(latest.period, -23));
    for (const row of periods.slice(0, -1)) expect(row.drafts).toBeGreaterThan(490);
    expect(latest.drafts).toBeLessThan(periods[0].drafts);
    // The open period is still being reviewed: some drafts (new or revised) wait for the board; the month before went through the whole loop.
    const statuses = await testDb().draft.groupBy({ by: ["status"], where: { period: latest.period }, _count: true });
    expect(statuses.map((row) => row.status).filter((status) => status === "SUBMITTED" || status === "REVISED").length).toBeGreaterThan(0);
    const settled = await testDb().draft.groupBy({ by: ["status"], where: { period: addMonths(latest.period, -1) }, _count: true });
    expect(settled.map((row) => row.status)).toContain("APPROVED");
    for (const row of settled) expect(["APPROVED", "CHANGES_REQUESTED"]).toContain(row.status); // every draft decided
  });

  it("has copies the analyzer flags, grounded drafts it does not, and a history of reviews, comments and feedback", async () => {
    const period = addMonths(await demoReviewPeriod(), -1);
    const template = await testDb().draft.count({ where: { period, proposedFlags: { has: "TEMPLATE_COPY" } } });
    const previous = await testDb().draftAnalysis.count({ where: { period, proposedFlags: { has: "PREVIOUS_COPY" } } });
    const ungrounded = await testDb().draftAnalysis.count({ where: { period, proposedFlags: { has: "NOT_GROUNDED" } } });
    const clean = await testDb().draftAnalysis.count({ where: { period, proposedFlags: { isEmpty: true } } });
    expect(template).toBeGreaterThan(5);
    expect(previous + ungrounded).toBeGreaterThan(5);
    expect(clean).toBeGreaterThan(300);
    expect(await testDb().draftReview.count({ where: { draft: { period } } })).toBeGreaterThan(500);
    expect(await testDb().draftComment.count({ where: { draft: { period }, anchorQuote: { not: null } } })).toBeGreaterThan(50);
    expect(await testDb().draftComment.count({ where: { suggestionStatus: "ACCEPTED" } })).toBeGreaterThan(10);
    expect(await testDb().feedback.count({ where: { period, reply: { not: null } } })).toBeGreaterThan(10);
    expect(await testDb().guidance.count({ where: { period } })).toBeGreaterThanOrEqual(2);
    const board = await testDb().user.findUniqueOrThrow({ where: { username: "bantochuc" } });
    expect(await testDb().notification.count({ where: { userId: board.id } })).toBeGreaterThan(5);
    // Every anchored comment of the demo points at its quote.
    const comments = await testDb().draftComment.findMany({ where: { anchorQuote: { not: null } }, take: 200, include: { draft: { include: { versions: true } } } });
    for (const comment of comments) {
      const version = comment.draft.versions.find((candidate) => candidate.versionNo === comment.versionNo)!;
      expect(version.body.slice(comment.anchorStart!, comment.anchorEnd!)).toBe(comment.anchorQuote);
    }
  });
});
