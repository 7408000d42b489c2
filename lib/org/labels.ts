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
