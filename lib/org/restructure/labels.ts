// Vietnamese labels of restructuring, shared by server and client code.
import type { LineageKind, OrgLevel, RestructureType } from "@/lib/generated/prisma/enums";

export const LEVEL_LABELS_RESTRUCTURE: Record<OrgLevel, string> = { CITY: "Thành phố", DISTRICT: "Quận/huyện", WARD: "Phường/xã", BRANCH: "Chi bộ" };

export const RESTRUCTURE_TYPE_LABELS: Record<RestructureType, string> = {
  MERGE: "Hợp nhất",
  SPLIT: "Chia tách",
  MOVE: "Chuyển trực thuộc",
  RENAME: "Đổi tên",
  CLOSE: "Giải thể",
};

export const LINEAGE_KIND_LABELS: Record<LineageKind, string> = {
  MERGED_INTO: "hợp nhất vào",
  SPLIT_INTO: "chia tách thành",
  MOVED: "chuyển về",
  RENAMED: "đổi tên",
  CLOSED: "giải thể",
};
