import fc from "fast-check";
import { foldText, tokenize, countWords, normalizeBody } from "@/lib/drafts/analyzer/text";
import { shingleText, jaccard, containment } from "@/lib/drafts/analyzer/shingles";
import { sharedPassages } from "@/lib/drafts/analyzer/passages";
import { estimateSimilarity, lshBuckets, minhashSignature } from "@/lib/drafts/analyzer/minhash";
import { analyzeText, compareTexts } from "@/lib/drafts/analyzer/analyze-text";
import { proposeFlags } from "@/lib/drafts/analyzer/propose-flags";
import { checkDirectives } from "@/lib/drafts/analyzer/directives";
import { draftSkeleton } from "@/lib/drafts/skeleton";
import { groundedDraft, templateDraft } from "../support/drafts-factories";
import { createRandom } from "@/prisma/seed/random";
import { districtTemplate, writeOwnDraft, writeTemplateCopy, writePreviousCopy, guidanceTopicsFor, LONG_BIEN_STREETS, type WriterContext } from "@/prisma/seed/draft-texts";

const similarity = (a: string, b: string) => compareTexts(shingleText(a), shingleText(b), false).score;

describe("words as the analyzer reads them", () => {
  it("folds case, diacritics and đ, turns numbers into # and keeps offsets into the original text", () => {
    const body = "Nghị quyết Đảng ủy: 25 hộ, HOÀ BÌNH";
    const tokens = tokenize(body);
    expect(tokens.map((token) => token.word)).toEqual(["nghi", "quyet", "dang", "uy", "#", "ho", "hoa", "binh"]);
    for (const token of tokens) expect(foldText(body.slice(token.start, token.end)).replace(/\d+/g, "#")).toBe(token.word);
    expect(foldText("hoà") === foldText("hòa")).toBe(true);
    expect(countWords("Nghị quyết số 12-NQ/CB")).toBe(6);
    expect(normalizeBody("a\r\nb  \n\n\n\nc\u00a0d")).toBe("a\nb\n\nc d");
  });
});

describe("similarity", () => {
  it("finds an exact copy with another branch's name, a near copy, and not an independent draft", () => {
    const original = templateDraft("Chi bộ Tổ dân phố số 3");
    const copy = templateDraft("Chi bộ Trường Tiểu học Ngọc Lâm");
    expect(similarity(original, copy)).toBeGreaterThanOrEqual(0.95);

    const near = original
      .replace("Các đoàn thể hoạt động có hiệu quả, phát huy vai trò trong vận động nhân dân.", "Hội Cựu chiến binh kết nạp 2 hội viên mới.")
      .replace("- Quan tâm chăm lo đời sống các gia đình chính sách, hộ có hoàn cảnh khó khăn.\n", "");
    const nearScore = similarity(original, near);
    expect(nearScore).toBeGreaterThan(0.6);
    expect(nearScore).toBeLessThan(0.95);

    expect(similarity(groundedDraft("Chi bộ A", "X1"), templateDraft("Chi bộ B"))).toBeLessThan(0.1);
  });

  it("does not count the mandatory form: two drafts that share only letterhead, legal bases and headings are not similar", () => {
    const a = `${draftSkeleton("Chi bộ Tổ dân phố số 1", "Phường Bồ Đề", "2026-12")}\n- Sửa 40 m rãnh thoát nước ngõ 8 phố Bồ Đề; đồng chí Lan phụ trách.`;
    const b = `${draftSkeleton("Chi bộ Tổ dân phố số 1", "Phường Bồ Đề", "2026-12")}\n- Mở lớp dạy bơi cho 30 cháu thiếu nhi tại Nhà văn hóa tổ 2.`;
    expect(similarity(a, b)).toBe(0);
    // The letterhead alone gives no shingles that count.
    expect(shingleText(draftSkeleton("Chi bộ Công an phường Thạch Bàn", "Phường Thạch Bàn", "2026-12")).set.length).toBe(0);
  });

  it("discounts the month's guidance quoted verbatim", () => {
    const guidance = "Tăng cường công tác phòng cháy, chữa cháy tại khu dân cư, nhà ở kết hợp kinh doanh, nhà trọ; kiểm tra điện sinh hoạt, trang bị bình chữa cháy.";
    const a = `CHI BỘ QUYẾT NGHỊ\n- ${guidance}\n- Sửa mái Nhà văn hóa tổ 5 trước ngày 20/12.`;
    const b = `CHI BỘ QUYẾT NGHỊ\n- ${guidance}\n- Trồng 40 cây xanh dọc phố Sài Đồng.`;
    expect(similarity(a, b)).toBeGreaterThan(0.3);
    const discount = shingleText(guidance).set;
    const withoutGuidance = compareTexts(shingleText(a, new Set(discount)), shingleText(b, new Set(discount)), false).score;
    expect(withoutGuidance).toBe(0);
  });

  it("explains itself: shared passages point at the same words in both texts", () => {
    const a = groundedDraft("Chi bộ Tổ dân phố số 2", "A7");
    const b = `Mở đầu khác.\n${a.split("\n").slice(14, 20).join("\n")}\nKết thúc khác với nhiều chữ khác hẳn nhau ở đây.`;
    const shingledA = shingleText(a);
    const shingledB = shingleText(b);
    const passages = sharedPassages(shingledA, shingledB);
    expect(passages.length).toBeGreaterThan(0);
    for (const passage of passages) {
      expect(foldText(a.slice(passage.start, passage.end)).replace(/\d+/g, "#")).toBe(foldText(b.slice(passage.otherStart, passage.otherEnd)).replace(/\d+/g, "#"));
      expect(passage.words).toBeGreaterThanOrEqual(8);
    }
    expect(containment(shingledB.set, shingledA.set)).toBeGreaterThan(0.7);
  });

  it("MinHash estimates the exact similarity and LSH puts near copies in a shared bucket", () => {
    const original = templateDraft("Chi bộ Tổ dân phố số 3");
    const near = original.replace("Một số đảng viên chưa phát huy hết vai trò tiên phong, gương mẫu.", "Đồng chí Hòa được khen thưởng.");
    const a = shingleText(original).set;
    const b = shingleText(near).set;
    const exact = jaccard(a, b);
    const estimate = estimateSimilarity(minhashSignature(a), minhashSignature(b));
    expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
    const bucketsA = lshBuckets(minhashSignature(a), a.length);
    const bucketsB = lshBuckets(minhashSignature(b), b.length);
    expect(bucketsA.some((bucket, band) => bucket === bucketsB[band])).toBe(true);
    const other = shingleText(groundedDraft("Chi bộ Z", "Q9")).set;
    const bucketsOther = lshBuckets(minhashSignature(other), other.length);
    expect(bucketsA.some((bucket, band) => bucket === bucketsOther[band])).toBe(false);
  });

  it("is a similarity: symmetric, between 0 and 1, 1 for a text with itself", () => {
    const words = ["chi", "bộ", "vận", "động", "hộ", "dân", "phố", "Ngọc", "Lâm", "tổng", "vệ", "sinh", "đồng", "chí", "Lan", "phụ", "trách", "trước", "ngày"];
    const text = fc.array(fc.constantFrom(...words), { minLength: 10, maxLength: 80 }).map((list) => `CHI BỘ QUYẾT NGHỊ\n- ${list.join(" ")}`);
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = similarity(a, b);
        expect(ab).toBeCloseTo(similarity(b, a), 10);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        if (shingleText(a).set.length) expect(similarity(a, a)).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it("tells the demo's copies from its grounded drafts", () => {
    const random = createRandom(99);
    const topics = guidanceTopicsFor("2026-12", random);
    const ctx = (n: number): WriterContext => ({ random, period: "2026-12", branchName: `Chi bộ Tổ dân phố số ${n}`, kind: "RESIDENTIAL", wardShort: "Bồ Đề", wardWord: "phường", streets: LONG_BIEN_STREETS.BD, people: [`Nguyễn Văn ${n}A`, "Trần Thị Lan", "Lê Văn Nam", "Phạm Thị Hoa", "Vũ Đức Minh"], memberCount: 30, number: 12, writtenDay: 20 });
    const template = districtTemplate("2026-12", random);
    const copies = [writeTemplateCopy(ctx(1), template), writeTemplateCopy(ctx(2), template)];
    const own = [writeOwnDraft(ctx(3), topics, "GROUNDED"), writeOwnDraft(ctx(4), topics, "GROUNDED")];
    expect(similarity(copies[0], copies[1])).toBeGreaterThan(0.75);
    expect(similarity(own[0], own[1])).toBeLessThan(0.45);
    const previous = own[0].replace(/THÁNG 12\/2026/g, "THÁNG 11/2026").replace(/THÁNG 11\/2026/, "THÁNG 10/2026");
    const copiedFromLastMonth = writePreviousCopy(previous, ctx(3));
    expect(similarity(copiedFromLastMonth, previous)).toBeGreaterThan(0.9);
  });
});

describe("grounding checklist, directives and proposals", () => {
  it("finds a grounded draft grounded and proposes nothing", () => {
    const analysis = analyzeText(groundedDraft("Chi bộ Tổ dân phố số 5", "G1"));
    expect(analysis.checklist.filter((item) => !item.ok).map((item) => item.key)).toEqual([]);
    const proposal = proposeFlags({ checklist: analysis.checklist, genericDensity: analysis.genericDensity, topSimilar: null, previous: null, directives: [] });
    expect(proposal.flags).toEqual([]);
  });

  it("finds no responsibilities, deadlines or figures in a formalistic template and proposes flags with reasons", () => {
    const analysis = analyzeText(templateDraft("Chi bộ Tổ dân phố số 6"));
    const missing = analysis.checklist.filter((item) => !item.ok).map((item) => item.key);
    expect(missing).toEqual(expect.arrayContaining(["responsibilities", "deadlines", "figures", "local"]));
    // Written by the branch itself: ungrounded and formalistic, each on its own evidence.
    const own = proposeFlags({ checklist: analysis.checklist, genericDensity: analysis.genericDensity, topSimilar: null, previous: null, directives: [] });
    expect(own.flags).toEqual(["FORMALISTIC", "NOT_GROUNDED"]);
    expect(own.reasons.NOT_GROUNDED).toContain("người phụ trách");
    expect(own.reasons.FORMALISTIC).toMatch(/cụm\/100 chữ, từ 4 là nhiều\) và thiếu địa bàn cụ thể/);
    // Copied at 93%: the copy's reason also says what the copied text lacks; a 40% match to last month proposes nothing.
    const copy = proposeFlags({ checklist: analysis.checklist, genericDensity: analysis.genericDensity, topSimilar: { score: 0.93 }, previous: { score: 0.4 }, directives: [] });
    expect(copy.flags).toEqual(["FORMALISTIC", "TEMPLATE_COPY", "NOT_GROUNDED"]);
    expect(copy.reasons.TEMPLATE_COPY).toContain("93%");
    expect(copy.reasons.TEMPLATE_COPY).toContain("Phần chép cũng thiếu số liệu cụ thể, người phụ trách, thời hạn");
  });

  it("proposes nothing on weak evidence: one grounding item missing, generic wording alone, a third of the topics", () => {
    const analysis = analyzeText(groundedDraft("Chi bộ Tổ dân phố số 7", "G7"));
    const checklist = analysis.checklist.map((item) => (item.key === "deadlines" ? { ...item, ok: false } : item));
    const directives = [
      { guidanceId: 1, title: "A", status: "ADDRESSED" as const, evidence: "x" },
      { guidanceId: 2, title: "B", status: "ADDRESSED" as const, evidence: "y" },
      { guidanceId: 3, title: "C", status: "RESTATED" as const, evidence: "z" },
    ];
    expect(proposeFlags({ checklist, genericDensity: 6, topSimilar: { score: 0.3 }, previous: null, directives }).flags).toEqual([]);
    const half = proposeFlags({ checklist, genericDensity: 1, topSimilar: null, previous: null, directives: directives.slice(1) });
    expect(half.flags).toEqual(["GUIDANCE_MISSED"]);
    expect(half.reasons.GUIDANCE_MISSED).toBe("Chưa cụ thể hóa 1/2 nội dung định hướng: C (chỉ nhắc lại).");
  });

  it("tells addressed, restated and missing directives apart, with or without diacritics in the keywords", () => {
    const body = [
      "- Kiểm tra phòng cháy, chữa cháy 20 hộ kinh doanh phố Ngọc Lâm; đồng chí Lan phụ trách, trước ngày 15/12.",
      "- Làm tốt công tác chăm lo Tết cho gia đình chính sách.",
    ].join("\n");
    const results = checkDirectives(body, [
      { id: 1, title: "Phòng cháy, chữa cháy", details: "", keywords: ["phong chay"] },
      { id: 2, title: "Chăm lo Tết", details: "Làm tốt công tác chăm lo Tết cho gia đình chính sách", keywords: ["Tết"] },
      { id: 3, title: "Phân loại rác", details: "", keywords: ["phân loại rác"] },
    ]);
    expect(results.map((result) => result.status)).toEqual(["ADDRESSED", "RESTATED", "MISSING"]);
    expect(results[0].evidence).toContain("20 hộ");
  });
});
