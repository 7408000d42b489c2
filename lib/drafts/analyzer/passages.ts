// The passages two drafts share, as offsets in both texts: what the reviewer
// sees highlighted when the analyzer says "similar". Runs of identical
// shingles are merged into passages; boilerplate-only runs are left out.
import { SHINGLE_SIZE, type ShingledText } from "./shingles";

export type SharedPassage = {
  /** Offsets in the first text. */
  start: number;
  end: number;
  /** Offsets in the other text. */
  otherStart: number;
  otherEnd: number;
  /** Words in the passage. */
  words: number;
};

/** Passages of at least `minWords` words that occur in both texts (numbers may differ). */
export function sharedPassages(a: ShingledText, b: ShingledText, minWords = 8): SharedPassage[] {
  const positions = new Map<number, number[]>();
  for (let j = 0; j < b.shingles.length; j++) {
    if (b.discounted[j] === 2) continue;
    const list = positions.get(b.shingles[j]);
    if (list) {
      if (list.length < 8) list.push(j);
    } else positions.set(b.shingles[j], [j]);
  }
  const passages: SharedPassage[] = [];
  let i = 0;
  while (i < a.shingles.length) {
    const candidates = a.discounted[i] === 2 ? undefined : positions.get(a.shingles[i]);
    if (!candidates) {
      i++;
      continue;
    }
    let bestLength = 0;
    let bestJ = -1;
    for (const j of candidates) {
      let length = 0;
      while (
        i + length < a.shingles.length &&
        j + length < b.shingles.length &&
        a.discounted[i + length] !== 2 &&
        b.discounted[j + length] !== 2 &&
        a.shingles[i + length] === b.shingles[j + length]
      )
        length++;
      if (length > bestLength) {
        bestLength = length;
        bestJ = j;
      }
    }
    const words = bestLength + SHINGLE_SIZE - 1;
    let counted = 0;
    for (let k = i; k < i + bestLength; k++) if (a.discounted[k] === 0) counted++;
    if (words >= minWords && counted > 0) {
      const lastA = i + bestLength - 1 + SHINGLE_SIZE - 1;
      const lastB = bestJ + bestLength - 1 + SHINGLE_SIZE - 1;
      passages.push({ start: a.tokens[i].start, end: a.tokens[lastA].end, otherStart: b.tokens[bestJ].start, otherEnd: b.tokens[lastB].end, words });
    }
    i += Math.max(1, bestLength);
  }
  return mergeAdjacent(passages, a, b);
}

/** Joins passages separated only by a line break or punctuation in both texts (a copied paragraph of several lines). */
function mergeAdjacent(passages: SharedPassage[], a: ShingledText, b: ShingledText): SharedPassage[] {
  const merged: SharedPassage[] = [];
  const onlySeparators = (tokens: ShingledText["tokens"], from: number, to: number) => to >= from && !tokens.some((token) => token.start >= from && token.end <= to);
  for (const passage of passages) {
    const last = merged[merged.length - 1];
    if (last && passage.start >= last.end && passage.otherStart >= last.otherEnd && onlySeparators(a.tokens, last.end, passage.start) && onlySeparators(b.tokens, last.otherEnd, passage.otherStart)) {
      last.end = passage.end;
      last.otherEnd = passage.otherEnd;
      last.words += passage.words;
    } else merged.push({ ...passage });
  }
  return merged;
}
