import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { isPeriod } from "@/lib/periods/period";
import { NotFoundError } from "@/lib/errors";
import { findUnitInScope } from "@/lib/org/org-units";
import { getSetting, getSettings } from "@/lib/settings/app-settings";
import { resubmissionOf, submissionDeadline, timelinessOf } from "./deadlines";
import { now } from "@/lib/clock";
import { RESUBMIT_DAYS, SUBMISSION_DEADLINE_DAY } from "./settings";

/** A branch's drafts, newest period first (the secretary's own list). */
export async function listBranchDrafts(actor: Actor, branchId = actor.orgUnitId) {
  assertCan(actor, "draft.read");
  const branch = await findUnitInScope(actor, branchId, "org.read");
  if (branch.level !== "BRANCH") throw new NotFoundError("Không tìm thấy chi bộ.");
  const deadlineDay = await getSetting(SUBMISSION_DEADLINE_DAY);
  const drafts = await db().draft.findMany({ where: { branchId: branch.id }, orderBy: { period: "desc" }, take: 36 });
  return {
    branch,
    drafts: drafts.map((draft) => ({ ...draft, timeliness: timelinessOf(draft.firstSubmittedAt, submissionDeadline(draft.period, deadlineDay)) })),
  };
}

/**
 * The draft of a branch for a period (the target of the QR code on a
 * meeting's printout): the draft, or the branch with `draft: null` when it
 * has not been submitted. Out of scope: not found.
 */
export async function findBranchDraft(actor: Actor, branchId: number, period: string) {
  assertCan(actor, "draft.read");
  if (!isPeriod(period)) throw new NotFoundError("Kỳ không hợp lệ.");
  const branch = await findUnitInScope(actor, branchId, "org.read");
  if (branch.level !== "BRANCH") throw new NotFoundError("Không tìm thấy chi bộ.");
  const draft = await db().draft.findUnique({ where: { branchId_period: { branchId: branch.id, period } }, select: { id: true, status: true, reviewedAt: true, lastSubmittedAt: true } });
  const [deadlineDay, resubmitDays] = await getSettings([SUBMISSION_DEADLINE_DAY, RESUBMIT_DAYS]);
  // The home page only needs a resubmission still to come: the latest decision of a CHANGES_REQUESTED draft is that request.
  const resubmission = draft?.status === "CHANGES_REQUESTED" ? resubmissionOf({ ...draft, lastDecision: draft.status }, resubmitDays, now()) : null;
  return { branch, draft, deadline: submissionDeadline(period, deadlineDay), resubmission };
}
