import pg from "pg";
import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod, uniqueDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { getDraftReviewSummary } from "@/lib/drafts/get-draft-review-summary";
import { listLaggingBranches } from "@/lib/stats/list-lagging-branches";
import { pushHandbookUsage } from "@/lib/stats/push-handbook-usage";
import { todayIso } from "@/lib/format/date";
import { NotFoundError } from "@/lib/errors";
import { createBoardActor, createStatsWard, refreshStatsFor } from "../support/stats-factories";

afterAll(closeTestDb);

const draftRevision = async () => (await testDb().draftRevision.findUniqueOrThrow({ where: { id: 1 } })).revision;

// A ward's and a city's review totals are remembered while the drafts' revision holds; every write
// must still show on the next read, and the revision must move without making writers wait on
// each other (they all write one row).
describe("review totals remembered while no draft changes", () => {
  it("shows each submission and decision on the next read, and is scoped like the live read", async () => {
    const s = await createDraftsSetup("Tổng nhớ");
    const other = await createDraftsSetup("Tổng nhớ khác");
    const period = openPeriod();
    const first = await getDraftReviewSummary(s.reviewerActor, { orgUnitId: s.ward.id, period });
    expect(first.totals).toMatchObject({ branches: 2, submitted: 0, changesRequested: 0 });
    // Read again (remembered) and changed by the caller: the next read is not.
    const again = await getDraftReviewSummary(s.reviewerActor, { orgUnitId: s.ward.id, period });
    expect(again).toEqual(first);
    again.totals.branches = 99;
    again.children.length = 0;

    const { id } = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) });
    const afterSubmit = await getDraftReviewSummary(s.reviewerActor, { orgUnitId: s.ward.id, period });
    expect(afterSubmit.totals).toMatchObject({ branches: 2, submitted: 1, awaitingReview: 1, changesRequested: 0 });
    expect(afterSubmit.children).toHaveLength(2);

    await submitDraftReview(s.reviewerActor, id, { decision: "CHANGES_REQUESTED", summary: "Bổ sung", flags: [], expectedVersionNo: 1 });
    const afterReview = await getDraftReviewSummary(s.reviewerActor, { orgUnitId: s.ward.id, period, withChildren: false });
    expect(afterReview.totals).toMatchObject({ submitted: 1, awaitingReview: 0, changesRequested: 1, unacknowledged: 1 });
    expect(afterReview.children).toEqual([]);

    await submitDraftVersion(s.secretary2Actor, { period, body: uniqueDraft(s.branches[1].name) });
    expect((await getDraftReviewSummary(s.reviewerActor, { orgUnitId: s.ward.id, period })).totals).toMatchObject({ submitted: 2, awaitingReview: 1, changesRequested: 1 });

    // Another ward's committee: the same totals stay out of reach, remembered or not.
    expect((await getDraftReviewSummary(s.wardActor, { period })).totals).toMatchObject({ branches: 2, submitted: 2, changesRequested: 1 });
    await expect(getDraftReviewSummary(other.wardActor, { orgUnitId: s.ward.id, period })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDraftReviewSummary(other.wardActor, { period })).totals).toMatchObject({ branches: 2, submitted: 0 });
  });

  it("gets a new revision when the writing transaction commits, not while it runs", async () => {
    const s = await createDraftsSetup("Phiên bản dự thảo");
    const period = openPeriod();
    const { id } = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) });
    const before = await draftRevision();
    // One snapshot for the whole transaction: its own write of the revision would show here.
    const inside = await testDb().$transaction(
      async (tx) => {
        const seen = (await tx.draftRevision.findUniqueOrThrow({ where: { id: 1 } })).revision;
        await tx.draft.update({ where: { id }, data: { openComments: { increment: 1 } } });
        return [seen, (await tx.draftRevision.findUniqueOrThrow({ where: { id: 1 } })).revision];
      },
      { isolationLevel: "RepeatableRead" },
    );
    expect(inside[1]).toBe(inside[0]);
    expect(await draftRevision()).not.toBe(before);
  });

  it("lets two transactions that write the same drafts in turn both commit (the revision is written at commit)", async () => {
    const s = await createDraftsSetup("Ghi đan xen");
    const period = openPeriod();
    const a = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) });
    const b = await submitDraftVersion(s.secretary2Actor, { period, body: uniqueDraft(s.branches[1].name) });
    const first = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const second = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([first.connect(), second.connect()]);
    const bump = (client: pg.Client, draftId: number) => client.query(`UPDATE "Draft" SET "openComments" = "openComments" + 1 WHERE id = $1`, [draftId]);
    try {
      // The first writes A, then B (waiting for the second); the second holds B and commits.
      // Had the revision been written when each statement ends, the first would hold it while
      // waiting for B, and the second's commit would wait for it: a deadlock.
      await first.query("BEGIN");
      await second.query("BEGIN");
      await bump(first, a.id);
      await bump(second, b.id);
      const firstDone = bump(first, b.id).then(() => first.query("COMMIT"));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await second.query("COMMIT");
      await firstDone;
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    const drafts = await testDb().draft.findMany({ where: { id: { in: [a.id, b.id] } }, select: { id: true, openComments: true }, orderBy: { id: "asc" } });
    expect(drafts.find((draft) => draft.id === a.id)?.openComments).toBe(1);
    expect(drafts.find((draft) => draft.id === b.id)?.openComments).toBe(2);
  });
});

// The same for a unit's lagging branches, remembered while the handbook roll-up and the tree hold.
describe("lagging branches remembered while the roll-up holds", () => {
  it("shows a refreshed roll-up and pushed usage on the next read, and is scoped like the live read", async () => {
    const own = await createStatsWard("Chậm nhớ");
    const other = await createStatsWard("Chậm nhớ khác");
    const board = await createBoardActor();
    const before = await listLaggingBranches(own.leader, {});
    expect(before.items.map((row) => row.branch.id).sort()).toEqual(own.branches.map((branch) => branch.id).sort());
    expect(await listLaggingBranches(own.leader, {})).toEqual(before);

    // The first branch reports use in meetings (3 of 5 installed is above the low threshold): it no longer lags.
    await pushHandbookUsage(board, { date: todayIso(), rows: [{ branchCode: own.branches[0].code, usedInMeetings: true }] });
    const afterPush = await listLaggingBranches(own.leader, {});
    expect(afterPush.items.map((row) => row.branch.id)).toEqual([own.branches[1].id]);
    expect(afterPush.total).toBe(1);

    // Nobody in the second branch has it installed any more: still listed, now for both reasons.
    await testDb().member.updateMany({ where: { branchId: own.branches[1].id }, data: { handbookInstalledAt: null } });
    await refreshStatsFor([own.branches[1].id]);
    expect((await listLaggingBranches(own.leader, {})).items[0]).toMatchObject({ branch: { id: own.branches[1].id }, installRate: 0, reasons: ["LOW_INSTALL", "NOT_IN_MEETINGS"] });

    await expect(listLaggingBranches(other.leader, { orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listLaggingBranches(other.leader, {})).items.map((row) => row.branch.id).sort()).toEqual(other.branches.map((branch) => branch.id).sort());
  });
});
