import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { HandbookHomePanel } from "@/components/stats/handbook-home-panel";
import { BranchMeetingsPanel, MeetingCompliancePanel } from "@/components/meetings/home-panels";
import { BranchDraftHomePanel, DraftReviewHomePanel } from "@/components/drafts/home-panels";

/** A panel shows when the role has `permission` and lacks `unless` (a branch's own panel replaces the overview). */
export type HomePanel = { key: string; permission: Permission; unless?: Permission; /** Shown on the placeholder while the panel loads. */ title: string; Panel: (props: { actor: Actor }) => Promise<React.ReactNode> | React.ReactNode };

// Feature areas register the panels of the home page (drafts to review, feedback
// inbox, meetings to record, adoption figures), gated by the one permission map.
const HOME_PANELS: HomePanel[] = [
  { key: "handbook", title: "Sổ tay đảng viên điện tử", permission: "stats.read", Panel: HandbookHomePanel },
  { key: "meetings-branch", title: "Sinh hoạt chi bộ", permission: "meeting.record", Panel: BranchMeetingsPanel },
  { key: "meetings-compliance", title: "Sinh hoạt chi bộ", permission: "meeting.read", unless: "meeting.record", Panel: MeetingCompliancePanel },
  { key: "drafts-review", title: "Dự thảo nghị quyết", permission: "draft.read", unless: "draft.submit", Panel: DraftReviewHomePanel },
  { key: "drafts-branch", title: "Dự thảo nghị quyết", permission: "draft.submit", Panel: BranchDraftHomePanel },
];

export function homePanelsFor(role: Role): HomePanel[] {
  return HOME_PANELS.filter((panel) => can(role, panel.permission) && !(panel.unless && can(role, panel.unless)));
}
