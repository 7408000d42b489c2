import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { ROLE_SCOPE_LEVELS } from "@/lib/auth/permissions";
import { generateTokenSecret, hashTokenSecret, TOKEN_PREFIX } from "./token-secret";
import { IssueApiTokenSchema, type IssueApiTokenInput } from "./schemas";
import { parseInput } from "@/lib/validation/parse";

const TOUCH_AFTER_MS = 60_000;

/** Issues a token for one org unit; the secret is returned once and only its hash is stored. */
export async function issueApiToken(actor: Actor, rawInput: unknown): Promise<{ id: number; secret: string }> {
  assertCan(actor, "token.manage");
  const input: IssueApiTokenInput = parseInput(IssueApiTokenSchema, rawInput);
  const field = input.orgUnitId !== undefined ? "orgUnitId" : "orgUnitCode";
  const unit = await db().orgUnit.findUnique({ where: input.orgUnitId !== undefined ? { id: input.orgUnitId } : { code: input.orgUnitCode } });
  if (!unit || !inScope(actor, unit.path) || unit.validTo) {
    throw new ValidationError("Đơn vị không hợp lệ.", [{ field, message: field === "orgUnitId" ? "Đơn vị đã chọn không còn hoạt động hoặc ngoài phạm vi." : "Không có đơn vị nào mang mã này." }]);
  }
  if (!ROLE_SCOPE_LEVELS[input.role].includes(unit.level)) {
    throw new ValidationError("Vai trò không phù hợp với cấp của đơn vị.", [{ field: "role", message: "Vai trò không phù hợp với cấp của đơn vị." }]);
  }
  const secret = generateTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const token = await db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenPrefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashTokenSecret(secret),
        role: input.role,
        orgUnitId: unit.id,
        createdById: actor.id,
        expiresAt,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "token.issued",
      entityType: "ApiToken",
      entityId: created.id,
      orgUnitId: unit.id,
      details: { name: input.name, role: input.role, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { id: token.id, secret };
}

export async function revokeApiToken(actor: Actor, tokenId: number): Promise<void> {
  assertCan(actor, "token.manage");
  const token = await db().apiToken.findUnique({ where: { id: tokenId }, include: { orgUnit: true } });
  if (!token || !inScope(actor, token.orgUnit.path)) throw new NotFoundError("Không tìm thấy mã truy cập.");
  if (token.revokedAt) return;
  await db().$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, actor, { action: "token.revoked", entityType: "ApiToken", entityId: tokenId, orgUnitId: token.orgUnitId });
  });
}

export async function listApiTokens(actor: Actor) {
  assertCan(actor, "token.manage");
  const tokens = await db().apiToken.findMany({
    where: actor.scopePath === "/" ? {} : { orgUnit: { path: { startsWith: actor.scopePath } } },
    include: { orgUnit: { select: { id: true, name: true, code: true } }, createdBy: { select: { username: true } } },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return tokens.map(({ tokenHash: _hash, ...token }) => token);
}

/** The actor an `Authorization: Bearer` secret stands for, or null when unknown, revoked or expired. */
export async function resolveApiToken(secret: string, meta: { ip?: string; userAgent?: string } = {}): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await db().apiToken.findUnique({ where: { tokenHash: hashTokenSecret(secret) }, include: { orgUnit: true } });
  const now = new Date();
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || token.orgUnit.validTo) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: "token",
    id: token.id,
    label: `token:${token.name}`,
    displayName: token.name,
    role: token.role,
    orgUnitId: token.orgUnitId,
    scopePath: token.orgUnit.path,
    scopeLevel: token.orgUnit.level,
    ...meta,
  };
}
