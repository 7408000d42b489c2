// Two scopes for the security tests: "own" (a new ward of the demo district,
// with one account per role, all scoped so that this ward is theirs) and
// "foreign" (a new district with a ward, a branch and the same objects).
// Each holds a submitted draft with a comment and a review (so feedback), and
// a recorded meeting: the ids the authorization matrix fills into paths.
import crypto from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";
import { actorOf, createTestWard, createUser, uniqueSuffix } from "./factories";
import { testDb } from "./db";
import { groundedDraft, openPeriod } from "./drafts-factories";
import { attendance } from "./meetings-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { refreshStatsFor } from "./stats-factories";
import type { ScopeIds } from "./route-matrix";
import { todayIso } from "@/lib/format/date";

async function createUnit(data: { code: string; name: string; level: "CITY" | "DISTRICT" | "WARD" | "BRANCH" }, parent: { id: number; path: string }) {
  const db = testDb();
  const created = await db.orgUnit.create({ data: { ...data, parentId: parent.id, path: "/", depth: parent.path.split("/").filter(Boolean).length, validFrom: new Date("2020-01-01") } });
  return db.orgUnit.update({ where: { id: created.id }, data: { path: `${parent.path}${created.id}/` } });
}

/** A district of its own under the demo city, with one ward, one branch of five members, a secretary and a reviewer. */
async function createForeignDistrict() {
  const city = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "HN" } });
  const suffix = uniqueSuffix();
  const district = await createUnit({ code: `SX-${suffix}`, name: `Quận Ngoài phạm vi ${suffix}`, level: "DISTRICT" }, city);
  const ward = await createUnit({ code: `SX-${suffix}-P`, name: `Phường Ngoài phạm vi ${suffix}`, level: "WARD" }, district);
  const branch = await createUnit({ code: `SX-${suffix}-P-01`, name: `Chi bộ Ngoài phạm vi (${suffix})`, level: "BRANCH" }, ward);
  await testDb().member.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({ code: `${branch.code}-${i + 1}`, branchId: branch.id, fullName: `Đảng viên ngoài ${i + 1} ${suffix}`, status: "ACTIVE" as const, eligibleForHandbook: true, joinedBranchOn: new Date("2015-01-01") })),
  });
  const secretary = await createUser("BRANCH_SECRETARY", branch.id);
  const reviewer = await createUser("BOARD_REVIEWER", district.id);
  return { district, ward, branch, secretary, reviewer };
}

/** A draft with a comment and a review (so a feedback), and a recorded meeting, in one branch. */
async function fillBranch(branch: { id: number; name: string }, secretary: Parameters<typeof actorOf>[0], reviewer: Parameters<typeof actorOf>[0]) {
  const secretaryActor = await actorOf(secretary);
  const reviewerActor = await actorOf(reviewer);
  const period = openPeriod();
  const { id: draft } = await submitDraftVersion(secretaryActor, { period, body: groundedDraft(branch.name) });
  const { id: comment } = await addDraftComment(reviewerActor, draft, { body: "Góp ý cho kiểm thử bảo mật." });
  const { feedbackId: feedback } = await submitDraftReview(reviewerActor, draft, { decision: "CHANGES_REQUESTED", summary: "Sửa lại cho cụ thể.", expectedVersionNo: 1 });
  const today = todayIso();
  const members = await testDb().member.findMany({ where: { branchId: branch.id }, orderBy: { code: "asc" } });
  const recorded = await recordMeeting(secretaryActor, { branchId: branch.id, period: today.slice(0, 7), kind: "REGULAR", heldOn: today, usedHandbook: true, attendance: attendance(members) });
  return { period, draft, comment, feedback, meeting: recorded.meeting.id, meetingPeriod: today.slice(0, 7) };
}

export type SecurityScopes = Awaited<ReturnType<typeof createSecurityScopes>>;

export async function createSecurityScopes(label = "Bảo mật") {
  const own = await createTestWard(label);
  const users: Record<Role, { id: number; username: string }> = {
    ADMIN: await createUser("ADMIN", own.district.id),
    BOARD_REVIEWER: await createUser("BOARD_REVIEWER", own.district.id),
    LEADER: await createUser("LEADER", own.district.id),
    WARD_COMMITTEE: own.wardUser,
    BRANCH_SECRETARY: own.secretary,
  };
  const ownObjects = await fillBranch(own.branches[0], own.secretary, await testDb().user.findUniqueOrThrow({ where: { id: users.BOARD_REVIEWER.id }, include: { orgUnit: true } }));
  const foreign = await createForeignDistrict();
  const foreignObjects = await fillBranch(foreign.branch, foreign.secretary, foreign.reviewer);
  await refreshStatsFor([...own.branches.map((branch) => branch.id), foreign.branch.id]);
  const ids: Record<"own" | "foreign", ScopeIds> = {
    own: { district: own.district.id, ward: own.ward.id, branch: own.branches[0].id, user: own.wardUser.id, importJob: crypto.randomUUID(), ...ownObjects },
    foreign: { district: foreign.district.id, ward: foreign.ward.id, branch: foreign.branch.id, user: foreign.secretary.id, importJob: crypto.randomUUID(), ...foreignObjects },
  };
  /** The ids a role uses: a secretary's own "ward" is its branch (its scope root). */
  const idsFor = (role: Role, scope: "own" | "foreign"): ScopeIds => (role === "BRANCH_SECRETARY" && scope === "own" ? { ...ids.own, ward: ids.own.branch } : ids[scope]);
  return { own, foreign, users, ids, idsFor };
}
