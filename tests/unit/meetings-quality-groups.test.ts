// The three quality groups a roll-up shows per unit and month: held and meeting the criteria,
// held but missing some, not held; the quarter's thematic meeting counts once the quarter is over.
import { quarterJudged, sumFigures } from "@/lib/meetings/figures";

const none = { DURATION: 0, COMMITTEE_PREPARED: 0, SCHEDULE_AHEAD: 0, DOCUMENTS_AHEAD: 0, ATTENDANCE: 0, NO_UNEXCUSED: 0, MINUTES: 0 };

function cell(extra: Partial<Parameters<typeof sumFigures>[0][number]> = {}) {
  return { branches: 10, held: 8, present: 80, expected: 90, usedHandbook: 4, thematic: 0, qualityFailed: 3, noThematicInQuarter: 5, noThematicOtherwiseMet: 2, failures: { ...none, DURATION: 2, SCHEDULE_AHEAD: 1 }, ...extra };
}

describe("quality groups", () => {
  it("splits the branches into met, missing some and not held while the quarter runs", () => {
    const figures = sumFigures([cell()], "2026-10", 5, "2026-11-06");
    expect(figures).toMatchObject({ branches: 10, held: 8, qualityMet: 5, qualityMissing: 3, notHeld: 2, missing: 2 });
    expect(figures.qualityMet + figures.qualityMissing + figures.notHeld).toBe(figures.branches);
    expect(figures.failures).toMatchObject({ DURATION: 2, SCHEDULE_AHEAD: 1, THEMATIC_IN_QUARTER: 0 });
    expect(figures.topFailure).toMatchObject({ criterion: "DURATION", label: "Đủ thời lượng", branches: 2 });
  });

  it("a quarter without a thematic meeting fails once it is over, and in its last month", () => {
    const after = sumFigures([cell()], "2026-10", 5, "2027-01-02");
    expect(after).toMatchObject({ qualityMet: 3, qualityMissing: 5 });
    expect(after.failures.THEMATIC_IN_QUARTER).toBe(5);
    expect(after.topFailure?.criterion).toBe("THEMATIC_IN_QUARTER");
    expect(sumFigures([cell()], "2026-12", 5, "2026-12-10")).toMatchObject({ qualityMissing: 5 });
    expect(quarterJudged("2026-11", "2026-12-31")).toBe(false);
    expect(quarterJudged("2026-11", "2027-01-01")).toBe(true);
    expect(quarterJudged("2026-12", "2026-12-01")).toBe(true);
  });

  it("sums several units; no meeting held means no group but not held, and no top failure", () => {
    const sum = sumFigures([cell(), cell({ branches: 3, held: 0, qualityFailed: 0, noThematicInQuarter: 0, noThematicOtherwiseMet: 0, failures: none })], "2026-10", 5, "2026-11-02");
    expect(sum).toMatchObject({ branches: 13, held: 8, notHeld: 5, pending: 5, missing: 0, qualityMet: 5, qualityMissing: 3 });
    const empty = sumFigures([{ branches: 2, held: 0, present: 0, expected: 0, usedHandbook: 0, thematic: 0 }], "2026-10", 5, "2026-11-06");
    expect(empty).toMatchObject({ qualityMet: 0, qualityMissing: 0, notHeld: 2, topFailure: null });
  });
});
