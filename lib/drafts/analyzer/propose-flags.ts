// Flags the analyzer proposes, each with its reason in Vietnamese. A reviewer
// accepts or dismisses them; nothing is decided by the machine.
import type { ChecklistItem } from "./checklist";
import type { DirectiveResult } from "./directives";

export const DRAFT_FLAGS = ["FORMALISTIC", "TEMPLATE_COPY", "PREVIOUS_COPY", "NOT_GROUNDED", "GUIDANCE_MISSED"] as const;
export type DraftFlagKey = (typeof DRAFT_FLAGS)[number];

export const FLAG_LABELS: Record<DraftFlagKey, string> = {
  FORMALISTIC: "Hình thức, chung chung",
  TEMPLATE_COPY: "Sao chép mẫu / chi bộ khác",
  PREVIOUS_COPY: "Sao chép tháng trước",
  NOT_GROUNDED: "Không sát thực tế",
  GUIDANCE_MISSED: "Chưa cụ thể hóa định hướng",
};

/** Short labels for tables. */
export const FLAG_SHORT: Record<DraftFlagKey, string> = {
  FORMALISTIC: "Hình thức",
  TEMPLATE_COPY: "Chép mẫu",
  PREVIOUS_COPY: "Chép tháng trước",
  NOT_GROUNDED: "Không sát thực tế",
  GUIDANCE_MISSED: "Chưa cụ thể hóa ĐH",
};

export type Thresholds = { templateCopy: number; previousCopy: number };
export const DEFAULT_THRESHOLDS: Thresholds = { templateCopy: 0.5, previousCopy: 0.7 };

export type FlagInput = {
  checklist: ChecklistItem[];
  genericDensity: number;
  topSimilar: { score: number } | null;
  previous: { score: number } | null;
  directives: DirectiveResult[];
  thresholds?: Thresholds;
};

const percent = (value: number) => `${Math.round(value * 100)}%`;

export function proposeFlags(input: FlagInput): { flags: DraftFlagKey[]; reasons: Partial<Record<DraftFlagKey, string>> } {
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const reasons: Partial<Record<DraftFlagKey, string>> = {};
  const missing = new Set(input.checklist.filter((item) => !item.ok).map((item) => item.key));

  if (input.topSimilar && input.topSimilar.score >= thresholds.templateCopy) {
    reasons.TEMPLATE_COPY = `Giống ${percent(input.topSimilar.score)} với một dự thảo khác cùng kỳ (đã trừ phần thể thức bắt buộc).`;
  }
  if (input.previous && input.previous.score >= thresholds.previousCopy) {
    reasons.PREVIOUS_COPY = `Giống ${percent(input.previous.score)} với dự thảo tháng trước của chính chi bộ.`;
  }
  const groundMissing = (["figures", "responsibilities", "deadlines"] as const).filter((key) => missing.has(key));
  if (groundMissing.length >= 2) {
    const names = { figures: "số liệu cụ thể", responsibilities: "người phụ trách", deadlines: "thời hạn" };
    reasons.NOT_GROUNDED = `Thiếu ${groundMissing.map((key) => names[key]).join(", ")}.`;
  }
  if (missing.size >= 3 || (input.genericDensity >= 4 && missing.has("figures"))) {
    reasons.FORMALISTIC = `Nhiều cụm từ chung chung (${input.genericDensity.toLocaleString("vi-VN", { maximumFractionDigits: 1 })} cụm/100 chữ), thiếu ${missing.size} trong 6 tiêu chí.`;
  }
  const missed = input.directives.filter((result) => result.status !== "ADDRESSED");
  if (input.directives.length && missed.length / input.directives.length >= 0.5) {
    reasons.GUIDANCE_MISSED = `Chưa cụ thể hóa: ${missed.map((result) => result.title).join("; ")}.`;
  }
  const flags = (Object.keys(reasons) as DraftFlagKey[]).sort((a, b) => DRAFT_FLAGS.indexOf(a) - DRAFT_FLAGS.indexOf(b));
  return { flags, reasons };
}
