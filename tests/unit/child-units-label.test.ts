// Since the 2025 reform the city's children are wards and communes, not districts: tables and
// documents name a unit's children by the level they are at, not by the parent's level.
import { childUnitsLabel } from "@/lib/org/labels";
import { draftReviewReportBody, type DraftReviewReportFigures } from "@/lib/documents/draft-review-report";

const counts = { branches: 4, submitted: 3, onTime: 2, late: 1, missing: 1, notDue: 0, awaitingReview: 1, approved: 1, changesRequested: 1, flagged: 0, proposedFlagged: 0, unacknowledged: 0, unacknowledgedOverdue: 0, openComments: 0 };

function cityReport(children: DraftReviewReportFigures["children"]): DraftReviewReportFigures {
  return {
    unit: { id: 1, code: "HN", name: "Thành phố Hà Nội", level: "CITY" },
    period: "2026-12",
    deadline: "2026-11-25T16:59:59.999Z",
    totals: counts,
    children,
    flags: { FORMALISTIC: 0, NOT_GROUNDED: 0, TEMPLATE_COPY: 0, PREVIOUS_COPY: 0, GUIDANCE_MISSED: 0 },
    feedback: { sent: 1, acknowledged: 0 },
    notable: [],
  };
}

const firstColumn = (figures: DraftReviewReportFigures) => {
  const table = draftReviewReportBody(figures).blocks.find((block) => block.kind === "table");
  return table && "columns" in table ? table.columns[0] : undefined;
};

describe("the name of a unit's children", () => {
  it("follows the children's own level, and says 'units' when a tree in transition holds two levels", () => {
    expect(childUnitsLabel("CITY", ["WARD", "WARD"])).toBe("Phường, xã");
    expect(childUnitsLabel("CITY", ["DISTRICT"])).toBe("Quận, huyện");
    expect(childUnitsLabel("CITY", ["DISTRICT", "WARD"])).toBe("Đơn vị trực thuộc");
    expect(childUnitsLabel("DISTRICT", ["WARD"])).toBe("Phường, xã");
    expect(childUnitsLabel("WARD", ["BRANCH"])).toBe("Chi bộ");
    // Without children the parent's level decides, as before.
    expect(childUnitsLabel("CITY", [])).toBe("Quận, huyện");
    expect(childUnitsLabel("WARD", [])).toBe("Chi bộ");
  });

  it("a city report over wards heads its table 'Phường, xã'; one issued before children carried a level keeps its heading", () => {
    const ward = { ...counts, name: "Phường Bồ Đề", level: "WARD" as const };
    expect(firstColumn(cityReport([ward]))).toBe("Phường, xã");
    const { level: _level, ...withoutLevel } = ward;
    expect(firstColumn(cityReport([withoutLevel]))).toBe("Quận, huyện");
  });
});
