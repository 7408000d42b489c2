import type { OrgLevel } from "@/lib/generated/prisma/enums";

export const LEVEL_LABELS: Record<OrgLevel, string> = {
  CITY: "Thành ủy",
  DISTRICT: "Quận ủy / Huyện ủy",
  WARD: "Đảng ủy phường / xã",
  BRANCH: "Chi bộ",
};

export const CHILD_LEVEL_LABELS: Record<OrgLevel, string> = {
  CITY: "Quận, huyện",
  DISTRICT: "Phường, xã",
  WARD: "Chi bộ",
  BRANCH: "Đảng viên",
};

// A unit's children named by their own level: since the 2025 reform the city's children are wards
// and communes, not districts, and a tree in transition holds both.
const UNITS_AT_LEVEL: Record<OrgLevel, string> = {
  CITY: "Thành phố",
  DISTRICT: "Quận, huyện",
  WARD: "Phường, xã",
  BRANCH: "Chi bộ",
};

/** What the children of a unit at `parentLevel` are called, by the levels they are at (none: by the parent's level). */
export function childUnitsLabel(parentLevel: OrgLevel, childLevels: Iterable<OrgLevel>): string {
  const levels = new Set(childLevels);
  if (levels.size > 1) return "Đơn vị trực thuộc";
  const [level] = levels;
  return level ? UNITS_AT_LEVEL[level] : CHILD_LEVEL_LABELS[parentLevel];
}
