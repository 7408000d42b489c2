import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { auditActor, type Actor } from "@/lib/auth/actor";

type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  orgUnitId?: number | null;
  details?: Prisma.InputJsonValue;
};

/** Writes one audit event inside the caller's transaction, so the event and the change commit together. */
export async function recordAuditEvent(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...auditActor(actor),
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId == null ? null : String(input.entityId),
      orgUnitId: input.orgUnitId ?? null,
      details: input.details,
    },
  });
}

/** For events with no acting user yet (failed sign-ins). */
export async function recordAnonymousAuditEvent(
  tx: Tx,
  input: AuditInput & { actorLabel: string; actorUserId?: number | null; ip?: string | null; userAgent?: string | null },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorUserId: input.actorUserId ?? null,
      actorLabel: input.actorLabel,
      ip: input.ip ?? null,
      userAgent: input.userAgent ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId == null ? null : String(input.entityId),
      orgUnitId: input.orgUnitId ?? null,
      details: input.details,
    },
  });
}
