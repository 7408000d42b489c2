// Data for the drafts tests: a ward of the demo district with two branches
// and one account per role, and texts built to be grounded, vague, or copies.
import { actorOf, createTestWard, createUser, uniqueSuffix } from "./factories";
import { testDb } from "./db";
import crypto from "node:crypto";
import { currentPeriod, addMonths } from "@/lib/periods/period";
import { createRandom } from "@/prisma/seed/random";
import { vietnameseName } from "@/prisma/seed/names";
import { guidanceTopicsFor, writeOwnDraft } from "@/prisma/seed/draft-texts";

/**
 * The whole e2e suite signs in from 127.0.0.1 more often than the 30
 * attempts per address per 10 minutes sign-in allows; the drafts journeys
 * clear that window before signing in (accounts' own lock-out is untouched).
 */
export async function allowMoreSignIns(): Promise<void> {
  await testDb().rateLimitBucket.deleteMany({ where: { key: { startsWith: "login:ip:" } } });
}

/** A period secretaries may submit for and whose deadline is still ahead (in two months). */
export function openPeriod(): string {
  return addMonths(currentPeriod(), 2);
}

/** A grounded draft no other test writes: the demo's writer with a random stream of its own. */
export function uniqueDraft(branchName: string): string {
  const random = createRandom(crypto.randomBytes(4).readUInt32LE(0));
  const people = Array.from({ length: 8 }, () => vietnameseName(random, random.chance(0.5) ? "MALE" : "FEMALE"));
  const streets = Array.from({ length: 4 }, () => `${random.pick(["Hoa", "Lan", "Sen", "Cúc", "Mai", "Đào"])} ${uniqueSuffix()}`);
  return writeOwnDraft({ random, period: openPeriod(), branchName, kind: "RESIDENTIAL", wardShort: "Thử nghiệm", wardWord: "phường", streets, people, memberCount: 30, number: 1, writtenDay: 20 }, guidanceTopicsFor(openPeriod(), random), "GROUNDED");
}

export async function createDraftsSetup(label = "Dự thảo") {
  const ward = await createTestWard(label);
  const reviewer = await createUser("BOARD_REVIEWER", ward.district.id);
  const secretary2 = await createUser("BRANCH_SECRETARY", ward.branches[1].id);
  const leader = await createUser("LEADER", ward.district.id);
  return {
    ...ward,
    reviewer,
    reviewerActor: await actorOf(reviewer),
    secretary2,
    secretary2Actor: await actorOf(secretary2),
    leaderActor: await actorOf(leader),
  };
}

/** A grounded resolution: results with figures, tasks with people, deadlines and places. `seed` varies names and places. */
export function groundedDraft(branchName: string, seed = uniqueSuffix()): string {
  return [
    "ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM",
    branchName.toUpperCase(),
    "Số: 12-NQ/CB",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "",
    "NGHỊ QUYẾT",
    "Hội nghị chi bộ thường kỳ tháng 12 năm 2026",
    "",
    "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "- Căn cứ Hướng dẫn số 12-HD/BTCTW ngày 18/10/2022 của Ban Tổ chức Trung ương về nâng cao chất lượng sinh hoạt chi bộ;",
    "",
    "CHI BỘ QUYẾT NGHỊ",
    "",
    "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2026",
    "1. Ưu điểm",
    `- Vận động 48 hộ ở ngõ 12 phố Ngọc Lâm (mã ${seed}) tham gia tổng vệ sinh, thu gom khoảng 6 m3 rác thải và phế thải xây dựng.`,
    `- Thăm hỏi 7 hộ gia đình chính sách tại tổ dân phố số 5 với tổng trị giá 5 triệu đồng; đồng chí Nguyễn Văn Hùng trực tiếp trao quà.`,
    "- Tỷ lệ đảng viên dự sinh hoạt đạt 94% (32/34 đồng chí); thu đảng phí đạt 100%.",
    "2. Hạn chế, khuyết điểm và nguyên nhân",
    "- Còn 12 hộ chưa phân loại rác tại nguồn, tập trung ở ngách 34/5 phố Lâm Hạ.",
    "",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12/2026",
    "1. Nhiệm vụ trọng tâm",
    `- Kiểm tra phòng cháy, chữa cháy tại 20 hộ kinh doanh trên phố Nguyễn Văn Cừ; giao đồng chí Trần Thị Lan, chi ủy viên, phụ trách, hoàn thành trước ngày 15/12/2026.`,
    `- Vận động ủng hộ quỹ Vì người nghèo đạt 15 triệu đồng; đồng chí Lê Minh Đức chịu trách nhiệm, xong trước ngày 20/12.`,
    "2. Nhiệm vụ cụ thể",
    `- Tổ chức tổng vệ sinh ngõ 12 phố Ngọc Lâm vào sáng Chủ nhật ngày 8/12, huy động ít nhất 60 hộ; giao đồng chí Phạm Thị Hoa chủ trì (${seed}).`,
    "- Lắp 3 camera an ninh ở ngách 34/5 phố Lâm Hạ; giao đồng chí Vũ Văn Nam phụ trách, chậm nhất ngày 25/12.",
    "",
    "III. TỔ CHỨC THỰC HIỆN",
    "- Chi ủy chi bộ có trách nhiệm cụ thể hóa, tổ chức triển khai thực hiện Nghị quyết; các đồng chí đảng viên trong chi bộ nghiêm túc thực hiện.",
    "",
    "Nơi nhận:",
    "- Đảng ủy phường (để báo cáo);",
    "- Lưu chi bộ.",
    "T/M CHI BỘ",
    "BÍ THƯ",
  ].join("\n");
}

/** A formalistic text: the kind of template that circulates, with no one, no date and no figure. */
/**
 * A template copy that also carries a line only its pair shares: parallel suites submit the same
 * template, and the pair must still be each other's closest match.
 */
export function pairedTemplateDraft(branchName: string, pairTag: string): string {
  // Tasks of the pair's own, inside the resolution's body (what follows "Nơi nhận" is form, not read)
  // and named in letters (the analyzer reads digits as one sign), so that other template copies
  // fall well below the pair's likeness.
  const place = `khu ${pairTag.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/\d/g, (digit) => "abcdefghij"[Number(digit)])}`;
  const own = [
    `- Phối hợp tổ dân phố ${place} ra quân tổng vệ sinh, nạo vét cống rãnh và trồng cây xanh trên các tuyến phố ${place}.`,
    `- Vận động các hộ kinh doanh ${place} ký cam kết không lấn chiếm vỉa hè, giữ trật tự đô thị ${place}.`,
    `- Tổ chức đối thoại với nhân dân ${place} về dự án chỉnh trang ngõ xóm và lắp đèn chiếu sáng ${place}.`,
    `- Thăm hỏi, tặng quà các gia đình chính sách ${place}; kết nạp quần chúng ưu tú ${place} vào Đảng.`,
    `- Rà soát hồ sơ đảng viên ${place}, hoàn thành thu nộp đảng phí quý IV ${place} đúng hạn.`,
  ];
  const lines = templateDraft(branchName).split("\n");
  lines.splice(lines.indexOf("III. TỔ CHỨC THỰC HIỆN"), 0, ...own);
  return lines.join("\n");
}

export function templateDraft(branchName: string): string {
  return [
    "ĐẢNG BỘ PHƯỜNG THỬ NGHIỆM",
    branchName.toUpperCase(),
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "",
    "NGHỊ QUYẾT",
    "CHI BỘ QUYẾT NGHỊ",
    "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2026",
    "- Chi bộ đã lãnh đạo đảng viên thực hiện tốt các chủ trương của Đảng, chính sách, pháp luật của Nhà nước và các quy định của địa phương.",
    "- Công tác tư tưởng được quan tâm; đảng viên chấp hành nghiêm Điều lệ Đảng, giữ gìn phẩm chất, đạo đức, lối sống.",
    "- Các đoàn thể hoạt động có hiệu quả, phát huy vai trò trong vận động nhân dân.",
    "- Một số đảng viên chưa phát huy hết vai trò tiên phong, gương mẫu.",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 12/2026",
    "- Tiếp tục quán triệt, triển khai thực hiện nghiêm túc các chỉ thị, nghị quyết của cấp trên.",
    "- Đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "- Tăng cường công tác giáo dục chính trị tư tưởng, nâng cao chất lượng sinh hoạt chi bộ.",
    "- Thực hiện tốt công tác vệ sinh môi trường, giữ gìn trật tự an toàn xã hội trên địa bàn.",
    "- Quan tâm chăm lo đời sống các gia đình chính sách, hộ có hoàn cảnh khó khăn.",
    "III. TỔ CHỨC THỰC HIỆN",
    "- Chi ủy chi bộ có trách nhiệm cụ thể hóa, tổ chức triển khai thực hiện Nghị quyết.",
    "Nơi nhận:",
    "- Lưu chi bộ.",
  ].join("\n");
}
