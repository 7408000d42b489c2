import "server-only";
import { db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";

/** The latest restructuring events, newest effective date first (administrators). */
export async function listRestructurings(actor: Actor, limit = 20) {
  assertCan(actor, "org.restructure");
  const events = await db().orgRestructuring.findMany({
    orderBy: [{ effectiveDate: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), 100),
    include: { links: { select: { fromUnitId: true, toUnitId: true, kind: true }, take: 1, orderBy: { id: "asc" } } },
  });
  return events.map((event) => {
    const details = event.details as { moves?: { branches?: number; members?: number; users?: number; openFeedback?: number } } | null;
    const first = event.links[0];
    return {
      ...eventFields(event),
      moves: details?.moves ?? null,
      // The unit whose history page tells this event best: the successor of a merge, the split unit, the unit itself.
      unitId: first ? (first.kind === "MERGED_INTO" ? first.toUnitId : first.fromUnitId) : null,
    };
  });
}

type EventRow = { id: number; type: string; effectiveDate: Date; summary: string; actorLabel: string; createdAt: Date };

/** What every listing of a restructuring shows of it. */
export function eventFields<E extends EventRow>(event: E): Pick<E, keyof EventRow> {
  return { id: event.id, type: event.type, effectiveDate: event.effectiveDate, summary: event.summary, actorLabel: event.actorLabel, createdAt: event.createdAt };
}
