// Writes a planned data set with COPY (fast at city scale) on one connection
// inside the caller's transaction.
import type pg from "pg";
import { copyRows, resetSequences } from "../../lib/db/copy";
import type { PlanBuilder } from "./plan";
import { now as clockNow } from "../../lib/clock";

export async function writePlan(client: pg.ClientBase, plan: PlanBuilder, passwordHash: string, passwordChangedAt: Date, log: (message: string) => void): Promise<void> {
  const now = clockNow();
  await copyRows(
    client,
    "OrgUnit",
    ["id", "code", "name", "level", "parentId", "path", "depth", "validFrom", "createdAt", "updatedAt"],
    plan.units.map((u) => [u.id, u.code, u.name, u.level, u.parentId, u.path, u.depth, u.validFrom, now, now]),
  );
  // A trigger wrote each unit's first placement (restructuring history): fresh statistics keep the
  // roll-ups over placements on index plans (without them the city's monthly roll-ups took 10× longer).
  await client.query(`ANALYZE "OrgUnit", "OrgUnitPlacement"`);
  log(`Đơn vị: ${plan.units.length.toLocaleString("vi-VN")}`);
  const chunk = 50_000;
  for (let start = 0; start < plan.members.length; start += chunk) {
    await copyRows(
      client,
      "Member",
      ["id", "code", "branchId", "fullName", "gender", "birthYear", "status", "eligibleForHandbook", "handbookInstalledAt", "joinedBranchOn", "leftBranchOn", "createdAt", "updatedAt"],
      plan.members.slice(start, start + chunk).map((m) => [m.id, m.code, m.branchId, m.fullName, m.gender, m.birthYear, m.status, m.eligibleForHandbook, m.handbookInstalledAt, m.joinedBranchOn, m.leftBranchOn, now, now]),
    );
    const done = Math.min(plan.members.length, start + chunk);
    log(`Đảng viên: ${done.toLocaleString("vi-VN")} / ${plan.members.length.toLocaleString("vi-VN")} (${Math.round((done / plan.members.length) * 100)}%)`);
  }
  // One hash for every demo account: they share the demo password, and hundreds of Argon2id hashes would take minutes.
  await copyRows(
    client,
    "User",
    ["id", "username", "displayName", "passwordHash", "role", "orgUnitId", "passwordChangedAt", "createdAt", "updatedAt"],
    plan.users.map((u) => [u.id, u.username, u.displayName, passwordHash, u.role, u.orgUnitId, passwordChangedAt, now, now]),
  );
  log(`Tài khoản demo: ${plan.users.length.toLocaleString("vi-VN")}`);
  await resetSequences(client, ["OrgUnit", "Member", "User"]);
}
