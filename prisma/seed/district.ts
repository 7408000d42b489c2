// District demo data set: Thành phố Hà Nội → Quận Long Biên → 14 wards →
// 520 branches → about 18,000 members, with the demo accounts of the README.
// Deterministic: the same seed gives the same data everywhere.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { Gender, MemberStatus, OrgLevel, Role } from "../../lib/generated/prisma/enums";
import { createRandom, type Random } from "./random";
import { slugify, vietnameseName } from "./names";

export const DEMO_SEED = 20261126;
export const DEFAULT_DEMO_PASSWORD = "LongBien@2026";
/** The day the demo data describes ("today" in the demo). */
export const DEMO_TODAY = new Date(Date.UTC(2026, 10, 26));
const UNITS_VALID_FROM = new Date(Date.UTC(2004, 0, 1));

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

type BranchKind = "OFFICE" | "POLICE" | "MILITARY" | "CLINIC" | "KINDERGARTEN" | "PRIMARY" | "SECONDARY" | "FRONT" | "ENTERPRISE" | "RESIDENTIAL";

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

function birthYear(random: Random, kind: BranchKind): number {
  if (kind !== "RESIDENTIAL") return random.int(1966, 2000);
  // Residential branches are mostly retirees.
  return random.weighted([
    [random.int(1938, 1950), 22],
    [random.int(1951, 1960), 28],
    [random.int(1961, 1980), 33],
    [random.int(1981, 2001), 17],
  ] as const);
}

function dateBetween(random: Random, from: Date, to: Date, skew = 1): Date {
  const t = Math.pow(random.next(), skew);
  const ms = from.getTime() + t * (to.getTime() - from.getTime());
  const day = new Date(ms);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
}

type MemberRow = {
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

export function planBranchMembers(random: Random, branch: { id: number; code: string; kind: BranchKind }, today = DEMO_TODAY): MemberRow[] {
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

type SeedOptions = { passwordHash: string; log?: (message: string) => void; seed?: number };

export type SeededDistrict = { cityId: number; districtId: number; wardIds: number[]; branches: number; members: number; users: number };

type CreatedUnit = { id: number; code: string; path: string };

async function createUnit(
  db: Prisma.TransactionClient,
  unit: { code: string; name: string; level: OrgLevel },
  parent: CreatedUnit | null,
): Promise<CreatedUnit> {
  const created = await db.orgUnit.create({
    data: { ...unit, parentId: parent?.id ?? null, path: "/", depth: parent ? parent.path.split("/").filter(Boolean).length : 0, validFrom: UNITS_VALID_FROM },
  });
  const path = `${parent?.path ?? "/"}${created.id}/`;
  await db.orgUnit.update({ where: { id: created.id }, data: { path } });
  return { id: created.id, code: created.code, path };
}

async function createChildren(
  db: Prisma.TransactionClient,
  parent: CreatedUnit,
  level: OrgLevel,
  units: { code: string; name: string }[],
): Promise<CreatedUnit[]> {
  const depth = parent.path.split("/").filter(Boolean).length;
  const created = await db.orgUnit.createManyAndReturn({
    data: units.map((unit) => ({ ...unit, level, parentId: parent.id, path: "/", depth, validFrom: UNITS_VALID_FROM })),
    select: { id: true, code: true },
  });
  await db.$executeRaw`UPDATE "OrgUnit" SET path = ${parent.path} || id || '/' WHERE "parentId" = ${parent.id}`;
  const byCode = new Map(created.map((unit) => [unit.code, unit.id]));
  return units.map((unit) => {
    const id = byCode.get(unit.code)!;
    return { id, code: unit.code, path: `${parent.path}${id}/` };
  });
}

/** Writes the district demo into an empty database. */
export async function seedDistrictDemo(db: Prisma.TransactionClient, options: SeedOptions): Promise<SeededDistrict> {
  const log = options.log ?? (() => undefined);
  const random = createRandom(options.seed ?? DEMO_SEED);

  log("Tạo cây tổ chức: Thành phố Hà Nội → Quận Long Biên → 14 phường ...");
  const city = await createUnit(db, { code: "HN", name: "Thành phố Hà Nội", level: "CITY" }, null);
  const district = await createUnit(db, { code: "LB", name: "Quận Long Biên", level: "DISTRICT" }, city);
  const wards = await createChildren(
    db,
    district,
    "WARD",
    LONG_BIEN_WARDS.map((ward) => ({ code: `LB-${ward.code}`, name: `Phường ${ward.name}` })),
  );

  const branchKinds = new Map<string, BranchKind>();
  const branches: CreatedUnit[] = [];
  for (const [i, ward] of wards.entries()) {
    const plans = planWardBranches(ward.code, LONG_BIEN_WARDS[i]);
    for (const plan of plans) branchKinds.set(plan.code, plan.kind);
    branches.push(...(await createChildren(db, ward, "BRANCH", plans.map(({ code, name }) => ({ code, name })))));
  }
  log(`Đã tạo ${wards.length} phường, ${branches.length} chi bộ.`);

  let members = 0;
  const secretaries = new Map<number, string>();
  let batch: MemberRow[] = [];
  for (const [i, branch] of branches.entries()) {
    const rows = planBranchMembers(random, { ...branch, kind: branchKinds.get(branch.code)! });
    const secretary = rows.find((row) => row.status === "ACTIVE" && row.birthYear >= 1955) ?? rows[0];
    secretaries.set(branch.id, secretary.fullName);
    batch.push(...rows);
    if (batch.length >= 4000 || i === branches.length - 1) {
      await db.member.createMany({ data: batch });
      members += batch.length;
      batch = [];
      log(`Đảng viên: ${members.toLocaleString("vi-VN")} (${Math.round(((i + 1) / branches.length) * 100)}%)`);
    }
  }

  const users: { username: string; displayName: string; role: Role; orgUnitId: number }[] = [
    { username: "admin", displayName: "Quản trị hệ thống", role: "ADMIN", orgUnitId: city.id },
    { username: "bantochuc", displayName: "Ban Tổ chức Quận ủy Long Biên", role: "BOARD_REVIEWER", orgUnitId: district.id },
    { username: "lanhdao", displayName: "Lãnh đạo Quận ủy Long Biên", role: "LEADER", orgUnitId: district.id },
    { username: "lanhdao-thanhpho", displayName: "Lãnh đạo Thành ủy Hà Nội", role: "LEADER", orgUnitId: city.id },
    ...wards.map((ward, i) => ({
      username: `phuong-${slugify(LONG_BIEN_WARDS[i].name)}`,
      displayName: `Văn phòng Đảng ủy phường ${LONG_BIEN_WARDS[i].name}`,
      role: "WARD_COMMITTEE" as const,
      orgUnitId: ward.id,
    })),
    ...branches.map((branch) => ({
      username: `chibo-${branch.code.toLowerCase()}`,
      displayName: secretaries.get(branch.id) ?? "Bí thư chi bộ",
      role: "BRANCH_SECRETARY" as const,
      orgUnitId: branch.id,
    })),
  ];
  // One hash for every demo account: they share the demo password, and 540 Argon2id hashes would take half a minute.
  await db.user.createMany({ data: users.map((user) => ({ ...user, passwordHash: options.passwordHash, passwordChangedAt: DEMO_TODAY })) });
  log(`Đã tạo ${users.length} tài khoản demo.`);

  return { cityId: city.id, districtId: district.id, wardIds: wards.map((ward) => ward.id), branches: branches.length, members, users: users.length };
}
