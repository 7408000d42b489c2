// Everything the analyzer reads from one text alone, without the database:
// shingles and signature (for similarity), grounding checklist, generic
// phrasing, directive check. The server (lib/drafts/analyze-draft-version.ts),
// the demo seed and the benchmark all go through here.
import { assessGrounding, genericDensity, type ChecklistItem } from "./checklist";
import { checkDirectives, type DirectiveResult, type GuidanceTopic } from "./directives";
import { lshBuckets, minhashSignature } from "./minhash";
import { jaccard, shingleSetOf, shingleText, type ShingledText } from "./shingles";
import { sharedPassages, type SharedPassage } from "./passages";
import { foldText } from "./text";

export type TextAnalysis = {
  shingled: ShingledText;
  signature: Int32Array;
  buckets: number[];
  checklist: ChecklistItem[];
  genericDensity: number;
  directives: DirectiveResult[];
};

/** Shingles of the month's guidance: not counted as similarity between drafts. */
export function guidanceDiscount(topics: Pick<GuidanceTopic, "title" | "details">[]): Set<number> {
  return shingleSetOf(topics.map((topic) => `${topic.title}\n${topic.details}`));
}

export function analyzeText(body: string, topics: GuidanceTopic[] = [], discount?: Set<number>): TextAnalysis {
  const shingled = shingleText(body, discount ?? guidanceDiscount(topics));
  const signature = minhashSignature(shingled.set);
  const folded = foldText(body);
  return {
    shingled,
    signature,
    buckets: lshBuckets(signature, shingled.set.length),
    checklist: assessGrounding(body, folded),
    genericDensity: genericDensity(body, folded),
    directives: checkDirectives(body, topics, folded),
  };
}

export type Comparison = { score: number; passages: SharedPassage[] };

/** Exact similarity of two texts and the passages they share. */
export function compareTexts(a: ShingledText, b: ShingledText, withPassages = true): Comparison {
  return { score: jaccard(a.set, b.set), passages: withPassages ? sharedPassages(a, b) : [] };
}

/** Rounds a similarity for storage and display (0.8734 → 0.873). */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
