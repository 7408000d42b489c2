import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { REVIEW_CLAIM_MINUTES } from "@/lib/followers/rules";
import { findDraftInScope } from "./find-draft-in-scope";

export type ReviewClaim = { userId: number; name: string; seenAt: Date };

/**
 * A reviewer has the draft open: a soft claim, not a lock. Opening the draft (or
 * the open page checking in) refreshes the reviewer's claim; the answer is the
 * other reviewers whose claim is fresh (seen within REVIEW_CLAIM_MINUTES), so each
 * sees that the other is reviewing it. Roles that do not review leave no claim and
 * see none.
 */
export async function claimDraftReview(actor: Actor, draftId: number): Promise<{ others: ReviewClaim[]; minutes: number }> {
  const draft = await findDraftInScope(actor, draftId);
  if (!can(actor.role, "draft.review") || actor.kind !== "user") return { others: [], minutes: REVIEW_CLAIM_MINUTES };
  const at = now();
  const freshSince = new Date(at.getTime() - REVIEW_CLAIM_MINUTES * 60_000);
  // The others' claims do not depend on this one: both go out at once.
  const [, others] = await Promise.all([
    db().draftReviewClaim.upsert({
      where: { draftId_userId: { draftId: draft.id, userId: actor.id } },
      create: { draftId: draft.id, userId: actor.id, userName: actor.displayName, seenAt: at },
      update: { userName: actor.displayName, seenAt: at },
    }),
    db().draftReviewClaim.findMany({
      where: { draftId: draft.id, userId: { not: actor.id }, seenAt: { gte: freshSince, lte: at } },
      orderBy: { seenAt: "asc" },
    }),
  ]);
  return { others: others.map((claim) => ({ userId: claim.userId, name: claim.userName, seenAt: claim.seenAt })), minutes: REVIEW_CLAIM_MINUTES };
}
