// Figures of a set of branches for a period (pure: shared by the roll-ups and their unit tests).
import type { Period } from "@/lib/periods/period";
import { meetingState } from "./rules";

type Cell = { branches: number; held: number; present: number; expected: number; usedHandbook: number; thematic: number };

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
};


const EMPTY: Omit<ComplianceFigures, "missing" | "pending" | "attendanceRate"> = { branches: 0, held: 0, present: 0, expected: 0, usedHandbook: 0, thematic: 0 };

export function sumFigures(cells: Cell[], period: Period, deadlineDay: number, today: string): ComplianceFigures {
  const sum = { ...EMPTY };
  for (const cell of cells) {
    sum.branches += cell.branches;
    sum.held += cell.held;
    sum.present += cell.present;
    sum.expected += cell.expected;
    sum.usedHandbook += cell.usedHandbook;
    sum.thematic += cell.thematic;
  }
  const notHeld = sum.branches - sum.held;
  const late = meetingState(period, false, deadlineDay, today) === "MISSING";
  return { ...sum, missing: late ? notHeld : 0, pending: late ? 0 : notHeld, attendanceRate: sum.expected > 0 ? sum.present / sum.expected : null };
}

