import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation/parse";
import { auditActionFilter } from "./labels";
import { lenientPageParam } from "@/lib/validation/pagination";

export const AUDIT_PAGE_SIZE = 100;

const AuditFilterSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(64).optional().catch(undefined),
  page: lenientPageParam,
});

/** Newest first; events about units outside the actor's scope are not listed. */
export async function listAuditEvents(actor: Actor, rawFilter: unknown) {
  assertCan(actor, "audit.read");
  const filter = parseInput(AuditFilterSchema, rawFilter);
  const scopedUnitIds =
    actor.scopePath === "/" ? undefined : (await db().orgUnit.findMany({ where: { path: { startsWith: actor.scopePath } }, select: { id: true } })).map((unit) => unit.id);
  const where: Prisma.AuditEventWhereInput = {
    ...(scopedUnitIds ? { orgUnitId: { in: scopedUnitIds } } : {}),
    ...(filter.action ? { action: auditActionFilter(filter.action) } : {}),
    ...(filter.actor ? { actorLabel: { contains: filter.actor, mode: "insensitive" } } : {}),
  };
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (filter.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return { filter, total, events: events.map((event) => ({ ...event, id: event.id.toString() })) };
}
