// The mandatory parts every branch resolution contains (the form of
// Hướng dẫn 12-HD/BTCTW on branch meetings): letterhead, legal bases, the
// meeting record, section headings, adoption and distribution. Shingles that
// occur here are discounted, so two drafts are not "similar" merely because
// both follow the required structure. Names, numbers and dates vary from
// branch to branch; numbers are folded to "#" and the remaining variable
// words only break a few shingles.

export const BOILERPLATE_TEXTS: readonly string[] = [
  `ĐẢNG BỘ PHƯỜNG CHI BỘ ĐẢNG CỘNG SẢN VIỆT NAM Số -NQ/CB ngày tháng năm`,
  `NGHỊ QUYẾT HỘI NGHỊ CHI BỘ THƯỜNG KỲ THÁNG NĂM Nghị quyết hội nghị chi bộ thường kỳ tháng năm`,
  `Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Căn cứ Quy định thi hành Điều lệ Đảng;`,
  `Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/10/2022 của Ban Tổ chức Trung ương về nâng cao chất lượng sinh hoạt chi bộ;`,
  `Căn cứ Nghị quyết, chương trình công tác tháng của Đảng ủy phường và tình hình thực tế của chi bộ;`,
  `Căn cứ nghị quyết, chương trình công tác của Đảng ủy phường và tình hình thực tế của chi bộ,`,
  `Ngày tháng năm, Chi bộ đã tổ chức hội nghị thường kỳ tháng. Tổng số đảng viên của chi bộ: đồng chí; có mặt: đồng chí; vắng: đồng chí (có lý do: đồng chí, không lý do: đồng chí).`,
  `Chủ trì hội nghị: đồng chí, Bí thư chi bộ. Thư ký hội nghị: đồng chí.`,
  `Sau khi nghe đồng chí Bí thư chi bộ báo cáo kết quả thực hiện nhiệm vụ tháng và phương hướng, nhiệm vụ tháng, các đồng chí đảng viên thảo luận, đóng góp ý kiến, hội nghị chi bộ thống nhất`,
  `CHI BỘ QUYẾT NGHỊ`,
  `I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 1. Ưu điểm 2. Hạn chế, khuyết điểm và nguyên nhân`,
  `II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 1. Nhiệm vụ trọng tâm 2. Nhiệm vụ cụ thể`,
  `III. TỔ CHỨC THỰC HIỆN`,
  `Chi ủy chi bộ có trách nhiệm cụ thể hóa, tổ chức triển khai thực hiện Nghị quyết; các đồng chí đảng viên trong chi bộ nghiêm túc thực hiện.`,
  `Nghị quyết đã được hội nghị chi bộ thông qua với đồng chí tán thành, đạt %.`,
  `Nghị quyết được hội nghị chi bộ thông qua với …/ đồng chí tán thành, đạt …%.`,
  `theo dõi, đôn đốc, báo cáo kết quả tại hội nghị chi bộ tháng`,
  `Phó Bí thư chi bộ, theo dõi, đôn đốc, báo cáo kết quả thực hiện tại hội nghị chi bộ tháng sau.`,
  `Nơi nhận: Đảng ủy phường (để báo cáo); Đảng viên trong chi bộ (để thực hiện); Lưu chi bộ.`,
  `T/M CHI BỘ BÍ THƯ`,
];
