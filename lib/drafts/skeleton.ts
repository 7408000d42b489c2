// The form a new draft starts from: letterhead, legal bases and section
// headings of a branch resolution, with the branch's names filled in.
import { addMonths } from "@/lib/periods/period";

export function draftSkeleton(branchName: string, wardName: string, period: string): string {
  const [year, month] = period.split("-").map(Number);
  const [prevYear, prevMonth] = addMonths(period, -1).split("-").map(Number);
  const wardShort = wardName.replace(/^(Phường|Xã|Thị trấn) /, "");
  const wardWord = /^Xã /.test(wardName) ? "xã" : "phường";
  return [
    `ĐẢNG BỘ ${wardWord.toUpperCase()} ${wardShort.toUpperCase()}`,
    branchName.toUpperCase(),
    `Số: …-NQ/CB`,
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    `${wardShort}, ngày … tháng ${prevMonth} năm ${prevYear}`,
    "",
    "NGHỊ QUYẾT",
    `Hội nghị chi bộ thường kỳ tháng ${month} năm ${year}`,
    "",
    "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "- Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/10/2022 của Ban Tổ chức Trung ương về nâng cao chất lượng sinh hoạt chi bộ;",
    `- Căn cứ nghị quyết, chương trình công tác tháng ${month} của Đảng ủy ${wardWord} ${wardShort} và tình hình thực tế của chi bộ,`,
    "",
    "CHI BỘ QUYẾT NGHỊ",
    "",
    `I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG ${prevMonth}/${prevYear}`,
    "1. Ưu điểm",
    "- ",
    "2. Hạn chế, khuyết điểm và nguyên nhân",
    "- ",
    "",
    `II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG ${month}/${year}`,
    "1. Nhiệm vụ trọng tâm",
    "- ",
    "2. Nhiệm vụ cụ thể",
    "- ",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "- Chi ủy chi bộ có trách nhiệm cụ thể hóa, tổ chức triển khai thực hiện Nghị quyết; các đồng chí đảng viên trong chi bộ nghiêm túc thực hiện.",
    "",
    "Nơi nhận:",
    `- Đảng ủy ${wardWord} (để báo cáo);`,
    "- Đảng viên trong chi bộ (để thực hiện);",
    "- Lưu chi bộ.",
    "",
    "T/M CHI BỘ",
    "BÍ THƯ",
  ].join("\n");
}

/** Cleans text pasted from Word or a web page: line ends, bullets, tabs, non-breaking spaces. */
export function cleanPastedText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/^[ \t]*(?:[•\u2022\u25cf\u25e6\u25aa\u25a0\uf0b7\uf0a7·▪◦o§]|[-–—])[ \t]+/gm, "- ")
    .replace(/\t+/g, " ")
    .replace(/[ ]{2,}/g, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .normalize("NFC");
}
