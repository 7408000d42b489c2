// Words of a draft as the analyzer sees them: folded (no case, no diacritics,
// "đ" → "d", digits → "#") with their offsets in the original text, so that
// findings can point back at the passage. Shared by server, seed and tests.

import { hashWord } from "./hash";

export type Token = {
  /** Folded word. */
  word: string;
  /** Hash of the folded word. */
  hash: number;
  /** Offsets in the (NFC) body. */
  start: number;
  end: number;
};

const WORD = /[\p{L}\p{N}]+/gu;
const foldCache = new Map<string, { word: string; hash: number }>();

function foldSlow(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().normalize("NFC");
}

// Folded form of each non-ASCII character met so far (Vietnamese letters first).
const charFold = new Map<number, string>();

/** "Nghị quyết Đảng ủy" → "nghi quyet dang uy" (the same rule as SQL vn_fold). */
export function foldText(text: string): string {
  let out = "";
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 65 && code <= 90) {
        out += text.slice(plainFrom, i) + String.fromCharCode(code + 32);
        plainFrom = i + 1;
      }
      continue;
    }
    if (code >= 0x300 && code <= 0x36f) return foldSlow(text); // decomposed input: take the general path
    let folded = charFold.get(code);
    if (folded === undefined) {
      folded = code >= 0xd800 && code <= 0xdfff ? text[i] : foldSlow(text[i]);
      if (charFold.size < 5_000) charFold.set(code, folded);
    }
    out += text.slice(plainFrom, i) + folded;
    plainFrom = i + 1;
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom);
}

function foldWord(word: string): { word: string; hash: number } {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    const text = foldText(word).replace(/\d+/g, "#");
    folded = { word: text, hash: hashWord(text) };
    if (foldCache.size < 100_000) foldCache.set(word, folded);
  }
  return folded;
}

/** The words of a text with their offsets. Numbers become "#" so that changing a figure or a month does not hide a copy. */
export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= body.length; i++) {
    const inWord = i < body.length && isWordChar(body.charCodeAt(i), body, i);
    if (inWord) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      const folded = foldWord(body.slice(start, i));
      tokens.push({ word: folded.word, hash: folded.hash, start, end: i });
      start = -1;
    }
  }
  return tokens;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Same as /[\p{L}\p{N}]/u, with a fast path for Latin and Vietnamese letters. */
function isWordChar(code: number, text: string, index: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (code >= 0x1e00 && code <= 0x1eff) return true;
  if (code >= 0xd800 && code <= 0xdfff) return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(code <= 0xdbff ? index : index - 1) ?? 0));
  return LETTER_OR_DIGIT.test(text[index]);
}

/** Words as Vietnamese users count them (syllables separated by spaces or punctuation). */
export function countWords(body: string): number {
  let count = 0;
  for (const _ of body.matchAll(WORD)) count++;
  return count;
}

/** Text as stored: NFC, Unix line ends, no trailing spaces, at most one blank line in a row. */
export function normalizeBody(body: string): string {
  return body
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
