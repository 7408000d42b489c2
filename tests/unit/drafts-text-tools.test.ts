import { anchorFor, findQuote, locateAnchor } from "@/lib/drafts/anchors";
import { diffStats, wordDiff } from "@/lib/drafts/word-diff";
import { cleanPastedText } from "@/lib/drafts/skeleton";
import { reviewPeriodAt, submissionDeadline, timelinessOf } from "@/lib/drafts/deadlines";
import { foldedSearchPhrase, searchTextOf } from "@/lib/drafts/search-query";

describe("passage anchors", () => {
  const v1 = "I. KẾT QUẢ\n- Vận động 40 hộ tổng vệ sinh.\n- Thu quỹ Vì người nghèo.\nII. NHIỆM VỤ\n- Thu quỹ Vì người nghèo.";
  it("follow their passage into a later version where the text survives", () => {
    const start = v1.indexOf("Vận động 40 hộ");
    const anchor = anchorFor(v1, start, start + "Vận động 40 hộ".length);
    const v2 = `Dòng mới chèn ở đầu.\n${v1}`;
    const located = locateAnchor(v2, anchor)!;
    expect(v2.slice(located.start, located.end)).toBe("Vận động 40 hộ");
  });

  it("pick the occurrence whose context matches when a passage repeats, and are outdated when it is gone", () => {
    const second = v1.lastIndexOf("Thu quỹ Vì người nghèo");
    const anchor = anchorFor(v1, second, second + "Thu quỹ Vì người nghèo".length);
    const v2 = v1.replace("I. KẾT QUẢ", "I. KẾT QUẢ THÁNG 11");
    const located = locateAnchor(v2, anchor)!;
    expect(located.start).toBe(v2.lastIndexOf("Thu quỹ Vì người nghèo"));
    expect(locateAnchor(v2.replaceAll("Thu quỹ Vì người nghèo", "Thu quỹ khuyến học"), anchor)).toBeNull();
  });

  it("find a quote typed with different spacing", () => {
    const found = findQuote(v1, "Vận  động 40\nhộ");
    expect(found && v1.slice(found.start, found.end)).toBe("Vận động 40 hộ");
    expect(findQuote(v1, "không có đoạn này")).toBeNull();
  });
});

describe("word diff", () => {
  it("rebuilds both versions and counts words added and removed", () => {
    const before = "Tổ chức tổng vệ sinh ngõ 8.";
    const after = "Tổ chức tổng vệ sinh ngõ 8 và ngõ 12; đồng chí Lan phụ trách.";
    const segments = wordDiff(before, after);
    expect(segments.filter((s) => s.kind !== "added").map((s) => s.text).join("")).toBe(before);
    expect(segments.filter((s) => s.kind !== "removed").map((s) => s.text).join("")).toBe(after);
    const stats = diffStats(segments);
    expect(stats.added).toBeGreaterThanOrEqual(7);
  });
});

describe("pasting from Word", () => {
  it("keeps paragraphs and turns bullets, tabs and non-breaking spaces into plain text", () => {
    const pasted = "I. KẾT QUẢ\r\n•\tVận động 40 hộ\r\n\tThu\u00a0quỹ\r\n\r\n\r\n\r\n-   Lắp camera";
    expect(cleanPastedText(pasted)).toBe("I. KẾT QUẢ\n- Vận động 40 hộ\n Thu quỹ\n\n- Lắp camera");
  });
});

describe("deadlines and review periods", () => {
  it("counts a draft on time until the end of the deadline day in Hà Nội", () => {
    const deadline = submissionDeadline("2026-12", 25);
    expect(deadline.toISOString()).toBe("2026-11-25T16:59:59.999Z");
    expect(timelinessOf(new Date("2026-11-25T16:00:00Z"), deadline)).toBe("ON_TIME");
    expect(timelinessOf(new Date("2026-11-25T17:30:00Z"), deadline)).toBe("LATE");
    expect(timelinessOf(null, deadline, new Date("2026-11-26T00:00:00Z"))).toBe("MISSING");
    expect(timelinessOf(null, deadline, new Date("2026-11-20T00:00:00Z"))).toBe("NOT_DUE");
    expect(submissionDeadline("2026-03", 30).toISOString().slice(0, 10)).toBe("2026-02-28");
  });

  it("moves to next month's drafts ten days before the deadline day", () => {
    expect(reviewPeriodAt(new Date("2026-11-26T03:00:00Z"), 25)).toBe("2026-12");
    expect(reviewPeriodAt(new Date("2026-11-05T03:00:00Z"), 25)).toBe("2026-11");
  });
});

describe("search text", () => {
  it("matches with or without diacritics as a phrase", () => {
    const stored = searchTextOf("Nghị quyết", "Phòng cháy,\n  chữa cháy");
    expect(stored).toBe("nghi quyet phong chay, chua chay");
    expect(stored.includes(foldedSearchPhrase("PHÒNG CHÁY")!)).toBe(true);
    expect(stored.includes(foldedSearchPhrase("phong chay")!)).toBe(true);
    expect(foldedSearchPhrase("  ,, ")).toBeNull();
  });
});

describe("word diff of a rewritten sentence", () => {
  it("shows the old words as one deletion and the new ones as one insertion", () => {
    const segments = wordDiff("- Tiếp tục thực hiện tốt công tác vệ sinh.\n- Khác.", "- Tổng vệ sinh ngõ 8 vào Chủ nhật ngày 10/1.\n- Khác.");
    const changed = segments.filter((segment) => segment.kind !== "same");
    expect(changed.length).toBeLessThanOrEqual(4);
    expect(segments.filter((s) => s.kind !== "added").map((s) => s.text).join("")).toBe("- Tiếp tục thực hiện tốt công tác vệ sinh.\n- Khác.");
    expect(segments.filter((s) => s.kind !== "removed").map((s) => s.text).join("")).toBe("- Tổng vệ sinh ngõ 8 vào Chủ nhật ngày 10/1.\n- Khác.");
  });
});
