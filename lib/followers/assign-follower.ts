import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createNotification } from "@/lib/notifications/create-notification";
import { findUnitInScope } from "@/lib/org/org-units";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { AssignFollowerSchema, FollowerAssignmentBodySchema, ReassignFollowerSchema, type AssignFollowerInput } from "./schemas";
import { mayFollow } from "./rules";

type Unit = { id: number; name: string; path: string; level: string };

/** A ward or branch in force in the actor's scope; anything else is "not found". */
async function findFollowableUnit(actor: Actor, orgUnitId: number) {
  const unit = await findUnitInScope(actor, orgUnitId, "org.read");
  if ((unit.level !== "WARD" && unit.level !== "BRANCH") || unit.validTo) throw new NotFoundError("Không tìm thấy phường hoặc chi bộ.");
  return unit;
}

/**
 * The user who is to follow: active, of a follower role, an account of the actor's
 * scope, and whose own scope covers every unit given (following never widens access).
 * Anyone else gets the same message, so the answer does not reveal other wards' accounts.
 */
async function findFollower(actor: Actor, userId: number, units: Unit[], field: string) {
  const user = await db().user.findUnique({ where: { id: userId }, include: { orgUnit: { select: { path: true } } } });
  if (!user || !user.active || !inScope(actor, user.orgUnit.path)) {
    throw new ValidationError("Không tìm thấy người theo dõi này.", [{ field, message: "Chọn một chuyên viên hoặc cấp ủy viên trong danh sách." }]);
  }
  const outside = units.find((unit) => !mayFollow(user.role, user.orgUnit.path, unit.path));
  if (outside) {
    const message = `${user.displayName} không thể theo dõi ${outside.name}: đơn vị nằm ngoài phạm vi tài khoản của người này.`;
    throw new ValidationError(message, [{ field, message }]);
  }
  return user;
}

async function notifyFollower(tx: Tx, actor: Actor, userId: number, units: Unit[]) {
  await createNotification(tx, {
    userIds: [userId],
    kind: "follower.assigned",
    title: units.length === 1 ? `Anh/chị được giao theo dõi ${units[0].name}` : `Anh/chị được giao theo dõi ${units.length} đơn vị`,
    body: units.map((unit) => unit.name).join(", "),
    href: "/follow",
    orgUnitId: units.length === 1 ? units[0].id : null,
    exceptUserId: actor.kind === "user" ? actor.id : null,
  });
}

/**
 * The board assigns a ward or a branch to a follower, moves it to another, or
 * (userId null) removes the assignment. One follower per unit; a branch without
 * its own follows its ward's.
 */
export async function assignFollower(actor: Actor, raw: unknown) {
  assertCan(actor, "follower.assign");
  return assign(actor, parseInput(AssignFollowerSchema, raw));
}

/**
 * The API's assignment of one unit (PUT /followers/assignments/{id}): the body is
 * `{ userId }`, required (an empty body never unassigns), null removes it. The body
 * is checked before the unit: a bad body is 400 whatever the path; a path that is
 * no id (`orgUnitId` -1) is not found.
 */
export async function assignUnitFollower(actor: Actor, orgUnitId: number, body: unknown) {
  assertCan(actor, "follower.assign");
  const { userId } = parseInput(FollowerAssignmentBodySchema, body);
  if (orgUnitId < 0) throw new NotFoundError("Không tìm thấy phường hoặc chi bộ.");
  return assign(actor, { orgUnitId, userId });
}

async function assign(actor: Actor, input: AssignFollowerInput) {
  const unit = await findFollowableUnit(actor, input.orgUnitId);
  const follower = input.userId === null ? null : await findFollower(actor, input.userId, [unit], "userId");
  return db().$transaction(async (tx) => {
    const existing = await tx.followAssignment.findUnique({ where: { orgUnitId: unit.id } });
    if ((existing?.userId ?? null) === (follower?.id ?? null)) return { orgUnitId: unit.id, userId: follower?.id ?? null, changed: false };
    const by = { assignedById: actor.kind === "user" ? actor.id : null, assignedByLabel: actor.label };
    if (!follower) {
      await tx.followAssignment.delete({ where: { orgUnitId: unit.id } });
    } else {
      await tx.followAssignment.upsert({ where: { orgUnitId: unit.id }, create: { orgUnitId: unit.id, userId: follower.id, ...by }, update: { userId: follower.id, ...by } });
      await notifyFollower(tx, actor, follower.id, [unit]);
    }
    const action = !follower ? "follower.unassigned" : existing ? "follower.reassigned" : "follower.assigned";
    await recordAuditEvent(tx, actor, { action, entityType: "FollowAssignment", entityId: unit.id, orgUnitId: unit.id, details: { fromUserId: existing?.userId ?? null, toUserId: follower?.id ?? null } });
    return { orgUnitId: unit.id, userId: follower?.id ?? null, changed: true };
  });
}

/**
 * Moves everything one follower follows within the actor's scope to another
 * (rebalancing the workload). Nothing moves unless the new follower may follow every unit.
 */
export async function reassignFollowerWork(actor: Actor, raw: unknown) {
  assertCan(actor, "follower.assign");
  const input = parseInput(ReassignFollowerSchema, raw);
  const assignments = await db().followAssignment.findMany({ where: { userId: input.fromUserId }, orderBy: { orgUnitId: "asc" } });
  const units = (await db().orgUnit.findMany({ where: { id: { in: assignments.map((row) => row.orgUnitId) } }, select: { id: true, name: true, path: true, level: true } })).filter((unit) => inScope(actor, unit.path));
  if (!units.length) throw new NotFoundError("Không tìm thấy đơn vị nào người này theo dõi trong phạm vi của bạn.");
  const follower = await findFollower(actor, input.toUserId, units, "toUserId");
  return db().$transaction(async (tx) => {
    const by = { assignedById: actor.kind === "user" ? actor.id : null, assignedByLabel: actor.label };
    const { count } = await tx.followAssignment.updateMany({ where: { userId: input.fromUserId, orgUnitId: { in: units.map((unit) => unit.id) } }, data: { userId: follower.id, ...by } });
    for (const unit of units) {
      await recordAuditEvent(tx, actor, { action: "follower.reassigned", entityType: "FollowAssignment", entityId: unit.id, orgUnitId: unit.id, details: { fromUserId: input.fromUserId, toUserId: follower.id } });
    }
    await notifyFollower(tx, actor, follower.id, units);
    return { moved: count, toUserId: follower.id };
  });
}
