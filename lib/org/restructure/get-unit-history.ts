import "server-only";
import type { LineageKind, OrgLevel, RestructureType } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { inScope, type Actor } from "@/lib/auth/actor";
import { eventFields } from "./list-restructurings";
import { findUnitInScope } from "@/lib/org/org-units";

export type HistoryUnit = { id: number; code: string; name: string; level: OrgLevel; validTo: Date | null; inScope: boolean };
export type UnitHistory = {
  unit: { id: number; code: string; name: string; level: OrgLevel; validFrom: Date; validTo: Date | null; path: string };
  placements: { validFrom: Date; validTo: Date | null; name: string; parent: HistoryUnit | null; eventId: number | null }[];
  events: {
    id: number;
    type: RestructureType;
    effectiveDate: Date;
    summary: string;
    actorLabel: string;
    createdAt: Date;
    links: { kind: LineageKind; from: HistoryUnit; to: HistoryUnit | null }[];
  }[];
  predecessors: (HistoryUnit & { kind: LineageKind; effectiveDate: Date })[];
  successors: (HistoryUnit & { kind: LineageKind; effectiveDate: Date })[];
};

/** A unit's placements over time, the events that touched it, and its predecessors and successors. */
export async function getUnitHistory(actor: Actor, unitId: number): Promise<UnitHistory> {
  const unit = await findUnitInScope(actor, unitId, "org.read");
  const placements = await db().orgUnitPlacement.findMany({ where: { unitId: unit.id }, orderBy: [{ validFrom: "asc" }, { id: "asc" }] });
  const links = await db().orgLineageLink.findMany({
    where: { OR: [{ fromUnitId: unit.id }, { toUnitId: unit.id }] },
    select: { eventId: true },
  });
  const eventIds = [...new Set([...links.map((link) => link.eventId), ...placements.map((placement) => placement.eventId).filter((id): id is number => id !== null)])];
  const events = await db().orgRestructuring.findMany({
    where: { id: { in: eventIds } },
    include: { links: { orderBy: { id: "asc" } } },
    orderBy: [{ effectiveDate: "desc" }, { id: "desc" }],
  });
  const unitIds = new Set<number>();
  for (const placement of placements) if (placement.parentId) unitIds.add(placement.parentId);
  for (const event of events) for (const link of event.links) {
    unitIds.add(link.fromUnitId);
    if (link.toUnitId) unitIds.add(link.toUnitId);
  }
  const units = await db().orgUnit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, code: true, name: true, level: true, validTo: true, path: true } });
  const byId = new Map(units.map((other) => [other.id, { id: other.id, code: other.code, name: other.name, level: other.level, validTo: other.validTo, inScope: inScope(actor, other.path) }]));
  const lookup = (id: number): HistoryUnit => byId.get(id) ?? { id, code: "?", name: `#${id}`, level: "WARD", validTo: null, inScope: false };
  const predecessors: UnitHistory["predecessors"] = [];
  const successors: UnitHistory["successors"] = [];
  for (const event of events) {
    for (const link of event.links) {
      if (link.kind !== "MERGED_INTO" && link.kind !== "SPLIT_INTO") continue;
      if (link.toUnitId === unit.id) predecessors.push({ ...lookup(link.fromUnitId), kind: link.kind, effectiveDate: event.effectiveDate });
      if (link.fromUnitId === unit.id && link.toUnitId) successors.push({ ...lookup(link.toUnitId), kind: link.kind, effectiveDate: event.effectiveDate });
    }
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, validFrom: unit.validFrom, validTo: unit.validTo, path: unit.path },
    placements: placements.map((placement) => ({
      validFrom: placement.validFrom,
      validTo: placement.validTo,
      name: placement.name,
      parent: placement.parentId ? lookup(placement.parentId) : null,
      eventId: placement.eventId,
    })),
    events: events.map((event) => ({
      ...eventFields(event),
      // Links of big events (a merge moving hundreds of units) are listed only where they touch this unit.
      links: event.links
        .filter((link) => link.fromUnitId === unit.id || link.toUnitId === unit.id || event.links.length <= 20)
        .map((link) => ({ kind: link.kind, from: lookup(link.fromUnitId), to: link.toUnitId ? lookup(link.toUnitId) : null })),
    })),
    predecessors,
    successors,
  };
}
