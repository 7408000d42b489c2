// Figures of a set of branches for a period (pure: shared by the roll-ups and their unit tests).
import { addMonths, quarterOf, type Period } from "@/lib/periods/period";
import { meetingState } from "./rules";
import { QUALITY_CRITERIA, QUALITY_CRITERION_LABELS, type QualityCriterion } from "./quality";

/** Criteria a roll-up counts per branch; the quarter's thematic meeting is derived when read. */
const COUNTED_CRITERIA = ["DURATION", "COMMITTEE_PREPARED", "SCHEDULE_AHEAD", "DOCUMENTS_AHEAD", "ATTENDANCE", "NO_UNEXCUSED", "MINUTES"] as const satisfies readonly QualityCriterion[];
export type CountedCriterion = (typeof COUNTED_CRITERIA)[number];

/** What a roll-up keeps about quality: held branches with another criterion failed, those without a thematic meeting in the quarter. */
export type QualityCounts = {
  qualityFailed: number;
  noThematicInQuarter: number;
  noThematicOtherwiseMet: number;
  failures: Record<CountedCriterion, number>;
};

type Cell = { branches: number; held: number; present: number; expected: number; usedHandbook: number; thematic: number } & Partial<QualityCounts>;

export type ComplianceFigures = {
  branches: number;
  held: number;
  /** Branches without a meeting once the deadline day of the next month has passed. */
  missing: number;
  /** Branches without a meeting before the deadline. */
  pending: number;
  present: number;
  expected: number;
  /** present / expected (members excused from meetings are not expected); null without meetings. */
  attendanceRate: number | null;
  /** Branches whose meeting used the handbook app. */
  usedHandbook: number;
  /** Branches that held a thematic meeting. */
  thematic: number;
  /** Held, and no criterion of the checklist failed (criteria the record cannot judge are not failures). */
  qualityMet: number;
  /** Held, but at least one criterion failed. */
  qualityMissing: number;
  /** Branches without a meeting record (missing + pending). */
  notHeld: number;
  /** Held branches per criterion failed (a branch once per criterion, whichever of its meetings failed it). */
  failures: Record<QualityCriterion, number>;
  /** The criterion failed by the most branches; null when none failed. */
  topFailure: { criterion: QualityCriterion; label: string; branches: number } | null;
};

/** Whether a missing thematic meeting already fails the quarter's criterion: the quarter's last month, or a later day. */
export function quarterJudged(period: Period, today: string): boolean {
  let last = period;
  while (quarterOf(addMonths(last, 1)) === quarterOf(period)) last = addMonths(last, 1);
  return period === last || today.slice(0, 7) > last;
}

function emptyFailures(): Record<QualityCriterion, number> {
  return Object.fromEntries(QUALITY_CRITERIA.map((criterion) => [criterion, 0])) as Record<QualityCriterion, number>;
}

export type FiguresOfMonth = (cells: Cell[]) => ComplianceFigures;

/**
 * Sums cells of one month: whether the month is late and its quarter judged are worked out once,
 * not per cell group (a city's heat map sums 12 months for each of its units).
 */
export function figuresOfMonth(period: Period, deadlineDay: number, today: string): FiguresOfMonth {
  const judged = quarterJudged(period, today);
  const late = meetingState(period, false, deadlineDay, today) === "MISSING";
  return (cells) => {
    let branches = 0, held = 0, present = 0, expected = 0, usedHandbook = 0, thematic = 0, qualityMissing = 0;
    const failures = emptyFailures();
    for (const cell of cells) {
      branches += cell.branches;
      held += cell.held;
      present += cell.present;
      expected += cell.expected;
      usedHandbook += cell.usedHandbook;
      thematic += cell.thematic;
      qualityMissing += (cell.qualityFailed ?? 0) + (judged ? (cell.noThematicOtherwiseMet ?? 0) : 0);
      if (cell.failures) for (const criterion of COUNTED_CRITERIA) failures[criterion] += cell.failures[criterion] ?? 0;
      if (judged) failures.THEMATIC_IN_QUARTER += cell.noThematicInQuarter ?? 0;
    }
    const notHeld = branches - held;
    let top: QualityCriterion | null = null;
    for (const criterion of QUALITY_CRITERIA) if (failures[criterion] > 0 && (top === null || failures[criterion] > failures[top])) top = criterion;
    return {
      branches,
      held,
      present,
      expected,
      usedHandbook,
      thematic,
      missing: late ? notHeld : 0,
      pending: late ? 0 : notHeld,
      attendanceRate: expected > 0 ? present / expected : null,
      qualityMet: held - qualityMissing,
      qualityMissing,
      notHeld,
      failures,
      topFailure: top ? { criterion: top, label: QUALITY_CRITERION_LABELS[top], branches: failures[top] } : null,
    };
  };
}

export function sumFigures(cells: Cell[], period: Period, deadlineDay: number, today: string): ComplianceFigures {
  return figuresOfMonth(period, deadlineDay, today)(cells);
}
