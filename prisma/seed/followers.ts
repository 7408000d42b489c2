// Demo followers: the board's specialists and one upper-level committee member
// follow Long Biên's wards and a few branches, so that "Chi bộ tôi phụ trách",
// the "assigned to me" queue filter and the workload table have something to show.
// Deterministic: the same plan gives the same assignments.
import type { DemoSeedStep } from "./index";

/** The board's accounts that follow wards, in turn; the last ward is left unassigned (the board sees the gap). */
const DEMO_FOLLOWERS = ["bantochuc", "chuyenvien-1", "chuyenvien-2"] as const;
/** An upper-level committee member (a district leader) who follows two branches of the first ward on their own. */
const DEMO_BRANCH_FOLLOWER = "lanhdao";

export const followersSeedStep: DemoSeedStep = {
  name: "người theo dõi chi bộ",
  async run({ client, plan, log }) {
    const district = plan.units.find((unit) => unit.code === "LB" && unit.level === "DISTRICT");
    if (!district) return;
    const userId = new Map(plan.users.map((user) => [user.username, user.id]));
    const boardId = userId.get("bantochuc");
    const wards = plan.units.filter((unit) => unit.parentId === district.id && unit.level === "WARD").sort((a, b) => a.id - b.id);
    const rows: [number, number][] = [];
    wards.slice(0, -1).forEach((ward, index) => rows.push([ward.id, userId.get(DEMO_FOLLOWERS[index % DEMO_FOLLOWERS.length])!]));
    const branchFollower = userId.get(DEMO_BRANCH_FOLLOWER);
    if (branchFollower && wards.length) {
      const firstBranches = plan.units.filter((unit) => unit.parentId === wards[0].id && unit.level === "BRANCH").sort((a, b) => a.id - b.id).slice(0, 2);
      for (const branch of firstBranches) rows.push([branch.id, branchFollower]);
    }
    for (const [orgUnitId, follower] of rows) {
      await client.query(`INSERT INTO "FollowAssignment" ("orgUnitId", "userId", "assignedById", "assignedByLabel") VALUES ($1, $2, $3, 'bantochuc')`, [orgUnitId, follower, boardId ?? null]);
    }
    log(`Phân công theo dõi: ${rows.length} đơn vị`);
  },
};
