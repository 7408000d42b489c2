import { z } from "zod";
import { defineSetting } from "@/lib/settings/define";

// Adoption thresholds as city committees report them: below the first is red,
// from the first to the second amber, from the second on green.
export const HANDBOOK_THRESHOLDS = defineSetting<number[]>({
  key: "stats.handbook.thresholds",
  label: "Ngưỡng tỷ lệ cài đặt, sử dụng Sổ tay (%)",
  description: "Hai số, ví dụ \"50, 80\": dưới số đầu tô đỏ, từ số đầu đến dưới số sau tô vàng, từ số sau trở lên tô xanh. Áp dụng cho bảng điều hành và danh sách chi bộ chậm.",
  input: "integer-list",
  schema: z
    .array(z.coerce.number({ message: "Ngưỡng phải là số." }).int("Ngưỡng phải là số nguyên.").min(1, "Ngưỡng từ 1 đến 100.").max(100, "Ngưỡng từ 1 đến 100."), { message: "Nhập hai ngưỡng, ví dụ 50, 80." })
    .length(2, "Nhập đúng hai ngưỡng, ví dụ 50, 80.")
    .refine(([low, high]) => low < high, "Ngưỡng đầu phải nhỏ hơn ngưỡng sau."),
  defaultValue: [50, 80],
});
