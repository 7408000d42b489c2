import { datesOutsidePeriod, datesQuestion, writingGaps } from "@/components/drafts/writing-check";
import { groundedDraft, templateDraft } from "../support/drafts-factories";

describe("the check beside the editor", () => {
  it("asks about dates that do not fit the period, not about last month or the coming one", () => {
    const body = "Hội nghị chi bộ thường kỳ tháng 12 năm 2026\nI. ĐÁNH GIÁ KẾT QUẢ THÁNG 11/2026\n- Hoàn thành trước ngày 15/12/2026; họp ngày 20/11/2026.\n- Căn cứ kế hoạch ngày 05/10/2025 và tháng 3/2026.\n- Ngày 32/13/2026 không phải ngày.";
    expect(datesOutsidePeriod(body, "2026-12")).toEqual(["05/10/2025", "tháng 3/2026"]);
    expect(datesQuestion(body, "2026-12")).toBe("Dự thảo tháng 12/2026 có ghi 05/10/2025, tháng 3/2026 — không thuộc thời gian của kỳ này. Có đúng không, hay chép từ văn bản cũ?");
    expect(datesQuestion("Trước ngày 10/1/2027 hoàn thành.", "2026-12")).toBeNull();
  });

  it("says what the board will find missing before submitting, guidance included", () => {
    const guidance = [{ id: 1, title: "Phòng cháy, chữa cháy", details: "", keywords: ["phòng cháy"] }];
    expect(writingGaps(groundedDraft("Chi bộ Tổ dân phố số 5", "G5"), guidance)).toEqual([]);
    const gaps = writingGaps(templateDraft("Chi bộ Tổ dân phố số 6"), guidance);
    expect(gaps).toEqual(expect.arrayContaining(["phân công người phụ trách", "thời hạn hoàn thành", "định hướng “Phòng cháy, chữa cháy”"]));
  });
});
