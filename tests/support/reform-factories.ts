// Restructuring test data: two wards of the demo district with meetings in a past
// month, handbook roll-ups, an open feedback, and an administrator.
import { actorOf, createTestWard, createUser, demoDistrict, uniqueSuffix } from "./factories";
import { attendance, on } from "./meetings-factories";
import { openPeriod, uniqueDraft } from "./drafts-factories";
import { refreshStatsFor } from "./stats-factories";
import { testDb } from "./db";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";

export const PAST = "2026-10";

export async function createAdminActor() {
  return actorOf(await createUser("ADMIN", (await demoDistrict()).id));
}

/** A ward with both branches' October meetings recorded (one member absent in the second). */
export async function createReformWard(label: string) {
  const ward = await createTestWard(label);
  for (const [index, branch] of ward.branches.entries()) {
    const members = await testDb().member.findMany({ where: { branchId: branch.id }, orderBy: { code: "asc" } });
    const secretary = index === 0 ? ward.secretaryActor : await actorOf(await createUser("BRANCH_SECRETARY", branch.id));
    const marks = index === 1 ? { [members[0].id]: { status: "UNEXCUSED" as const } } : {};
    await recordMeeting(secretary, { branchId: branch.id, period: PAST, kind: "REGULAR", heldOn: "2026-10-12", usedHandbook: index === 0, attendance: attendance(members, marks) }, { now: on("2026-10-20") });
  }
  await refreshStatsFor(ward.branches.map((branch) => branch.id));
  return ward;
}

/** An unacknowledged request for changes on the ward's first branch: feedback the ward committee has to answer. */
export async function openFeedbackOn(ward: Awaited<ReturnType<typeof createTestWard>>) {
  const reviewer = await actorOf(await createUser("BOARD_REVIEWER", ward.district.id));
  const { id } = await submitDraftVersion(ward.secretaryActor, { period: openPeriod(), body: uniqueDraft(ward.branches[0].name) });
  return submitDraftReview(reviewer, id, { decision: "CHANGES_REQUESTED", summary: "Đề nghị bổ sung số liệu cụ thể.", expectedVersionNo: 1 });
}

export function newCode(prefix = "R"): string {
  return `${prefix}-${uniqueSuffix()}`;
}
