// Passage anchors: a quote with its offsets and a little context, found again
// in later versions where the text survives (W3C "text quote selector" idea).
// Shared by server and client code.

export type Anchor = { quote: string; start: number; end: number; prefix?: string | null; suffix?: string | null };
export type LocatedAnchor = { start: number; end: number };

const CONTEXT = 32;

/** Anchor fields to store for a passage of `body`. */
export function anchorFor(body: string, start: number, end: number): Anchor {
  return { quote: body.slice(start, end), start, end, prefix: body.slice(Math.max(0, start - CONTEXT), start), suffix: body.slice(end, end + CONTEXT) };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where the passage is in `body`, or null when it no longer exists (outdated).
 * Among several occurrences, the one whose context matches best and that is
 * closest to the original position wins.
 */
export function locateAnchor(body: string, anchor: Anchor): LocatedAnchor | null {
  if (!anchor.quote) return null;
  if (body.slice(anchor.start, anchor.end) === anchor.quote) return { start: anchor.start, end: anchor.end };
  let best: { start: number; score: number } | null = null;
  let index = body.indexOf(anchor.quote);
  let guard = 0;
  while (index !== -1 && guard++ < 200) {
    const before = body.slice(Math.max(0, index - CONTEXT), index);
    const after = body.slice(index + anchor.quote.length, index + anchor.quote.length + CONTEXT);
    const context = commonSuffixLength(before, anchor.prefix ?? "") + commonPrefixLength(after, anchor.suffix ?? "");
    const score = context * 1000 - Math.abs(index - anchor.start);
    if (!best || score > best.score) best = { start: index, score };
    index = body.indexOf(anchor.quote, index + 1);
  }
  return best ? { start: best.start, end: best.start + anchor.quote.length } : null;
}

/** Finds a quote typed or pasted by the user (whitespace-insensitive); null when absent. */
export function findQuote(body: string, quote: string): LocatedAnchor | null {
  const wanted = quote.normalize("NFC").trim();
  if (!wanted) return null;
  const exact = body.indexOf(wanted);
  if (exact !== -1) return { start: exact, end: exact + wanted.length };
  const pattern = new RegExp(wanted.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
  const match = pattern.exec(body);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}
