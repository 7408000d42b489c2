import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { HandbookHomePanel } from "@/components/stats/handbook-home-panel";
import { BranchMeetingsPanel, MeetingCompliancePanel } from "@/components/meetings/home-panels";
import { BranchDraftHomePanel, DraftReviewHomePanel } from "@/components/drafts/home-panels";

export type HomePanel = { key: string; roles: Role[]; /** Shown on the placeholder while the panel loads. */ title: string; Panel: (props: { actor: Actor }) => Promise<React.ReactNode> | React.ReactNode };

// Feature areas register the panels each role sees on the home page (drafts to
// review, feedback inbox, meetings to record, adoption figures).
export const HOME_PANELS: HomePanel[] = [
  { key: "handbook", title: "Sổ tay đảng viên điện tử", roles: ["LEADER", "BOARD_REVIEWER", "WARD_COMMITTEE", "ADMIN"], Panel: HandbookHomePanel },
  { key: "meetings-branch", title: "Sinh hoạt chi bộ", roles: ["BRANCH_SECRETARY"], Panel: BranchMeetingsPanel },
  { key: "meetings-compliance", title: "Sinh hoạt chi bộ", roles: ["BOARD_REVIEWER", "WARD_COMMITTEE", "LEADER"], Panel: MeetingCompliancePanel },
  { key: "drafts-review", title: "Dự thảo nghị quyết", roles: ["BOARD_REVIEWER", "WARD_COMMITTEE", "LEADER"], Panel: DraftReviewHomePanel },
  { key: "drafts-branch", title: "Dự thảo nghị quyết", roles: ["BRANCH_SECRETARY"], Panel: BranchDraftHomePanel },
];
