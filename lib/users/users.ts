import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, inScope, orgUnitScopeWhere, scopePattern, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { hashPassword, passwordProblems, verifyPassword } from "@/lib/auth/password";
import { ROLE_SCOPE_LEVELS } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse";
import { attemptPassword, MAX_FAILED_LOGINS } from "@/lib/auth/sign-in";
import { formatDateTime } from "@/lib/format/date";
import { ChangeOwnPasswordSchema, CreateUserSchema, ResetPasswordSchema, UserFilterSchema } from "./schemas";

export const USERS_PAGE_SIZE = 50;

function assertPasswordAcceptable(password: string, username?: string, field = "password"): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new ValidationError(problems[0], problems.map((message) => ({ field, message })));
}

async function findUserInScope(actor: Actor, userId: number) {
  assertCan(actor, "user.manage");
  const user = Number.isSafeInteger(userId) ? await db().user.findUnique({ where: { id: userId }, include: { orgUnit: true } }) : null;
  if (!user || !inScope(actor, user.orgUnit.path)) throw new NotFoundError("Không tìm thấy người dùng.");
  return user;
}

export async function listUsers(actor: Actor, rawFilter: unknown) {
  assertCan(actor, "user.manage");
  const filter = parseInput(UserFilterSchema, rawFilter);
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    orgUnit: orgUnitScopeWhere(actor),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.status === "active" ? { active: true } : {}),
    ...(filter.status === "disabled" ? { active: false } : {}),
    ...(filter.status === "locked" ? { lockedUntil: { gt: now } } : {}),
    ...(filter.q
      ? {
          OR: [
            { username: { contains: filter.q, mode: "insensitive" } },
            { displayName: { contains: filter.q, mode: "insensitive" } },
            { orgUnit: { name: { contains: filter.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const [total, users] = await Promise.all([
    db().user.count({ where }),
    db().user.findMany({
      where,
      include: { orgUnit: { select: { id: true, name: true, code: true, level: true } } },
      orderBy: [{ role: "asc" }, { username: "asc" }],
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
  ]);
  return {
    filter,
    total,
    users: users.map(({ passwordHash: _hash, ...user }) => ({ ...user, locked: !!user.lockedUntil && user.lockedUntil > now })),
  };
}

export async function getUser(actor: Actor, userId: number) {
  const { passwordHash: _hash, ...user } = await findUserInScope(actor, userId);
  const sessions = await db().authSession.count({ where: { userId, revokedAt: null, expiresAt: { gt: new Date() } } });
  return { ...user, activeSessions: sessions, locked: !!user.lockedUntil && user.lockedUntil > new Date() };
}

export async function createUser(actor: Actor, rawInput: unknown): Promise<{ id: number }> {
  assertCan(actor, "user.manage");
  const input = parseInput(CreateUserSchema, rawInput);
  assertPasswordAcceptable(input.password, input.username);
  const unit = await db().orgUnit.findUnique({ where: { code: input.orgUnitCode } });
  if (!unit || !inScope(actor, unit.path) || unit.validTo) {
    throw new ValidationError("Đơn vị không hợp lệ.", [{ field: "orgUnitCode", message: "Không có đơn vị nào mang mã này." }]);
  }
  if (!ROLE_SCOPE_LEVELS[input.role].includes(unit.level)) {
    throw new ValidationError("Vai trò không phù hợp với cấp của đơn vị.", [
      { field: "orgUnitCode", message: "Vai trò này cần một đơn vị cấp khác (ví dụ: Đảng ủy phường cần một phường, Bí thư chi bộ cần một chi bộ)." },
    ]);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username: input.username, displayName: input.displayName, role: input.role, orgUnitId: unit.id, passwordHash, mustChangePassword: true, passwordChangedAt: new Date() },
      });
      await recordAuditEvent(tx, actor, {
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        orgUnitId: unit.id,
        details: { username: user.username, role: user.role },
      });
      return { id: user.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ValidationError("Tên đăng nhập đã được dùng.", [{ field: "username", message: "Tên đăng nhập đã được dùng." }]);
    }
    throw error;
  }
}

/** Disabling also ends the user's sessions: they are signed out on their next request. */
export async function setUserActive(actor: Actor, userId: number, active: boolean): Promise<void> {
  const user = await findUserInScope(actor, userId);
  if (user.id === actor.id && actor.kind === "user" && !active) {
    throw new ConflictError("Không thể tự vô hiệu hóa tài khoản đang đăng nhập.");
  }
  if (user.active === active) return;
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { active } });
    if (!active) await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, actor, { action: active ? "user.enabled" : "user.disabled", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId });
  });
}

/** Sets a temporary password the user must change at next sign-in; clears a lock-out and ends sessions. */
export async function resetUserPassword(actor: Actor, rawInput: unknown): Promise<void> {
  const input = parseInput(ResetPasswordSchema, rawInput);
  const user = await findUserInScope(actor, input.userId);
  assertPasswordAcceptable(input.password, user.username);
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null },
    });
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, actor, { action: "user.password_reset", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId });
  });
}

export async function unlockUser(actor: Actor, userId: number): Promise<void> {
  const user = await findUserInScope(actor, userId);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
    await recordAuditEvent(tx, actor, { action: "user.unlocked", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId });
  });
}

/**
 * Any signed-in user changes their own password; other sessions of theirs end.
 * The current password is checked like a sign-in (attemptPassword): wrong ones
 * count towards the same lock, so a stolen session cannot guess it without limit.
 */
export async function changeOwnPassword(actor: Actor, rawInput: unknown, currentSessionId?: string): Promise<void> {
  if (actor.kind !== "user") throw new NotFoundError();
  const input = parseInput(ChangeOwnPasswordSchema, rawInput);
  const account = await db().user.findUnique({ where: { id: actor.id }, select: { username: true } });
  if (!account) throw new NotFoundError();
  assertPasswordAcceptable(input.newPassword, account.username, "newPassword");
  // Hashed before the account is held: the row lock lasts one password check, not two.
  const passwordHash = await hashPassword(input.newPassword);
  const attempt = await attemptPassword({ id: actor.id }, input.currentPassword, { ip: actor.ip ?? null, userAgent: actor.userAgent ?? null, during: "password_change" }, async (tx, user) => {
    if (await verifyPassword(user.passwordHash, input.newPassword)) return "unchanged" as const;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), failedLoginCount: 0 } });
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, actor, { action: "user.password_changed", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId });
    return "changed" as const;
  });
  if (attempt.outcome === "unknown") throw new NotFoundError();
  if (attempt.outcome === "locked" || (attempt.outcome === "wrong" && attempt.lockedUntil)) {
    const until = attempt.outcome === "locked" ? attempt.user.lockedUntil : attempt.lockedUntil;
    const message = `Nhập sai mật khẩu hiện tại quá ${MAX_FAILED_LOGINS} lần: tài khoản tạm khóa đến ${formatDateTime(until)}.`;
    throw new ValidationError(message, [{ field: "currentPassword", message }]);
  }
  if (attempt.outcome === "wrong") {
    throw new ValidationError("Mật khẩu hiện tại không đúng.", [{ field: "currentPassword", message: "Mật khẩu hiện tại không đúng." }]);
  }
  if (attempt.value === "unchanged") {
    throw new ValidationError("Mật khẩu mới phải khác mật khẩu hiện tại.", [{ field: "newPassword", message: "Mật khẩu mới phải khác mật khẩu hiện tại." }]);
  }
}

/** Units an administrator can attach a user or token to, for the pickers. */
export async function listAssignableUnits(actor: Actor) {
  assertCan(actor, "user.manage");
  return db().$queryRaw<{ id: number; code: string; name: string; level: string; path: string }[]>`
    SELECT id, code, name, level, path FROM "OrgUnit"
    WHERE "validTo" IS NULL AND path LIKE ${scopePattern(actor)}
    ORDER BY path`;
}
