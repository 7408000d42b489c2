import { closeTestDb, testDb } from "../support/db";
import { actorOf, createTestWard, createUser, uniqueSuffix } from "../support/factories";
import { createDraftsSetup, groundedDraft, openPeriod } from "../support/drafts-factories";
import { setClock } from "@/lib/clock";
import { assignFollower, reassignFollowerWork } from "@/lib/followers/assign-follower";
import { getFollowerBoard } from "@/lib/followers/follower-board";
import { listFollowedBranches } from "@/lib/followers/followed-branches";
import { claimDraftReview } from "@/lib/drafts/review-claims";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { listReviewQueue } from "@/lib/drafts/list-review-queue";
import { announceMeeting } from "@/lib/meetings/announce-meeting";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";

const T = "2026-11-18T03:00:00Z";
beforeAll(() => setClock(T));
afterAll(async () => {
  setClock(null);
  await closeTestDb();
});

/** Another district (under the demo city) with one ward and a board account: "another district's board". */
async function foreignBoard() {
  const db = testDb();
  const city = await db.orgUnit.findFirstOrThrow({ where: { level: "CITY", parentId: null } });
  const suffix = uniqueSuffix();
  const created = await db.orgUnit.create({ data: { code: `FD-${suffix}`, name: `Quận khác ${suffix}`, level: "DISTRICT", parentId: city.id, path: "/", depth: 1, validFrom: new Date("2020-01-01") } });
  const district = await db.orgUnit.update({ where: { id: created.id }, data: { path: `${city.path}${created.id}/` } });
  return actorOf(await createUser("BOARD_REVIEWER", district.id));
}

async function setup() {
  const own = await createDraftsSetup("Theo dõi");
  const other = await createTestWard("Phường khác");
  const specialist = await createUser("BOARD_REVIEWER", own.district.id);
  const second = await createUser("BOARD_REVIEWER", own.district.id);
  return { own, other, specialist, specialistActor: await actorOf(specialist), second, secondActor: await actorOf(second), foreign: await foreignBoard() };
}

describe("followers", () => {
  it("the board assigns a ward and a branch; each follower sees only their branches unless their role sees more; others get 404", async () => {
    const { own, other, specialist, specialistActor, foreign } = await setup();
    const [first, second] = own.branches;
    // The ward to a board specialist, the second branch on its own to an upper-level committee member of the ward.
    await assignFollower(own.reviewerActor, { orgUnitId: own.ward.id, userId: specialist.id });
    await assignFollower(own.reviewerActor, { orgUnitId: second.id, userId: own.wardUser.id });
    const audit = await testDb().auditEvent.findMany({ where: { entityType: "FollowAssignment", orgUnitId: { in: [own.ward.id, second.id] } }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["follower.assigned", "follower.assigned"]);
    // The specialist is told.
    expect(await testDb().notification.count({ where: { userId: specialist.id, kind: "follower.assigned" } })).toBe(1);

    // Following never widens access: another ward's committee, a secretary, the district itself are refused; nothing is written.
    await expect(assignFollower(own.reviewerActor, { orgUnitId: own.ward.id, userId: other.wardUser.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(assignFollower(own.reviewerActor, { orgUnitId: first.id, userId: own.secretary.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(assignFollower(own.reviewerActor, { orgUnitId: own.district.id, userId: specialist.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignFollower(own.reviewerActor, { orgUnitId: "x", userId: specialist.id })).rejects.toBeInstanceOf(ValidationError);
    // Another district's board: the ward does not exist for it; another ward's user may neither change nor see.
    await expect(assignFollower(foreign, { orgUnitId: own.ward.id, userId: null })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignFollower(other.wardActor, { orgUnitId: own.ward.id, userId: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getFollowerBoard(other.wardActor, { orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFollowerBoard(foreign, { orgUnitId: own.ward.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(reassignFollowerWork(foreign, { fromUserId: specialist.id, toUserId: specialist.id + 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await testDb().followAssignment.findUnique({ where: { orgUnitId: own.ward.id } })).toMatchObject({ userId: specialist.id });

    // The ward's board view: the first branch follows the ward's follower, the second its own.
    const board = await getFollowerBoard(own.wardActor, { orgUnitId: own.ward.id });
    expect(board.canAssign).toBe(false);
    expect(board.wards).toEqual([expect.objectContaining({ id: own.ward.id, follower: { id: specialist.id, name: specialist.displayName } })]);
    expect(board.branches.map((branch) => [branch.id, branch.follower?.id, branch.ownFollower?.id ?? null])).toEqual([
      [first.id, specialist.id, null],
      [second.id, own.wardUser.id, own.wardUser.id],
    ]);

    // "Chi bộ tôi phụ trách": each follower's own branches only.
    expect((await listFollowedBranches(specialistActor)).branches.map((row) => row.branch.id)).toEqual([first.id]);
    expect((await listFollowedBranches(own.wardActor)).branches.map((row) => row.branch.id)).toEqual([second.id]);
    expect((await listFollowedBranches(own.reviewerActor)).branches).toEqual([]);
    expect((await listFollowedBranches(other.wardActor)).branches).toEqual([]);

    // The queue's "assigned to me" filter narrows the list; without it the role sees its whole scope.
    const period = openPeriod();
    await submitDraftVersion(own.secretaryActor, { period, body: groundedDraft(first.name) });
    await submitDraftVersion(own.secretary2Actor, { period, body: groundedDraft(second.name) });
    const mine = await listReviewQueue(specialistActor, { period, assigned: "me", includeMissing: true, pageSize: 500 });
    expect(mine.items.map((row) => row.branch.id)).toEqual([first.id]);
    const ownWard = await listReviewQueue(specialistActor, { period, orgUnitId: own.ward.id, includeMissing: true });
    expect(ownWard.items.map((row) => row.branch.id).sort()).toEqual([first.id, second.id].sort());
    const otherWard = await listReviewQueue(specialistActor, { period, orgUnitId: other.ward.id, includeMissing: true });
    expect(otherWard.items.map((row) => row.branch.id).sort()).toEqual(other.branches.map((branch) => branch.id).sort());
    const wardMine = await listReviewQueue(own.wardActor, { period, assigned: "me", includeMissing: true });
    expect(wardMine.items.map((row) => row.branch.id)).toEqual([second.id]);
    await expect(listReviewQueue(specialistActor, { period, assigned: "everyone" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("the board sees each follower's drafts waiting and moves one follower's work to another; announcements reach the follower", async () => {
    const { own, specialist, specialistActor, second, secondActor, foreign } = await setup();
    const [first, other] = own.branches;
    await assignFollower(own.reviewerActor, { orgUnitId: own.ward.id, userId: specialist.id });
    const period = openPeriod();
    await submitDraftVersion(own.secretaryActor, { period, body: groundedDraft(first.name) });
    await submitDraftVersion(own.secretary2Actor, { period, body: groundedDraft(other.name) });

    const workload = async () => {
      const board = await getFollowerBoard(own.reviewerActor, { orgUnitId: own.ward.id });
      const of = (id: number) => board.workload.find((row) => row.user.id === id);
      return { specialist: of(specialist.id), second: of(second.id), unassigned: board.unassigned };
    };
    expect(await workload()).toEqual({
      specialist: expect.objectContaining({ units: 1, branches: 2, waitingDrafts: 2 }),
      second: expect.objectContaining({ units: 0, branches: 0, waitingDrafts: 0 }),
      unassigned: { branches: 0, waitingDrafts: 0 },
    });

    // Moving to someone outside the scope is refused and moves nothing.
    const outsider = await createUser("WARD_COMMITTEE", (await createTestWard("Ngoài")).ward.id);
    await expect(reassignFollowerWork(own.reviewerActor, { fromUserId: specialist.id, toUserId: outsider.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(reassignFollowerWork(own.reviewerActor, { fromUserId: specialist.id, toUserId: specialist.id })).rejects.toBeInstanceOf(ValidationError);
    expect((await workload()).specialist).toMatchObject({ waitingDrafts: 2 });

    const moved = await reassignFollowerWork(own.reviewerActor, { fromUserId: specialist.id, toUserId: second.id });
    expect(moved.moved).toBe(1);
    expect(await workload()).toMatchObject({ specialist: { units: 0, waitingDrafts: 0 }, second: { units: 1, branches: 2, waitingDrafts: 2 } });
    expect(await testDb().auditEvent.count({ where: { action: "follower.reassigned", orgUnitId: own.ward.id } })).toBe(1);
    expect((await listFollowedBranches(specialistActor)).branches).toEqual([]);

    // The secretary announces the next meeting: the follower is notified with the ward committee, and sees it in the list.
    await announceMeeting(own.secretaryActor, { branchId: first.id, period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-03", startTime: "19:30", place: "Nhà văn hóa tổ 1", agenda: "Quán triệt nghị quyết, kiểm điểm tháng 11." });
    const heard = await testDb().notification.findMany({ where: { kind: "meeting.schedule", orgUnitId: first.id } });
    expect(heard.map((row) => row.userId).sort()).toEqual([own.wardUser.id, second.id].sort());
    expect(heard.map((row) => row.userId)).not.toContain(specialist.id);
    const followed = await listFollowedBranches(secondActor);
    expect(followed.branches.find((row) => row.branch.id === first.id)?.schedule).toEqual({ period: "2026-12", kind: "REGULAR", plannedOn: "2026-12-03", startTime: "19:30", place: "Nhà văn hóa tổ 1", agenda: "Quán triệt nghị quyết, kiểm điểm tháng 11.", upcoming: true });

    // Unassigning leaves the branches to nobody: they count as unassigned.
    await assignFollower(own.reviewerActor, { orgUnitId: own.ward.id, userId: "" });
    expect((await workload()).unassigned).toEqual({ branches: 2, waitingDrafts: 2 });
    expect(await testDb().auditEvent.count({ where: { action: "follower.unassigned", orgUnitId: own.ward.id } })).toBe(1);
    await expect(getFollowerBoard(foreign, {})).resolves.toMatchObject({ wards: expect.not.arrayContaining([expect.objectContaining({ id: own.ward.id })]) });
  });

  it("a soft claim: two reviewers opening the same draft each see the other, until the claim goes stale", async () => {
    const { own, specialist, specialistActor, foreign } = await setup();
    const { id: draftId } = await submitDraftVersion(own.secretaryActor, { period: openPeriod(), body: groundedDraft(own.branches[0].name) });
    setClock("2026-11-18T03:00:00Z");
    expect((await claimDraftReview(own.reviewerActor, draftId)).others).toEqual([]);
    setClock("2026-11-18T03:02:00Z");
    const second = await claimDraftReview(specialistActor, draftId);
    expect(second.others).toEqual([{ userId: own.reviewer.id, name: own.reviewer.displayName, seenAt: new Date("2026-11-18T03:00:00Z") }]);
    setClock("2026-11-18T03:04:00Z");
    expect((await claimDraftReview(own.reviewerActor, draftId)).others).toEqual([{ userId: specialist.id, name: specialist.displayName, seenAt: new Date("2026-11-18T03:02:00Z") }]);
    // Not a lock: the ward reads the draft and leaves no claim; it sees none either.
    expect((await claimDraftReview(own.wardActor, draftId)).others).toEqual([]);
    expect(await testDb().draftReviewClaim.count({ where: { draftId } })).toBe(2);
    // Five minutes after the specialist last opened it, their claim has gone stale (exactly five is still fresh).
    setClock("2026-11-18T03:07:00Z");
    expect((await claimDraftReview(own.reviewerActor, draftId)).others.map((other) => other.userId)).toEqual([specialist.id]);
    setClock("2026-11-18T03:07:01Z");
    expect((await claimDraftReview(own.reviewerActor, draftId)).others).toEqual([]);
    // Another district's board: the draft does not exist for it.
    await expect(claimDraftReview(foreign, draftId)).rejects.toBeInstanceOf(NotFoundError);
    setClock(T);
  });
});

describe("demo followers", () => {
  it("the demo district's wards are followed by the board's accounts in turn, the last ward by nobody, two branches by a leader", async () => {
    const db = testDb();
    const district = await db.orgUnit.findUniqueOrThrow({ where: { code: "LB" } });
    const wards = await db.orgUnit.findMany({ where: { parentId: district.id, level: "WARD", code: { startsWith: "LB-" } }, orderBy: { id: "asc" } });
    const demo = await db.followAssignment.findMany({ where: { assignedByLabel: "bantochuc" }, orderBy: { orgUnitId: "asc" } });
    const users = new Map((await db.user.findMany({ where: { id: { in: demo.map((row) => row.userId) } } })).map((user) => [user.id, user.username]));
    const byUnit = new Map(demo.map((row) => [row.orgUnitId, users.get(row.userId)]));
    expect(wards.slice(0, 4).map((ward) => byUnit.get(ward.id))).toEqual(["bantochuc", "chuyenvien-1", "chuyenvien-2", "bantochuc"]);
    expect(byUnit.get(wards[wards.length - 1].id)).toBeUndefined();
    expect([...byUnit.values()].filter((username) => username === "lanhdao")).toHaveLength(2);
  });
});
