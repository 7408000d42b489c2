// Vietnamese personal names in realistic proportions (surname shares follow
// published estimates; Nguyễn is about four in ten).
import type { Random } from "./random";

const SURNAMES = [
  ["Nguyễn", 38], ["Trần", 11], ["Lê", 9.5], ["Phạm", 7], ["Hoàng", 4], ["Phan", 4.5], ["Vũ", 4], ["Đặng", 2.1],
  ["Bùi", 2], ["Đỗ", 1.4], ["Hồ", 1.3], ["Ngô", 1.3], ["Dương", 1], ["Lý", 0.5], ["Đinh", 0.8], ["Trịnh", 0.7],
  ["Đào", 0.6], ["Lương", 0.5], ["Tạ", 0.3], ["Chu", 0.3], ["Khúc", 0.1], ["Kiều", 0.2], ["Mai", 0.4], ["Tô", 0.3],
] as const;

const MALE_MIDDLE = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Ngọc", "Mạnh", "Thanh", "Công", "Tiến", "Duy", "Trọng", "Đình", "Anh", "Quốc"];
const FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Bích", "Hồng", "Phương", "Thúy", "Kim", "Diệu", "Hải", "Mai"];
const MALE_GIVEN = ["Hùng", "Dũng", "Minh", "Tuấn", "Hải", "Long", "Nam", "Sơn", "Thắng", "Cường", "Quân", "Hiếu", "Trung", "Đức", "Hòa", "Bình", "Khánh", "Phong", "Thành", "Toàn", "Việt", "Vinh", "Lâm", "Tùng", "Kiên", "Hưng", "Huy", "Đạt", "Phúc", "Thịnh", "Quý", "Tài", "Chiến", "Lợi", "Tú", "Hoàng", "Hiển", "Thuận", "Định", "Khoa"];
const FEMALE_GIVEN = ["Lan", "Hương", "Hoa", "Mai", "Linh", "Hằng", "Nga", "Thảo", "Trang", "Hà", "Huyền", "Dung", "Yến", "Loan", "Oanh", "Nhung", "Hạnh", "Thủy", "Vân", "Ngọc", "Phương", "Liên", "Hiền", "Thu", "Giang", "Anh", "Quỳnh", "Chi", "Diệp", "Tâm", "Xuân", "Hồng", "Thơm", "Lý", "Nhàn"];

export function vietnameseName(random: Random, gender: "MALE" | "FEMALE"): string {
  const surname = random.weighted(SURNAMES);
  const middle = random.pick(gender === "MALE" ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = random.pick(gender === "MALE" ? MALE_GIVEN : FEMALE_GIVEN);
  return `${surname} ${middle} ${given}`;
}

/** "Thượng Thanh" → "thuong-thanh" */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
