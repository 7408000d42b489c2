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
  GUIDANCE_MISSED: "Chưa cụ thể hóa định hướng",
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

/** Generic phrases per 100 words from which the wording itself counts as formalistic. */
const GENERIC_DENSITY_STRONG = 4;

const GROUNDING = ["figures", "responsibilities", "deadlines"] as const;
const SUBSTANCE = ["assessment", "tasks", "local"] as const;
const ITEM_NAMES: Record<string, string> = {
  figures: "số liệu cụ thể",
  responsibilities: "người phụ trách",
  deadlines: "thời hạn",
  assessment: "phần đánh giá kết quả tháng trước",
  tasks: "nhiệm vụ cụ thể cho tháng tới",
  local: "địa bàn cụ thể (ngõ, phố, tổ dân phố…)",
};

function copiedTextLacks(checklist: ChecklistItem[]): string {
  const missing = new Set(checklist.filter((item) => !item.ok).map((item) => item.key));
  const lacking = [...GROUNDING, ...SUBSTANCE].filter((key) => missing.has(key)).map((key) => ITEM_NAMES[key]);
  return lacking.length ? ` Phần chép cũng thiếu ${lacking.join(", ")}.` : "";
}

/** The reason of TEMPLATE_COPY, also when an earlier draft learns that a later one copies it. */
export function templateCopyReason(score: number, threshold: number, checklist: ChecklistItem[]): string {
  return `Giống ${percent(score)} với một dự thảo khác cùng kỳ (đã trừ phần thể thức bắt buộc; ngưỡng ${percent(threshold)}).${copiedTextLacks(checklist)}`;
}

/**
 * Each flag stands on its own evidence, and only strong evidence proposes it:
 * - TEMPLATE_COPY / PREVIOUS_COPY: the similarity, from the thresholds up;
 * - NOT_GROUNDED: two of figures, responsibilities, deadlines missing;
 * - FORMALISTIC: dense generic wording (≥ 4 phrases per 100 words) with the
 *   assessment, the tasks or local specifics missing — not the grounding
 *   items, which are NOT_GROUNDED's evidence;
 * - GUIDANCE_MISSED: half the month's topics not addressed.
 * Every reason states the figure and the threshold it passed; a copy's reason
 * also says what the copied text lacks.
 */
export function proposeFlags(input: FlagInput): { flags: DraftFlagKey[]; reasons: Partial<Record<DraftFlagKey, string>> } {
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const reasons: Partial<Record<DraftFlagKey, string>> = {};
  const missing = new Set(input.checklist.filter((item) => !item.ok).map((item) => item.key));
  const groundMissing = GROUNDING.filter((key) => missing.has(key));
  const substanceMissing = SUBSTANCE.filter((key) => missing.has(key));
  const copiedLacks = copiedTextLacks(input.checklist);

  if (input.topSimilar && input.topSimilar.score >= thresholds.templateCopy) {
    reasons.TEMPLATE_COPY = templateCopyReason(input.topSimilar.score, thresholds.templateCopy, input.checklist);
  }
  if (input.previous && input.previous.score >= thresholds.previousCopy) {
    reasons.PREVIOUS_COPY = `Giống ${percent(input.previous.score)} với dự thảo tháng trước của chính chi bộ (ngưỡng ${percent(thresholds.previousCopy)}).${reasons.TEMPLATE_COPY ? "" : copiedLacks}`;
  }
  if (groundMissing.length >= 2) {
    reasons.NOT_GROUNDED = `Thiếu ${groundMissing.map((key) => ITEM_NAMES[key]).join(", ")} (cần ít nhất hai trong ba: số liệu, người phụ trách, thời hạn).`;
  }
  if (input.genericDensity >= GENERIC_DENSITY_STRONG && substanceMissing.length >= 1) {
    const density = input.genericDensity.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
    reasons.FORMALISTIC = `Nhiều cụm từ chung chung (${density} cụm/100 chữ, từ ${GENERIC_DENSITY_STRONG} là nhiều) và thiếu ${substanceMissing.map((key) => ITEM_NAMES[key]).join(", ")}.`;
  }
  const missed = input.directives.filter((result) => result.status !== "ADDRESSED");
  if (input.directives.length && missed.length / input.directives.length >= 0.5) {
    reasons.GUIDANCE_MISSED = `Chưa cụ thể hóa ${missed.length}/${input.directives.length} nội dung định hướng: ${missed.map((result) => `${result.title} (${result.status === "MISSING" ? "không nhắc đến" : "chỉ nhắc lại"})`).join("; ")}.`;
  }
  const flags = (Object.keys(reasons) as DraftFlagKey[]).sort((a, b) => DRAFT_FLAGS.indexOf(a) - DRAFT_FLAGS.indexOf(b));
  return { flags, reasons };
}
