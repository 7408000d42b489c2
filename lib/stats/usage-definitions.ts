// Two figures about "using the handbook in meetings" come from two sources and
// differ by design; every page names them with these words so that nobody takes
// one for the other. Shared by server and client components.

export const HANDBOOK_USE = {
  /** Handbook figures (lib/stats): branches whose latest usage report of the month says "used in meetings", over all branches. */
  reported: {
    label: "Chi bộ báo dùng Sổ tay trong sinh hoạt",
    short: "Chi bộ báo dùng",
    source: "theo báo cáo sử dụng Sổ tay",
    explain: "Số chi bộ mà báo cáo sử dụng Sổ tay mới nhất trong tháng (từ ứng dụng Sổ tay hoặc tệp nhập) ghi có dùng trong sinh hoạt, trên tổng số chi bộ.",
  },
  /** Meetings (lib/meetings): recorded meetings ticked "used the handbook", over the meetings recorded. */
  recorded: {
    label: "Cuộc họp ghi có dùng Sổ tay",
    short: "Họp có dùng Sổ tay",
    source: "theo biên bản cuộc họp đã ghi",
    explain: "Số cuộc họp chi bộ đã ghi trong tháng có đánh dấu dùng Sổ tay đảng viên điện tử, trên số cuộc họp đã ghi. Khác với số chi bộ báo dùng theo báo cáo sử dụng Sổ tay.",
  },
} as const;

/** Installed over eligible is left as reported: above 100% when members outside the required group installed it too. */
export const ELIGIBLE_RATE_EXPLAIN = "Đã cài / thuộc diện có thể vượt 100%: đảng viên ngoài diện bắt buộc cài (ví dụ cao tuổi, miễn sinh hoạt) vẫn cài Sổ tay và được tính vào số đã cài.";

export function eligibleRateNote(rate: number | null | undefined): string | null {
  return rate !== null && rate !== undefined && rate > 1 ? "vượt 100% vì có đảng viên ngoài diện bắt buộc vẫn cài" : null;
}
