// The grounding checklist: does the draft assess last month, set tasks for the
// coming month, name who is responsible and by when, give concrete figures
// and speak of local specifics? Each item is met or missing, with the words
// that showed it, so the reviewer can check the machine's reading.
import { foldText } from "./text";
import { isUpperCaseLine } from "./shingles";

export const CHECKLIST_KEYS = ["assessment", "tasks", "responsibilities", "deadlines", "figures", "local"] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];

export type ChecklistItem = { key: ChecklistKey; ok: boolean; count: number; evidence: string[] };

export const CHECKLIST_LABELS: Record<ChecklistKey, { label: string; hint: string }> = {
  assessment: { label: "Đánh giá kết quả tháng trước", hint: "Có phần đánh giá kết quả thực hiện nhiệm vụ tháng trước (ưu điểm, hạn chế)." },
  tasks: { label: "Nhiệm vụ tháng tới", hint: "Có phần phương hướng, nhiệm vụ cho tháng tới với các việc cụ thể." },
  responsibilities: { label: "Phân công người phụ trách", hint: "Nêu tên đồng chí hoặc bộ phận chịu trách nhiệm từng việc." },
  deadlines: { label: "Thời hạn hoàn thành", hint: "Có mốc thời gian: trước ngày…, chậm nhất…, hoàn thành trong…" },
  figures: { label: "Số liệu cụ thể", hint: "Có con số: số hộ, số người, tỷ lệ %, số tiền, số buổi…" },
  local: { label: "Đặc thù địa phương", hint: "Nêu tên tổ dân phố, ngõ, phố, điểm, công trình, vấn đề riêng của địa bàn." },
};

type Line = { text: string; folded: string; heading: boolean; listItem: boolean };

const HEADING = /^\s*(?:#{1,3}\s+|[IVX]{1,4}\.\s+|[A-D]\.\s+)/;
const LIST_ITEM = /^\s*(?:[-+•*–]\s+|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)/;

/** Lines with their folded form; `folded` is foldText(body) when the caller has it already. */
function splitLines(body: string, folded = foldText(body)): Line[] {
  const foldedLines = folded.split("\n");
  return body.split("\n").map((text, i) => ({ text, folded: foldedLines[i] ?? "", heading: HEADING.test(text) || isUpperCaseLine(text), listItem: LIST_ITEM.test(text) }));
}

function section(lines: Line[], headingPattern: RegExp): Line[] | null {
  const start = lines.findIndex((line) => line.heading && headingPattern.test(line.folded));
  if (start === -1) return null;
  const end = lines.findIndex((line, i) => i > start && line.heading && /^\s*(?:#{1,3}\s+)?[ivx]{1,4}\.\s/.test(line.folded));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

function wordCount(lines: Line[]): number {
  return lines.reduce((sum, line) => sum + (line.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
}

function snippet(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 20);
  const to = Math.min(text.length, index + length + 30);
  return `${from > 0 ? "…" : ""}${text.slice(from, to).trim()}${to < text.length ? "…" : ""}`;
}

function collect(text: string, patterns: RegExp[], limit = 50): { count: number; evidence: string[]; matches: string[] } {
  const evidence: string[] = [];
  const matches: string[] = [];
  let count = 0;
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      count++;
      matches.push(match[0]);
      if (evidence.length < 3) evidence.push(snippet(text, match.index, match[0].length));
      if (count >= limit) return { count, evidence, matches };
    }
  }
  return { count, evidence, matches };
}

// A named comrade: "đồng chí Nguyễn Văn Hùng", "đ/c Lan".
export const NAMED_PERSON = /(?:đồng chí|Đồng chí|đ\/c|Đ\/c)\s+(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\p{Ll}]+)(?:\s+[A-ZĐ][\p{Ll}]+){0,3}/gu;
// A responsibility: "giao…", "phân công…", "phụ trách", "chịu trách nhiệm", "chủ trì".
const RESPONSIBILITY = /(?:giao (?:cho )?(?:đồng chí|đ\/c|chi ủy|tổ trưởng|bí thư|phó bí thư|trưởng ban|tổ|ban|đoàn|hội)|phân công|phụ trách|chịu trách nhiệm|chủ trì|đầu mối)/giu;
// A deadline with a date or a number: "trước ngày 15/12", "chậm nhất 20/12/2026", "hoàn thành trong tháng 12".
export const DEADLINE = /(?:trước ngày|chậm nhất(?: (?:vào )?ngày)?|hạn chót|thời hạn|hoàn thành (?:trước|trong|xong|vào)|xong trước|trong tuần (?:đầu|thứ \d)|từ ngày)\s*(?:ngày\s*)?\d{1,2}(?:[/-]\d{1,2}(?:[/-]\d{2,4})?)?/giu;
// A figure with its unit.
export const FIGURE = /(?<![\d/.,-])\d{1,3}(?:[.,]\d{1,3})*(?:[.,]\d+)?\s*(?:%|phần trăm|hộ|người|đảng viên|cháu|học sinh|em\b|triệu|nghìn|tỷ|đồng|kg|tấn|suất|lượt|buổi|cuộc|lớp|vụ|m2|m²|m3|km|mét|ca\b|phiếu|tin|bài|gia đình|công trình|hồ sơ|trường hợp|thẻ|chỉ tiêu|tuyến|điểm|cây|bình|camera|đèn|thùng|xe|nhà|căn|quỹ|gói|phần quà|ngày công)/giu;
// A place of the area: "ngõ 234", "phố Ngọc Lâm", "tổ dân phố số 5", "Nhà văn hóa tổ 3".
export const LOCAL_PLACE = /(?:ngõ|ngách|hẻm|phố|đường|tổ dân phố|tổ|khu tập thể|khu đô thị|khu dân cư|khu|cụm dân cư|chợ|nhà văn hóa|chung cư|tòa nhà|thôn|xóm|bãi|vườn hoa|công viên|điểm tập kết|bến|cầu)\s+(?:số\s+)?(?:[A-ZĐ\d][\p{L}\d]*)(?:\s+[A-ZĐ][\p{L}]*){0,3}/gu;

const ASSESSMENT_HEADING = /danh gia|ket qua thuc hien|ket qua (?:thang|cong tac)|tinh hinh/;
const TASK_HEADING = /nhiem vu|phuong huong|ke hoach/;

/** The checklist of one draft. */
export function assessGrounding(body: string, folded = foldText(body)): ChecklistItem[] {
  const lines = splitLines(body, folded);
  const content = lines.filter((line) => !line.heading).map((line) => line.text).join("\n");

  const assessment = section(lines, ASSESSMENT_HEADING);
  const assessmentWords = assessment ? wordCount(assessment) : 0;
  const tasks = section(lines, TASK_HEADING);
  const taskItems = tasks ? tasks.filter((line) => line.listItem).length : 0;
  const taskWords = tasks ? wordCount(tasks) : 0;

  const people = collect(content, [NAMED_PERSON]);
  const duties = collect(content, [RESPONSIBILITY]);
  const deadlines = collect(content, [DEADLINE]);
  const figures = collect(content, [FIGURE]);
  const places = collect(content, [LOCAL_PLACE]);
  const distinctPlaces = new Set(places.matches.map((match) => foldText(match))).size;

  return [
    { key: "assessment", ok: assessmentWords >= 40, count: assessmentWords, evidence: assessment ? [`${assessmentWords} chữ trong phần đánh giá`] : [] },
    { key: "tasks", ok: taskItems >= 2 || taskWords >= 60, count: taskItems, evidence: tasks ? [`${taskItems} nhiệm vụ được liệt kê`] : [] },
    { key: "responsibilities", ok: people.count >= 1 && people.count + duties.count >= 2, count: people.count + duties.count, evidence: [...people.evidence, ...duties.evidence].slice(0, 3) },
    { key: "deadlines", ok: deadlines.count >= 2, count: deadlines.count, evidence: deadlines.evidence },
    { key: "figures", ok: figures.count >= 3, count: figures.count, evidence: figures.evidence },
    { key: "local", ok: distinctPlaces >= 2, count: distinctPlaces, evidence: places.evidence },
  ];
}

// Phrases that fill a resolution without saying anything checkable.
const GENERIC_PHRASES = [
  "tiep tuc", "thuc hien tot", "nang cao chat luong", "day manh", "tang cuong", "quan triet", "trien khai thuc hien", "co hieu qua",
  "nghiem tuc", "kip thoi", "day du", "phat huy", "gop phan", "cac chi thi, nghi quyet", "theo ke hoach", "chu dong", "thuong xuyen",
];

const GENERIC_PATTERN = new RegExp(GENERIC_PHRASES.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");

/** Generic phrases per 100 words: high in formalistic drafts. */
export function genericDensity(body: string, folded = foldText(body)): number {
  const words = folded.split(/\s+/).length;
  if (!words) return 0;
  const count = folded.match(GENERIC_PATTERN)?.length ?? 0;
  return (count / words) * 100;
}
