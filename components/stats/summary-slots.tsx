import type { Actor } from "@/lib/auth/actor";

// Part 2 of issue 5: leaders see, on the same page, a summary of the two other
// areas for the unit and month of the dashboard. Those areas are built in
// parallel; these two slots render nothing until the lead wires them:
//
//   DraftReviewSummarySlot       → getDraftReviewSummary(actor, { orgUnitId, period })
//                                  (lib/drafts), linking to the review list of that unit and month
//   MeetingComplianceSummarySlot → getMeetingComplianceSummary(actor, { orgUnitId, period })
//                                  (lib/meetings), linking to the compliance page
//
// Each should render one `section card` (heading, three or four figures, a link),
// or null when the actor's role may not read that area (can(actor.role, "draft.read") /
// "meeting.read"). The dashboard lays them out side by side in `.stats-summaries`.

type SlotProps = { actor: Actor; orgUnitId: number; period: string };

/** PLACEHOLDER (issue 5, part 2): review progress of the month's drafts. Renders nothing yet. */
export async function DraftReviewSummarySlot(_props: SlotProps): Promise<React.ReactNode> {
  return null;
}

/** PLACEHOLDER (issue 5, part 2): meeting compliance of the month. Renders nothing yet. */
export async function MeetingComplianceSummarySlot(_props: SlotProps): Promise<React.ReactNode> {
  return null;
}
