// Quận Long Biên as the demo knows it: 14 wards, 523 branches, about 18,000
// members, and the demo accounts of the README. Used alone (district demo)
// and inside the whole city (city data set). Deterministic for a seed day.
import type { Gender, MemberStatus } from "../../lib/generated/prisma/enums";
import type { Random } from "./random";
import { slugify, vietnameseName } from "./names";
import type { PlanBuilder, PlannedUnit } from "./plan";
import { todayIso } from "../../lib/format/date";
import { now as clockNow } from "../../lib/clock";

export const DEMO_SEED = 20261126;
export const DEFAULT_DEMO_PASSWORD = "LongBien@2026";
/**
 * Members are planned as of this day, then moved to the seed day as a whole
 * (shiftMembersTo): the same people, ages and statuses whatever the day, so the
 * seed figures hold exactly and two machines seeding on the same day agree.
 */
export const PLAN_REFERENCE_DAY = new Date(Date.UTC(2026, 10, 26));

/** The day a seed describes ("today" in the demo): the Hà Nội date of the clock, as a UTC-midnight date. */
export function demoDay(now: Date = clockNow()): Date {
  return new Date(`${todayIso(now)}T00:00:00Z`);
}

const DAY_MS = 86_400_000;

/** Moves members planned as of PLAN_REFERENCE_DAY to `today`: dates by the days between, birth years by the years between. */
export function shiftMembersTo(members: MemberRow[], today: Date): void {
  const days = Math.round((today.getTime() - PLAN_REFERENCE_DAY.getTime()) / DAY_MS);
  const years = today.getUTCFullYear() - PLAN_REFERENCE_DAY.getUTCFullYear();
  if (!days && !years) return;
  const move = (date: Date) => new Date(date.getTime() + days * DAY_MS);
  for (const member of members) {
    member.birthYear += years;
    member.joinedBranchOn = move(member.joinedBranchOn);
    if (member.leftBranchOn) member.leftBranchOn = move(member.leftBranchOn);
    if (member.handbookInstalledAt) member.handbookInstalledAt = move(member.handbookInstalledAt);
  }
}
export const UNITS_VALID_FROM = new Date(Date.UTC(2004, 0, 1));

export const LONG_BIEN_WARDS = [
  { name: "Bồ Đề", code: "BD", residential: 32, enterprise: true },
  { name: "Cự Khối", code: "CK", residential: 22, enterprise: false },
  { name: "Đức Giang", code: "DG", residential: 31, enterprise: true },
  { name: "Gia Thụy", code: "GT", residential: 27, enterprise: false },
  { name: "Giang Biên", code: "GB", residential: 27, enterprise: false },
  { name: "Long Biên", code: "LB", residential: 33, enterprise: true },
  { name: "Ngọc Lâm", code: "NL", residential: 29, enterprise: false },
  { name: "Ngọc Thụy", code: "NT", residential: 31, enterprise: true },
  { name: "Phúc Đồng", code: "PD", residential: 26, enterprise: false },
  { name: "Phúc Lợi", code: "PL", residential: 27, enterprise: false },
  { name: "Sài Đồng", code: "SD", residential: 28, enterprise: true },
  { name: "Thạch Bàn", code: "TB", residential: 29, enterprise: false },
  { name: "Thượng Thanh", code: "TT", residential: 34, enterprise: true },
  { name: "Việt Hưng", code: "VH", residential: 29, enterprise: false },
] as const;

export type BranchKind = "OFFICE" | "POLICE" | "MILITARY" | "CLINIC" | "KINDERGARTEN" | "PRIMARY" | "SECONDARY" | "FRONT" | "ENTERPRISE" | "RESIDENTIAL";

type BranchPlan = { code: string; name: string; kind: BranchKind };

export function planWardBranches(wardCode: string, ward: (typeof LONG_BIEN_WARDS)[number]): BranchPlan[] {
  const institutional: [BranchKind, string][] = [
    ["OFFICE", `Chi bộ Cơ quan phường ${ward.name}`],
    ["POLICE", `Chi bộ Công an phường ${ward.name}`],
    ["MILITARY", `Chi bộ Quân sự phường ${ward.name}`],
    ["CLINIC", `Chi bộ Trạm Y tế phường ${ward.name}`],
    ["KINDERGARTEN", `Chi bộ Trường Mầm non ${ward.name}`],
    ["PRIMARY", `Chi bộ Trường Tiểu học ${ward.name}`],
    ["SECONDARY", `Chi bộ Trường THCS ${ward.name}`],
    ["FRONT", `Chi bộ Khối Mặt trận - Đoàn thể phường ${ward.name}`],
  ];
  if (ward.enterprise) institutional.push(["ENTERPRISE", `Chi bộ Doanh nghiệp ngoài nhà nước phường ${ward.name}`]);
  const plans: BranchPlan[] = institutional.map(([kind, name]) => ({ kind, name, code: "" }));
  for (let n = 1; n <= ward.residential; n++) plans.push({ kind: "RESIDENTIAL", name: `Chi bộ Tổ dân phố số ${n}`, code: "" });
  return plans.map((plan, i) => ({ ...plan, code: `${wardCode}-${String(i + 1).padStart(2, "0")}` }));
}

const MEMBER_SIZES: Record<BranchKind, [number, number]> = {
  OFFICE: [20, 32],
  POLICE: [15, 30],
  MILITARY: [6, 12],
  CLINIC: [6, 12],
  KINDERGARTEN: [8, 18],
  PRIMARY: [10, 20],
  SECONDARY: [12, 22],
  FRONT: [8, 15],
  ENTERPRISE: [5, 14],
  RESIDENTIAL: [0, 0],
};

function branchSize(random: Random, kind: BranchKind): number {
  if (kind === "RESIDENTIAL") return Math.round(Math.min(72, Math.max(15, random.normal(40, 9))));
  const [min, max] = MEMBER_SIZES[kind];
  return random.int(min, max);
}

function maleShare(kind: BranchKind): number {
  if (kind === "POLICE" || kind === "MILITARY") return 0.85;
  if (kind === "KINDERGARTEN" || kind === "PRIMARY") return 0.12;
  if (kind === "SECONDARY" || kind === "CLINIC") return 0.3;
  return 0.5;
}

export function birthYear(random: Random, kind: BranchKind): number {
  if (kind !== "RESIDENTIAL") return random.int(1966, 2000);
  // Residential branches are mostly retirees.
  return random.weighted([
    [random.int(1938, 1950), 22],
    [random.int(1951, 1960), 28],
    [random.int(1961, 1980), 33],
    [random.int(1981, 2001), 17],
  ] as const);
}

export function dateBetween(random: Random, from: Date, to: Date, skew = 1): Date {
  const t = Math.pow(random.next(), skew);
  const ms = from.getTime() + t * (to.getTime() - from.getTime());
  const day = new Date(ms);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

export type MemberRow = {
  code: string;
  branchId: number;
  fullName: string;
  gender: Gender;
  birthYear: number;
  status: MemberStatus;
  eligibleForHandbook: boolean;
  handbookInstalledAt: Date | null;
  joinedBranchOn: Date;
  leftBranchOn: Date | null;
};

export function planBranchMembers(random: Random, branch: { id: number; code: string; kind: BranchKind }, today = PLAN_REFERENCE_DAY): MemberRow[] {
  const size = branchSize(random, branch.kind);
  const rows: MemberRow[] = [];
  const year = today.getUTCFullYear();
  const twoYearsAgo = new Date(Date.UTC(year - 2, today.getUTCMonth(), 1));
  for (let i = 1; i <= size; i++) {
    const gender: Gender = random.chance(maleShare(branch.kind)) ? "MALE" : "FEMALE";
    const born = birthYear(random, branch.kind);
    const age = year - born;
    let status: MemberStatus = "ACTIVE";
    if (age >= 80 ? random.chance(0.5) : age >= 70 ? random.chance(0.1) : random.chance(0.01)) status = "EXEMPT";
    let leftBranchOn: Date | null = null;
    if (random.chance(0.015)) {
      status = "TRANSFERRED_OUT";
      leftBranchOn = dateBetween(random, twoYearsAgo, today);
    } else if (age >= 75 && random.chance(0.02)) {
      status = "DECEASED";
      leftBranchOn = dateBetween(random, twoYearsAgo, today);
    }
    // Most joined long ago; some transferred in during the last two years.
    const joinedBranchOn = random.chance(0.06)
      ? dateBetween(random, twoYearsAgo, leftBranchOn ?? today)
      : dateBetween(random, new Date(Date.UTC(Math.max(born + 25, 1985), 0, 1)), new Date(Date.UTC(year - 2, 0, 1)));
    const eligibleForHandbook = age >= 80 ? random.chance(0.2) : age >= 75 ? random.chance(0.7) : !random.chance(0.02);
    // Some members the rules deem ineligible install it anyway (family help), as in the seed's 102%.
    const installs = eligibleForHandbook ? random.chance(0.955) : random.chance(0.45);
    const handbookInstalledAt = installs
      ? dateBetween(random, new Date(Date.UTC(2023, 2, 1)), new Date(Math.min(today.getTime(), (leftBranchOn ?? today).getTime())), 1.6)
      : null;
    rows.push({
      code: `${branch.code}-${String(i).padStart(3, "0")}`,
      branchId: branch.id,
      fullName: vietnameseName(random, gender),
      gender,
      birthYear: born,
      status,
      eligibleForHandbook,
      handbookInstalledAt,
      joinedBranchOn: joinedBranchOn > today ? today : joinedBranchOn,
      leftBranchOn,
    });
  }
  return rows;
}

/** Adds Quận Long Biên, its wards, branches, members and demo accounts under `city`. */
export function planLongBien(plan: PlanBuilder, city: PlannedUnit, random: Random): PlannedUnit {
  const district = plan.addUnit({ code: "LB", name: "Quận Long Biên", level: "DISTRICT" }, city);
  plan.addUser({ username: "bantochuc", displayName: "Ban Tổ chức Quận ủy Long Biên", role: "BOARD_REVIEWER" }, district);
  plan.addUser({ username: "lanhdao", displayName: "Lãnh đạo Quận ủy Long Biên", role: "LEADER" }, district);
  const wards = LONG_BIEN_WARDS.map((ward) => {
    const unit = plan.addUnit({ code: `LB-${ward.code}`, name: `Phường ${ward.name}`, level: "WARD" }, district);
    plan.addUser({ username: `phuong-${slugify(ward.name)}`, displayName: `Văn phòng Đảng ủy phường ${ward.name}`, role: "WARD_COMMITTEE" }, unit);
    return { ward, unit };
  });
  for (const { ward, unit } of wards) {
    for (const branchPlan of planWardBranches(unit.code, ward)) {
      const branch = plan.addUnit({ code: branchPlan.code, name: branchPlan.name, level: "BRANCH" }, unit);
      const rows = planBranchMembers(random, { id: branch.id, code: branch.code, kind: branchPlan.kind });
      plan.addMembers(rows);
      const secretary = rows.find((row) => row.status === "ACTIVE" && row.birthYear >= 1955) ?? rows[0];
      plan.addUser({ username: `chibo-${branch.code.toLowerCase()}`, displayName: secretary.fullName, role: "BRANCH_SECRETARY" }, branch);
    }
  }
  // The board's specialists who follow wards (prisma/seed/followers.ts); last, so the other accounts keep their ids.
  plan.addUser({ username: "chuyenvien-1", displayName: "Nguyễn Thị Hồng Nhung (chuyên viên Ban Tổ chức)", role: "BOARD_REVIEWER" }, district);
  plan.addUser({ username: "chuyenvien-2", displayName: "Trần Quốc Hưng (chuyên viên Ban Tổ chức)", role: "BOARD_REVIEWER" }, district);
  return district;
}
