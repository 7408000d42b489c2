export const MEMBER_STATUS_LABELS = {
  ACTIVE: "Đang sinh hoạt",
  EXEMPT: "Miễn sinh hoạt",
  TRANSFERRED_OUT: "Đã chuyển đi",
  DECEASED: "Đã từ trần",
} as const;
