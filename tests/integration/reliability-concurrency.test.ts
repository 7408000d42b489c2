// Concurrency: racing writers through lib/ against
// the real database. Nothing is lost, duplicated or silently overwritten;
// the loser of a race on a versioned record gets a 409 (ConflictError).
import { closeTestDb, testDb } from "../support/db";
import { createDraftsSetup, groundedDraft, openPeriod } from "../support/drafts-factories";
import { attendance, createMeetingWard, on } from "../support/meetings-factories";
import { actorOf, createUser, demoDistrict } from "../support/factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { saveWorkingCopy } from "@/lib/drafts/working-copy";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { updateSetting } from "@/lib/settings/app-settings";
import { SETTINGS } from "@/lib/settings/registry";
import { ConflictError } from "@/lib/errors";

afterAll(closeTestDb);

function outcomes(results: PromiseSettledResult<unknown>[]) {
  const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected").map((result) => result.reason as Error);
  return { fulfilled: results.filter((result) => result.status === "fulfilled").length, conflicts: rejected.filter((error) => error instanceof ConflictError).length, other: rejected.filter((error) => !(error instanceof ConflictError)) };
}

describe("racing writers", () => {
  it("200 parallel comments on one draft → exactly 200 stored, and the open-thread counter says 200", async () => {
    const s = await createDraftsSetup("Đồng thời");
    const { id } = await submitDraftVersion(s.secretaryActor, { period: openPeriod(), body: groundedDraft(s.branches[0].name) });
    // Ward committee comments are published at once: each one also recounts the draft's open threads.
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => addDraftComment(s.wardActor, id, { body: `Góp ý song song số ${i + 1}` })));
    expect(outcomes(results)).toMatchObject({ fulfilled: 200, other: [] });
    const stored = await testDb().draftComment.findMany({ where: { draftId: id }, select: { id: true, body: true } });
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((comment) => comment.body)).size).toBe(200);
    expect((await testDb().draft.findUniqueOrThrow({ where: { id } })).openComments).toBe(200);
    expect(await testDb().auditEvent.count({ where: { entityType: "DraftComment", entityId: { in: stored.map((comment) => String(comment.id)) } } })).toBe(200);
  });

  it("two reviewers deciding the same version at once → one succeeds, the other gets 409", async () => {
    const s = await createDraftsSetup("Đồng thời");
    const second = await actorOf(await createUser("BOARD_REVIEWER", s.district.id));
    const { id } = await submitDraftVersion(s.secretaryActor, { period: openPeriod(), body: groundedDraft(s.branches[0].name) });
    for (let round = 0; round < 3; round++) {
      const draft = await testDb().draft.findUniqueOrThrow({ where: { id } });
      const results = await Promise.allSettled([
        submitDraftReview(s.reviewerActor, id, { decision: "APPROVED", summary: "Đạt.", expectedVersionNo: draft.currentVersionNo }),
        submitDraftReview(second, id, { decision: "CHANGES_REQUESTED", summary: "Cần sửa.", expectedVersionNo: draft.currentVersionNo }),
      ]);
      const result = outcomes(results);
      expect(result).toMatchObject({ fulfilled: 1, conflicts: 1, other: [] });
      expect(await testDb().draftReview.count({ where: { draftId: id, versionNo: draft.currentVersionNo } })).toBe(1);
      // The branch answers with a new version for the next round.
      await submitDraftVersion(s.secretaryActor, { period: openPeriod(), body: groundedDraft(s.branches[0].name) });
    }
  });

  it("parallel submissions of a branch's draft → distinct version numbers or 409, never a duplicate or a 500", async () => {
    const s = await createDraftsSetup("Đồng thời");
    const period = openPeriod();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) })));
    const result = outcomes(results);
    expect(result.other).toEqual([]);
    expect(result.fulfilled).toBeGreaterThanOrEqual(1);
    const drafts = await testDb().draft.findMany({ where: { branchId: s.branches[0].id, period }, include: { versions: true } });
    expect(drafts).toHaveLength(1);
    const numbers = drafts[0].versions.map((version) => version.versionNo).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(drafts[0].currentVersionNo).toBe(numbers.length);
    expect(numbers.length).toBe(result.fulfilled);
  });

  it("parallel upserts of the same meeting → one meeting, one roll call", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const body = { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members) };
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => recordMeeting(w.secretaryActor, body, { now: on("2026-10-20") })));
    expect(outcomes(results)).toMatchObject({ fulfilled: 12, other: [] });
    const meetings = await testDb().meeting.findMany({ where: { branchId: w.branches[0].id, period: "2026-10" } });
    expect(meetings).toHaveLength(1);
    expect(await testDb().attendance.count({ where: { meetingId: meetings[0].id } })).toBe(attendance(members).length);
    expect(meetings[0].versionNo).toBe(1);
  });

  it("two secretaries editing the same meeting from the same version → one saved, the other 409 (no lost update)", async () => {
    const w = await createMeetingWard();
    const [members] = w.members;
    const body = { branchId: w.branches[0].id, period: "2026-10", kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: true, attendance: attendance(members) };
    const now = { now: on("2026-10-20") };
    const { meeting } = await recordMeeting(w.secretaryActor, body, now);
    const results = await Promise.allSettled([
      recordMeeting(w.secretaryActor, { ...body, notes: "Sửa của người thứ nhất", expectedVersionNo: meeting.versionNo }, now),
      recordMeeting(w.secretaryActor, { ...body, usedHandbook: false, notes: "Sửa của người thứ hai", expectedVersionNo: meeting.versionNo }, now),
    ]);
    expect(outcomes(results)).toMatchObject({ fulfilled: 1, conflicts: 1, other: [] });
    const stored = await testDb().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored.versionNo).toBe(2);
  });

  it("two administrators changing the same setting from the same value → one saved, the other 409", async () => {
    const admin = await actorOf(await createUser("ADMIN", (await demoDistrict()).parentId ?? (await demoDistrict()).id));
    const definition = SETTINGS.find((setting) => typeof setting.defaultValue === "number")!;
    const before = await testDb().appSetting.findUnique({ where: { key: definition.key } });
    const expectedUpdatedAt = before?.updatedAt.toISOString() ?? "";
    const value = definition.defaultValue as number;
    try {
      const results = await Promise.allSettled([
        updateSetting(admin, definition.key, String(value), { expectedUpdatedAt }),
        updateSetting(admin, definition.key, String(value), { expectedUpdatedAt }),
      ]);
      expect(outcomes(results)).toMatchObject({ fulfilled: 1, conflicts: 1, other: [] });
      // A stale form (the value it was opened with has changed since) is refused too.
      await expect(updateSetting(admin, definition.key, String(value), { expectedUpdatedAt })).rejects.toBeInstanceOf(ConflictError);
    } finally {
      if (!before) await testDb().appSetting.deleteMany({ where: { key: definition.key } });
      else await testDb().appSetting.update({ where: { key: definition.key }, data: { value: before.value as never } });
    }
  });

  it("a working copy autosaved from two tabs: the tab that started from an older save gets 409 instead of overwriting", async () => {
    const s = await createDraftsSetup("Đồng thời");
    const period = openPeriod();
    const first = await saveWorkingCopy(s.secretaryActor, { period, body: "Bản nháp thứ nhất" });
    const racing = await Promise.allSettled([
      saveWorkingCopy(s.secretaryActor, { period, body: "Tab A", expectedSavedAt: first.savedAt.toISOString() }),
      saveWorkingCopy(s.secretaryActor, { period, body: "Tab B", expectedSavedAt: first.savedAt.toISOString() }),
    ]);
    expect(outcomes(racing)).toMatchObject({ fulfilled: 1, conflicts: 1, other: [] });
    const stored = await testDb().draftWorkingCopy.findUniqueOrThrow({ where: { branchId_period: { branchId: s.branches[0].id, period } } });
    expect(["Tab A", "Tab B"]).toContain(stored.body);
    // Without expectedSavedAt (older clients) the save still goes through.
    await saveWorkingCopy(s.secretaryActor, { period, body: "Không kiểm tra" });
  });
});
