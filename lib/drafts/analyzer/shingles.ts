// A text as a set of word shingles (5 consecutive folded words inside one
// line), with the mandatory form discounted: the letterhead and legal bases
// up to "CHI BỘ QUYẾT NGHỊ", section headings, the distribution list and
// signature, and any line that is mostly the standard wording
// (./boilerplate.ts). The month's guidance can be discounted as well.
import { combineHashes } from "./hash";
import { tokenize, type Token } from "./text";
import { BOILERPLATE_TEXTS } from "./boilerplate";

export const SHINGLE_SIZE = 5;

/** discounted[i]: 0 counts, 1 boilerplate or guidance, 2 crosses a line break (never compared). */
export type ShingledText = {
  tokens: Token[];
  /** Hash of the shingle starting at each word (length: words − 4). */
  shingles: Uint32Array;
  discounted: Uint8Array;
  /** Sorted unique hashes of the shingles that count. */
  set: Uint32Array;
};

function wordHashesOf(tokens: Token[]): Uint32Array {
  const hashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) hashes[i] = tokens[i].hash;
  return hashes;
}

function shingleHashesOf(tokens: Token[]): Uint32Array {
  const count = Math.max(0, tokens.length - SHINGLE_SIZE + 1);
  const wordHashes = wordHashesOf(tokens);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) shingles[i] = combineHashes(wordHashes, i, i + SHINGLE_SIZE);
  return shingles;
}

/** Shingles of a list of texts, as a set (boilerplate, guidance texts). */
export function shingleSetOf(texts: readonly string[]): Set<number> {
  const set = new Set<number>();
  for (const text of texts) for (const line of text.split("\n")) for (const hash of shingleHashesOf(tokenize(line))) set.add(hash);
  return set;
}

let boilerplate: Set<number> | undefined;
function boilerplateShingles(): Set<number> {
  boilerplate ??= shingleSetOf(BOILERPLATE_TEXTS);
  return boilerplate;
}

type LineSpan = { start: number; end: number; text: string };

function lineSpans(body: string): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = 0;
  for (const text of body.split("\n")) {
    spans.push({ start, end: start + text.length, text });
    start += text.length + 1;
  }
  return spans;
}

const DECISION_LINE = /^\s*(?:CHI BỘ\s+)?QUYẾT NGHỊ\s*:?\s*$/u;
const DISTRIBUTION_LINE = /^\s*Nơi nhận\s*:?/u;
const ROMAN_HEADING = /^\s*(?:#{1,3}\s+)?[IVX]{1,4}\.\s/;

/** A line in capitals (at least one letter, no lower-case letter). */
export function isUpperCaseLine(text: string): boolean {
  return text.length >= 4 && !LOWER.test(text) && UPPER.test(text);
}
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

function isHeading(text: string): boolean {
  return ROMAN_HEADING.test(text) || /^\s*#{1,3}\s/.test(text) || isUpperCaseLine(text);
}

/**
 * Shingles a draft. `discount` holds extra shingles that do not count (the
 * month's guidance: restating it verbatim is judged by the directive check,
 * not as copying).
 */
export function shingleText(body: string, discount?: Set<number>): ShingledText {
  const tokens = tokenize(body);
  const shingles = shingleHashesOf(tokens);
  const common = boilerplateShingles();
  const discounted = new Uint8Array(shingles.length);
  const lines = lineSpans(body);

  // Form parts: everything up to "CHI BỘ QUYẾT NGHỊ" (or the first section heading), from "Nơi nhận" on.
  const decision = lines.findIndex((line) => DECISION_LINE.test(line.text));
  const firstSection = lines.findIndex((line) => ROMAN_HEADING.test(line.text));
  const formEnd = decision !== -1 ? lines[decision].end : firstSection !== -1 ? lines[firstSection].start : -1;
  const distribution = lines.findIndex((line) => DISTRIBUTION_LINE.test(line.text));
  const formStart = distribution !== -1 ? lines[distribution].start : Infinity;

  let t = 0;
  for (const line of lines) {
    const first = t;
    while (t < tokens.length && tokens[t].start < line.end) t++;
    const last = t; // tokens [first, last) lie on this line
    const lineShingles = Math.max(0, last - first - SHINGLE_SIZE + 1);
    let standard = 0;
    for (let i = first; i < first + lineShingles; i++) if (common.has(shingles[i])) standard++;
    const wholeLine = line.start < formEnd || line.start >= formStart || isHeading(line.text) || (lineShingles > 0 && standard / lineShingles >= 0.5);
    for (let i = first; i < last && i < shingles.length; i++) {
      if (i >= first + lineShingles) discounted[i] = 2;
      else if (wholeLine || common.has(shingles[i]) || discount?.has(shingles[i])) discounted[i] = 1;
    }
  }

  return { tokens, shingles, discounted, set: countedSet(shingles, discounted) };
}

/** Sorted unique hashes of the shingles that count. */
function countedSet(shingles: Uint32Array, discounted: Uint8Array): Uint32Array {
  const kept = new Uint32Array(shingles.length);
  let n = 0;
  for (let i = 0; i < shingles.length; i++) if (discounted[i] === 0) kept[n++] = shingles[i];
  const sorted = kept.subarray(0, n).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i];
  return sorted.slice(0, unique);
}

/** |A ∩ B| for sorted unique arrays. */
function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common;
}

/** Jaccard similarity of the counted shingles (0–1). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (!a.length || !b.length) return 0;
  const common = intersectionSize(a, b);
  return common / (a.length + b.length - common);
}

/** Share of A's counted shingles that also occur in B (0–1). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  if (!a.length) return 0;
  return intersectionSize(a, b) / a.length;
}
