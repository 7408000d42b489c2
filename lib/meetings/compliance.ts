import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getSetting } from "@/lib/settings/app-settings";
import type { TreeMode } from "@/lib/org/tree-sql";
import { quarterOf, type Period } from "@/lib/periods/period";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { MISSING_MEETING_DEADLINE_DAY } from "./settings";
import { lastMonths, meetingDeadline, meetingState } from "./rules";
import type { MeetingState } from "./labels";
import { findUnitInScope } from "@/lib/org/org-units";
import { loadComplianceCells, loadStatCells, rankBranchesByMissingMonths, type ComplianceCell } from "./compliance-cells";
import { loadQualityThresholds } from "./meeting-quality";
import { figuresOfMonth, sumFigures, type ComplianceFigures } from "./figures";
import { todayIso } from "@/lib/format/date";

export type { ComplianceFigures };

type UnitRef = { id: number; code: string; name: string; level: OrgLevel };

async function unitsById(ids: number[]): Promise<Map<number, UnitRef>> {
  if (!ids.length) return new Map();
  const units = await db().$queryRaw<UnitRef[]>`
    SELECT id, code, name, level FROM "OrgUnit" WHERE id = ANY(${ids}::int[]) ORDER BY name COLLATE vi_natural, code`;
  return new Map(units.map((unit) => [unit.id, unit]));
}

function ref(unit: UnitRef): UnitRef {
  return { id: unit.id, code: unit.code, name: unit.name, level: unit.level };
}

type Options = { orgUnitId?: number; period: Period; now?: Date };

/** The unit in scope and the rules that judge its months, read side by side: one round trip instead of three. */
async function unitInScopeWithRules(actor: Actor, orgUnitId: number | undefined) {
  const [unit, deadlineDay, thresholds] = await Promise.all([findUnitInScope(actor, orgUnitId, "meeting.read"), getSetting(MISSING_MEETING_DEADLINE_DAY), loadQualityThresholds()]);
  return { unit, deadlineDay, thresholds };
}

/** One row per child unit of the node for the period (GET /api/v1/meetings/compliance). */
export async function getComplianceByChild(actor: Actor, options: Options & { tree?: TreeMode }) {
  const { unit, deadlineDay, thresholds } = await unitInScopeWithRules(actor, options.orgUnitId);
  const today = todayIso(options.now);
  // The roll-up kept on write groups by the tree as it stood in the period; today's tree is computed live.
  const cells = options.tree === "current" ? await loadComplianceCells(unit, [options.period], thresholds, "children", undefined, "current") : await loadStatCells(unit, [options.period], thresholds);
  const units = await unitsById(cells.map((cell) => cell.childId));
  const items = [...units.values()].map((child) => {
    const own = cells.filter((cell) => cell.childId === child.id);
    const figures = sumFigures(own, options.period, deadlineDay, today);
    const state: MeetingState | null = child.level === "BRANCH" ? meetingState(options.period, figures.held > 0, deadlineDay, today) : null;
    return { orgUnit: ref(child), ...figures, state, heldOn: own[0]?.heldOn ?? null };
  });
  return {
    orgUnit: ref(unit),
    period: options.period,
    deadline: meetingDeadline(options.period, deadlineDay),
    totals: sumFigures(cells, options.period, deadlineDay, today),
    items,
  };
}

/**
 * The meeting-compliance summary of a node for a period, for dashboards
 * (leaders' dashboard): branches, held, missing, pending, attendance rate,
 * and branches whose meeting used the handbook app.
 */
export async function getMeetingComplianceSummary(actor: Actor, options: { orgUnitId?: number; period: Period; now?: Date }) {
  const { unit, deadlineDay, thresholds } = await unitInScopeWithRules(actor, options.orgUnitId);
  const today = todayIso(options.now);
  const figures = sumFigures(await loadStatCells(unit, [options.period], thresholds), options.period, deadlineDay, today);
  return {
    orgUnit: ref(unit),
    period: options.period,
    deadline: meetingDeadline(options.period, deadlineDay),
    branches: figures.branches,
    held: figures.held,
    missing: figures.missing,
    pending: figures.pending,
    attendanceRate: figures.attendanceRate,
    usedHandbook: figures.usedHandbook,
    usedHandbookRate: figures.held > 0 ? figures.usedHandbook / figures.held : null,
    qualityMet: figures.qualityMet,
    qualityMissing: figures.qualityMissing,
    notHeld: figures.notHeld,
  };
}

export type HeatCell = ComplianceFigures & { period: Period; state: MeetingState | null; heldOn: Date | null };
export type HeatRow = { unit: UnitRef; cells: HeatCell[]; missingMonths: number; missingBranchMonths: number };

function heatRows(units: Map<number, UnitRef>, cells: ComplianceCell[], periods: Period[], deadlineDay: number, today: string): HeatRow[] {
  const byChild = new Map<number, Map<Period, ComplianceCell>>();
  for (const cell of cells) {
    if (!byChild.has(cell.childId)) byChild.set(cell.childId, new Map());
    byChild.get(cell.childId)!.set(cell.period, cell);
  }
  const months = periods.map((period) => ({ period, figures: figuresOfMonth(period, deadlineDay, today) }));
  return [...units.values()].map((unit) => {
    const own = byChild.get(unit.id) ?? new Map();
    const row = months.map(({ period, figures: figuresOf }) => {
      const cell = own.get(period);
      const figures = figuresOf(cell ? [cell] : []);
      const state = unit.level === "BRANCH" && figures.branches > 0 ? meetingState(period, figures.held > 0, deadlineDay, today) : null;
      return Object.assign(figures, { period, state, heldOn: cell?.heldOn ?? null });
    });
    return { unit: ref(unit), cells: row, missingMonths: row.reduce((sum, cell) => sum + (cell.missing > 0 ? 1 : 0), 0), missingBranchMonths: row.reduce((sum, cell) => sum + cell.missing, 0) };
  });
}

/**
 * What the compliance page shows for a node: figures of the period, one row per
 * child unit, the child × month heat map and the trend over `months` months,
 * and thematic meetings per quarter.
 */
export async function getComplianceOverview(actor: Actor, options: Options & { months?: number }) {
  const { unit, deadlineDay, thresholds } = await unitInScopeWithRules(actor, options.orgUnitId);
  const today = todayIso(options.now);
  const periods = lastMonths(options.period, options.months);
  const cells = await loadStatCells(unit, periods, thresholds);
  const units = await unitsById([...new Set(cells.map((cell) => cell.childId))]);
  const rows = heatRows(units, cells, periods, deadlineDay, today);
  const cellsByPeriod = new Map<Period, ComplianceCell[]>();
  for (const cell of cells) {
    if (!cellsByPeriod.has(cell.period)) cellsByPeriod.set(cell.period, []);
    cellsByPeriod.get(cell.period)!.push(cell);
  }
  const trend = periods.map((period) => ({ period, ...sumFigures(cellsByPeriod.get(period) ?? [], period, deadlineDay, today) }));
  const current = trend[trend.length - 1];
  return {
    unit: ref(unit),
    unitPath: unit.path,
    period: options.period,
    deadline: meetingDeadline(options.period, deadlineDay),
    totals: current,
    children: rows.map((row) => ({ unit: row.unit, ...row.cells[row.cells.length - 1] })),
    heatMap: { periods, rows },
    trend,
    quarters: thematicByQuarter(cells, periods),
  };
}

/**
 * Branches that held at least one thematic meeting, per quarter of the window: the quarter as far
 * as its last month in the window (meetings of its months before the window count too, so a
 * quarter cut by the window's start is judged as the rule judges it), branches as the tree was then.
 */
function thematicByQuarter(cells: ComplianceCell[], periods: Period[]) {
  const lastOfQuarter = new Map<string, Period>();
  for (const period of periods) lastOfQuarter.set(quarterOf(period), period);
  return [...lastOfQuarter.entries()].map(([quarter, period]) => {
    const month = cells.filter((cell) => cell.period === period);
    return {
      quarter,
      branches: month.reduce((sum, cell) => sum + cell.branches, 0),
      thematic: month.reduce((sum, cell) => sum + cell.thematicQuarterToDate, 0),
      months: periods.filter((p) => quarterOf(p) === quarter).length,
    };
  }).filter((row) => row.branches > 0);
}

/**
 * Each branch under the node × month, the branches with the most missing
 * months first (chronically missing branches on top), one page at a time:
 * the ranking and the paging happen in SQL, the cells are loaded for the page only.
 */
export async function getBranchHeatMap(actor: Actor, options: Options & { months?: number; page?: number; pageSize?: number; onlyMissing?: boolean }) {
  const { unit, deadlineDay, thresholds } = await unitInScopeWithRules(actor, options.orgUnitId);
  const today = todayIso(options.now);
  const periods = lastMonths(options.period, options.months);
  const latePeriods = periods.filter((period) => meetingState(period, false, deadlineDay, today) === "MISSING");
  const pageSize = options.pageSize ?? 50;
  const page = options.page ?? 1;
  const ranking = await rankBranchesByMissingMonths(unit, periods, latePeriods, { page, pageSize, onlyMissing: options.onlyMissing });
  const [cells, units, parents] = await Promise.all([
    ranking.branchIds.length ? loadComplianceCells(unit, periods, thresholds, "branches", ranking.branchIds) : Promise.resolve([]),
    unitsById(ranking.branchIds),
    parentsOf(ranking.branchIds),
  ]);
  const rows = heatRows(units, cells, periods, deadlineDay, today);
  const order = new Map(ranking.branchIds.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.unit.id)! - order.get(b.unit.id)!);
  return { periods, total: ranking.total, page, pageSize, rows: rows.map((row) => ({ ...row, parent: parents.get(row.unit.id) ?? null })) };
}

async function parentsOf(branchIds: number[]): Promise<Map<number, { id: number; name: string }>> {
  if (!branchIds.length) return new Map();
  const rows = await db().$queryRaw<{ branch_id: number; id: number; name: string }[]>`
    SELECT b.id AS branch_id, p.id, p.name FROM "OrgUnit" b JOIN "OrgUnit" p ON p.id = b."parentId" WHERE b.id = ANY(${branchIds}::int[])`;
  return new Map(rows.map((row) => [row.branch_id, { id: row.id, name: row.name }]));
}
