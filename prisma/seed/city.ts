// The city data set (`npm run seed -- --scale city`): Hà Nội's 30 districts and
// 579 wards and communes as they were before the 2025 reform, 16,762 branches
// and 475,880 current members, of whom exactly 432,461 are required to use
// the handbook and 442,970 have installed it (the published figures, docs/product.md).
// Quận Long Biên inside it is exactly the district demo.
import type { Gender, MemberStatus } from "../../lib/generated/prisma/enums";
import { createRandom, type Random } from "./random";
import { slugify, vietnameseName } from "./names";
import { birthYear, dateBetween, DEMO_SEED, demoDay, PLAN_REFERENCE_DAY, planLongBien, shiftMembersTo, type MemberRow } from "./district";
import { isCurrentMember, PlanBuilder, type PlannedMember, type PlannedUnit } from "./plan";

export const CITY_TARGETS = {
  districts: 30,
  wards: 579,
  branches: 16_762,
  members: 475_880,
  membersEligible: 432_461,
  membersInstalled: 442_970,
} as const;

const CITY_SEED = 2026_0701;

type DistrictPlan = { code: string; name: string; kind: "QUAN" | "HUYEN" | "THI_XA"; wards: number };

// Ward and commune counts per district, close to the real ones before 1 July 2025.
const HANOI_DISTRICTS: DistrictPlan[] = [
  { code: "BDH", name: "Quận Ba Đình", kind: "QUAN", wards: 14 },
  { code: "HKM", name: "Quận Hoàn Kiếm", kind: "QUAN", wards: 18 },
  { code: "THO", name: "Quận Tây Hồ", kind: "QUAN", wards: 8 },
  { code: "LB", name: "Quận Long Biên", kind: "QUAN", wards: 14 },
  { code: "CGY", name: "Quận Cầu Giấy", kind: "QUAN", wards: 8 },
  { code: "DDA", name: "Quận Đống Đa", kind: "QUAN", wards: 21 },
  { code: "HBT", name: "Quận Hai Bà Trưng", kind: "QUAN", wards: 18 },
  { code: "HMA", name: "Quận Hoàng Mai", kind: "QUAN", wards: 14 },
  { code: "TXU", name: "Quận Thanh Xuân", kind: "QUAN", wards: 11 },
  { code: "NTL", name: "Quận Nam Từ Liêm", kind: "QUAN", wards: 10 },
  { code: "BTL", name: "Quận Bắc Từ Liêm", kind: "QUAN", wards: 13 },
  { code: "HDO", name: "Quận Hà Đông", kind: "QUAN", wards: 17 },
  { code: "STA", name: "Thị xã Sơn Tây", kind: "THI_XA", wards: 15 },
  { code: "BVI", name: "Huyện Ba Vì", kind: "HUYEN", wards: 30 },
  { code: "CMY", name: "Huyện Chương Mỹ", kind: "HUYEN", wards: 32 },
  { code: "DPH", name: "Huyện Đan Phượng", kind: "HUYEN", wards: 16 },
  { code: "DAN", name: "Huyện Đông Anh", kind: "HUYEN", wards: 24 },
  { code: "GLA", name: "Huyện Gia Lâm", kind: "HUYEN", wards: 22 },
  { code: "HDU", name: "Huyện Hoài Đức", kind: "HUYEN", wards: 20 },
  { code: "MLI", name: "Huyện Mê Linh", kind: "HUYEN", wards: 18 },
  { code: "MDU", name: "Huyện Mỹ Đức", kind: "HUYEN", wards: 22 },
  { code: "PXU", name: "Huyện Phú Xuyên", kind: "HUYEN", wards: 27 },
  { code: "PTH", name: "Huyện Phúc Thọ", kind: "HUYEN", wards: 23 },
  { code: "QOA", name: "Huyện Quốc Oai", kind: "HUYEN", wards: 21 },
  { code: "SSO", name: "Huyện Sóc Sơn", kind: "HUYEN", wards: 26 },
  { code: "TTH", name: "Huyện Thạch Thất", kind: "HUYEN", wards: 23 },
  { code: "TOA", name: "Huyện Thanh Oai", kind: "HUYEN", wards: 21 },
  { code: "TTR", name: "Huyện Thanh Trì", kind: "HUYEN", wards: 16 },
  { code: "TTI", name: "Huyện Thường Tín", kind: "HUYEN", wards: 29 },
  { code: "UHO", name: "Huyện Ứng Hòa", kind: "HUYEN", wards: 28 },
];

// Syllables of Vietnamese place names; two of them make a ward or commune name.
const PLACE_SYLLABLES = [
  "An", "Bình", "Hòa", "Phú", "Thịnh", "Đông", "Tây", "Nam", "Bắc", "Tân", "Minh", "Quang", "Phúc", "Lộc", "Thọ",
  "Thượng", "Hạ", "Trung", "Đức", "Hưng", "Long", "Thanh", "Xuân", "Hồng", "Kim", "Ngọc", "Vân", "Liên", "Hải",
  "Sơn", "Thủy", "Lâm", "Đồng", "Mỹ", "Quế", "Văn", "Nghĩa", "Phương", "Hà", "Yên", "Lạc", "Thái", "Cường", "Vinh",
];

function placeNames(random: Random, count: number, taken: Set<string>): string[] {
  const names: string[] = [];
  while (names.length < count) {
    const name = `${random.pick(PLACE_SYLLABLES)} ${random.pick(PLACE_SYLLABLES)}`;
    const [a, b] = name.split(" ");
    if (a === b || taken.has(name)) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainders). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((weight) => (weight / sum) * total);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((value, i) => [value - Math.floor(value), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k][1]]++;
  return parts;
}

/** Picks exactly `count` of `items`, favouring higher `score` but not strictly (a little noise). */
function pickExactly<T>(random: Random, items: T[], count: number, score: (item: T) => number): Set<T> {
  if (count > items.length) throw new Error(`Không đủ phần tử để chọn ${count}/${items.length}`);
  const ranked = items.map((item) => ({ item, key: score(item) + random.next() })).sort((a, b) => b.key - a.key);
  return new Set(ranked.slice(0, count).map((entry) => entry.item));
}

function institutionalBranches(kind: DistrictPlan["kind"], wardShort: string): string[] {
  const unit = kind === "HUYEN" ? "xã" : "phường";
  return [
    `Chi bộ Cơ quan ${unit} ${wardShort}`,
    `Chi bộ Công an ${unit} ${wardShort}`,
    `Chi bộ Quân sự ${unit} ${wardShort}`,
    `Chi bộ Trạm Y tế ${unit} ${wardShort}`,
    `Chi bộ Trường Mầm non ${wardShort}`,
    `Chi bộ Trường Tiểu học ${wardShort}`,
    `Chi bộ Trường THCS ${wardShort}`,
  ];
}

export type CityPlan = { plan: PlanBuilder; city: PlannedUnit };

/** Plans the whole city in memory; exact seed totals are checked before returning. */
export function planCity(seedDay: Date = demoDay(), passwordFreeStart = { unit: 1, member: 1, user: 1 }): CityPlan {
  const plan = new PlanBuilder(passwordFreeStart);
  const city = plan.addUnit({ code: "HN", name: "Thành phố Hà Nội", level: "CITY" }, null);
  plan.addUser({ username: "admin", displayName: "Quản trị hệ thống", role: "ADMIN" }, city);
  plan.addUser({ username: "lanhdao-thanhpho", displayName: "Lãnh đạo Thành ủy Hà Nội", role: "LEADER" }, city);

  // Long Biên first, with the district demo's own random stream, so it is identical to the demo.
  const longBienStart = plan.members.length;
  planLongBien(plan, city, createRandom(DEMO_SEED));
  const longBienMembers = plan.members.slice(longBienStart).filter(isCurrentMember);
  const longBienBranches = plan.branches().length;

  const random = createRandom(CITY_SEED);
  const others = HANOI_DISTRICTS.filter((district) => district.code !== "LB");
  const wardSlots = others.flatMap((district) => Array.from({ length: district.wards }, () => district));
  const branchCounts = apportion(
    CITY_TARGETS.branches - longBienBranches,
    wardSlots.map((district) => Math.max(12, random.normal(district.kind === "HUYEN" ? 27 : 31, 6))),
  );

  const wardBranches: { branch: PlannedUnit; residential: boolean; rural: boolean }[] = [];
  let slot = 0;
  for (const district of others) {
    const districtUnit = plan.addUnit({ code: district.code, name: district.name, level: "DISTRICT" }, city);
    const districtSlug = slugify(district.name.replace(/^(Quận|Huyện|Thị xã) /, ""));
    const districtShort = district.name.replace(/^(Quận|Huyện|Thị xã) /, "");
    plan.addUser({ username: `bantochuc-${districtSlug}`, displayName: `Ban Tổ chức ${district.kind === "QUAN" ? "Quận ủy" : district.kind === "HUYEN" ? "Huyện ủy" : "Thị ủy"} ${districtShort}`, role: "BOARD_REVIEWER" }, districtUnit);
    plan.addUser({ username: `lanhdao-${districtSlug}`, displayName: `Lãnh đạo ${districtShort}`, role: "LEADER" }, districtUnit);
    const names = placeNames(random, district.wards, new Set());
    for (const [i, wardName] of names.entries()) {
      const rural = district.kind === "HUYEN" && !(i === 0);
      const prefix = district.kind === "HUYEN" ? (i === 0 ? "Thị trấn" : "Xã") : "Phường";
      const ward = plan.addUnit({ code: `${district.code}-${String(i + 1).padStart(2, "0")}`, name: `${prefix} ${wardName}`, level: "WARD" }, districtUnit);
      plan.addUser({ username: `phuong-${districtSlug}-${slugify(wardName)}`, displayName: `Văn phòng Đảng ủy ${prefix.toLowerCase()} ${wardName}`, role: "WARD_COMMITTEE" }, ward);
      const count = branchCounts[slot++];
      const institutional = institutionalBranches(district.kind, wardName).slice(0, Math.min(7, Math.max(3, count - 5)));
      for (let n = 0; n < count; n++) {
        const residential = n >= institutional.length;
        const name = residential ? (rural ? `Chi bộ Thôn ${n - institutional.length + 1}` : `Chi bộ Tổ dân phố số ${n - institutional.length + 1}`) : institutional[n];
        const branch = plan.addUnit({ code: `${ward.code}-${String(n + 1).padStart(2, "0")}`, name, level: "BRANCH" }, ward);
        wardBranches.push({ branch, residential, rural });
      }
    }
  }

  // Members: exactly the seed's total of current members.
  const memberCounts = apportion(
    CITY_TARGETS.members - longBienMembers.length,
    wardBranches.map(({ residential }) => Math.max(4, residential ? random.normal(31, 8) : random.normal(14, 4))),
  );
  // Planned as of the reference day, moved to the seed day at the end (see shiftMembersTo).
  const today = PLAN_REFERENCE_DAY;
  const otherMembers: PlannedMember[] = [];
  for (const [i, { branch, residential }] of wardBranches.entries()) {
    const rows: MemberRow[] = [];
    for (let n = 1; n <= memberCounts[i]; n++) {
      const gender: Gender = random.chance(0.5) ? "MALE" : "FEMALE";
      const born = birthYear(random, residential ? "RESIDENTIAL" : "OFFICE");
      const age = today.getUTCFullYear() - born;
      const status: MemberStatus = (age >= 80 ? random.chance(0.5) : age >= 70 ? random.chance(0.1) : random.chance(0.01)) ? "EXEMPT" : "ACTIVE";
      rows.push({
        code: `${branch.code}-${String(n).padStart(3, "0")}`,
        branchId: branch.id,
        fullName: vietnameseName(random, gender),
        gender,
        birthYear: born,
        status,
        eligibleForHandbook: false,
        handbookInstalledAt: null,
        joinedBranchOn: dateBetween(random, new Date(Date.UTC(Math.max(born + 25, 1985), 0, 1)), new Date(Date.UTC(today.getUTCFullYear() - 2, 0, 1))),
        leftBranchOn: null,
      });
    }
    otherMembers.push(...plan.addMembers(rows));
  }

  // Exactly 432,461 eligible and 442,970 installed across the city, Long Biên's own included.
  const ageOf = (member: PlannedMember) => today.getUTCFullYear() - member.birthYear;
  const eligibleTarget = CITY_TARGETS.membersEligible - longBienMembers.filter((m) => m.eligibleForHandbook).length;
  const eligible = pickExactly(random, otherMembers, eligibleTarget, (m) => (ageOf(m) >= 80 ? 0 : ageOf(m) >= 75 ? 0.6 : 1.5));
  for (const member of otherMembers) member.eligibleForHandbook = eligible.has(member);
  const installedTarget = CITY_TARGETS.membersInstalled - longBienMembers.filter((m) => m.handbookInstalledAt).length;
  const ineligible = otherMembers.filter((member) => !member.eligibleForHandbook);
  const installedIneligible = Math.round(ineligible.length * 0.45);
  const installed = new Set([
    ...pickExactly(random, ineligible, installedIneligible, () => 0),
    ...pickExactly(random, otherMembers.filter((m) => m.eligibleForHandbook), installedTarget - installedIneligible, (m) => (ageOf(m) < 60 ? 1 : 0.5)),
  ]);
  for (const member of otherMembers) {
    if (installed.has(member)) member.handbookInstalledAt = dateBetween(random, new Date(Date.UTC(2023, 2, 1)), today, 1.6);
  }

  const current = plan.members.filter(isCurrentMember);
  const totals = {
    districts: plan.units.filter((u) => u.level === "DISTRICT").length,
    wards: plan.units.filter((u) => u.level === "WARD").length,
    branches: plan.branches().length,
    members: current.length,
    membersEligible: current.filter((m) => m.eligibleForHandbook).length,
    membersInstalled: current.filter((m) => m.handbookInstalledAt).length,
  };
  for (const [key, value] of Object.entries(CITY_TARGETS)) {
    if (totals[key as keyof typeof totals] !== value) throw new Error(`Dữ liệu thành phố lệch: ${key} = ${totals[key as keyof typeof totals]}, cần ${value}`);
  }
  shiftMembersTo(plan.members, seedDay);
  return { plan, city };
}
