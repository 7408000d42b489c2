// The directive check: which topics of the month's guidance a draft takes up
// with something concrete (ADDRESSED), only repeats (RESTATED) or leaves out
// (MISSING). A line counts as concrete when it names a person, a deadline, a
// figure or a place of the area.
import { foldText } from "./text";
import { DEADLINE, FIGURE, LOCAL_PLACE, NAMED_PERSON } from "./checklist";
import { jaccard, shingleText } from "./shingles";

export type GuidanceTopic = { id: number; title: string; details: string; keywords: string[] };
export type DirectiveStatus = "ADDRESSED" | "RESTATED" | "MISSING";
export type DirectiveResult = { guidanceId: number; title: string; status: DirectiveStatus; evidence: string | null };

export const DIRECTIVE_LABELS: Record<DirectiveStatus, string> = {
  ADDRESSED: "Đã cụ thể hóa",
  RESTATED: "Chỉ nhắc lại",
  MISSING: "Chưa đề cập",
};

/** Keywords of a topic, folded; the title's words when none were given. */
function topicKeywords(topic: Pick<GuidanceTopic, "title" | "keywords">): string[] {
  const given = topic.keywords.map((keyword) => foldText(keyword).trim()).filter((keyword) => keyword.length >= 2);
  return given.length ? given : [foldText(topic.title).trim()];
}

function isConcrete(text: string): boolean {
  return [NAMED_PERSON, DEADLINE, FIGURE, LOCAL_PLACE].some((pattern) => {
    pattern.lastIndex = 0;
    const found = pattern.test(text);
    pattern.lastIndex = 0;
    return found;
  });
}

function containsKeyword(folded: string, keyword: string): boolean {
  let index = folded.indexOf(keyword);
  while (index !== -1) {
    const before = index === 0 ? " " : folded[index - 1];
    const after = folded[index + keyword.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    index = folded.indexOf(keyword, index + 1);
  }
  return false;
}

const guidanceSets = new Map<string, Uint32Array>();
function guidanceSet(topic: GuidanceTopic): Uint32Array {
  const text = `${topic.title}\n${topic.details}`;
  let set = guidanceSets.get(text);
  if (!set) {
    set = shingleText(text).set;
    if (guidanceSets.size > 500) guidanceSets.clear();
    guidanceSets.set(text, set);
  }
  return set;
}

export function checkDirectives(body: string, topics: GuidanceTopic[], foldedBody = foldText(body)): DirectiveResult[] {
  if (!topics.length) return [];
  const foldedAll = foldedBody.split("\n");
  const lines: string[] = [];
  const folded: string[] = [];
  body.split("\n").forEach((text, i) => {
    if (text.trim()) {
      lines.push(text.trim());
      folded.push(foldedAll[i] ?? "");
    }
  });
  return topics.map((topic) => {
    const keywords = topicKeywords(topic);
    const matching = lines.filter((_, i) => keywords.some((keyword) => containsKeyword(folded[i], keyword)));
    if (!matching.length) return { guidanceId: topic.id, title: topic.title, status: "MISSING", evidence: null };
    const guidance = guidanceSet(topic);
    const concrete = matching.find((line) => isConcrete(line) && jaccard(shingleText(line).set, guidance) < 0.6);
    const line = (concrete ?? matching[0]).replace(/^\s*(?:[-+•*–]|\d{1,2}[.)])\s+/, "");
    return { guidanceId: topic.id, title: topic.title, status: concrete ? "ADDRESSED" : "RESTATED", evidence: line.length > 220 ? `${line.slice(0, 220)}…` : line };
  });
}
