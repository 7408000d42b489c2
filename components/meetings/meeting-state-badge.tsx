import { Badge, badgeMarkup, type BadgeTone } from "@/components/ui/badge";
import { MEETING_STATE_LABELS, type MeetingState } from "@/lib/meetings/labels";

const TONES: Record<MeetingState, BadgeTone> = { HELD: "ok", MISSING: "bad", PENDING: "neutral" };

export function MeetingStateBadge({ state }: { state: MeetingState }) {
  return <Badge tone={TONES[state]}>{MEETING_STATE_LABELS[state]}</Badge>;
}

/** The same badge inside a table written as markup. */
export function meetingStateBadgeMarkup(state: MeetingState) {
  return badgeMarkup(TONES[state], MEETING_STATE_LABELS[state]);
}
