/** Where a usage snapshot came from, as users read it. */
export const SOURCE_LABELS: Record<string, string> = { import: "Nhập tệp CSV", api: "Ứng dụng Sổ tay (API)", seed: "Dữ liệu mẫu" };
