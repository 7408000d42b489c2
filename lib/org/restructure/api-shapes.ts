import "server-only";
import type { RestructureOutcome } from "./restructure-org-units";
import type { UnitHistory } from "./get-unit-history";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** POST /api/v1/org-units/restructure: `{ event, moves }` (docs/api.md), plus the units created, closed and moved. */
export function restructureResponse(outcome: RestructureOutcome) {
  return {
    preview: outcome.preview,
    event: outcome.event,
    moves: outcome.moves,
    created: outcome.created,
    closed: outcome.closed,
    renamed: outcome.renamed,
    moved: outcome.moved,
    accounts: outcome.accounts,
    warnings: outcome.warnings,
  };
}

/** GET /api/v1/org-units/ID/history. */
export function historyResponse(history: UnitHistory) {
  const unitRef = (unit: { id: number; code: string; name: string; level: string; validTo: Date | null }) => ({ id: unit.id, code: unit.code, name: unit.name, level: unit.level, validTo: day(unit.validTo) });
  return {
    unit: { ...history.unit, validFrom: day(history.unit.validFrom), validTo: day(history.unit.validTo) },
    placements: history.placements.map((placement) => ({ validFrom: day(placement.validFrom), validTo: day(placement.validTo), name: placement.name, parent: placement.parent ? unitRef(placement.parent) : null, eventId: placement.eventId })),
    events: history.events.map((event) => ({
      id: event.id,
      type: event.type,
      effectiveDate: day(event.effectiveDate),
      summary: event.summary,
      actor: event.actorLabel,
      createdAt: event.createdAt.toISOString(),
      links: event.links.map((link) => ({ kind: link.kind, from: unitRef(link.from), to: link.to ? unitRef(link.to) : null })),
    })),
    predecessors: history.predecessors.map((unit) => ({ ...unitRef(unit), kind: unit.kind, effectiveDate: day(unit.effectiveDate) })),
    successors: history.successors.map((unit) => ({ ...unitRef(unit), kind: unit.kind, effectiveDate: day(unit.effectiveDate) })),
  };
}
