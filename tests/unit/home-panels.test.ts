// The home page's panels follow the permission map, not lists of roles.
import { homePanelsFor } from "@/components/home/home-panels";

const keys = (role: Parameters<typeof homePanelsFor>[0]) => homePanelsFor(role).map((panel) => panel.key);

describe("home panels", () => {
  it("an administrator, who may read meetings and drafts, sees the overviews", () => {
    expect(keys("ADMIN")).toEqual(["handbook", "meetings-compliance", "drafts-review"]);
  });

  it("a branch secretary sees the branch's own panels instead of the overviews", () => {
    expect(keys("BRANCH_SECRETARY")).toEqual(["meetings-branch", "drafts-branch"]);
  });

  it("the board, a ward committee and a leader see the overviews", () => {
    for (const role of ["BOARD_REVIEWER", "WARD_COMMITTEE", "LEADER"] as const) expect(keys(role)).toEqual(["handbook", "meetings-compliance", "drafts-review"]);
  });
});
