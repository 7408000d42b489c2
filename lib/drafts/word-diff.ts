// Word-level differences between two versions (diff 9), as segments the
// page renders with <ins> and <del>. Changed words separated only by spaces
// are joined into one deletion followed by one insertion, so a rewritten
// sentence reads as "old sentence → new sentence" rather than word by word.
// Shared by server and client code.
import { diffWordsWithSpace } from "diff";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

export function wordDiff(before: string, after: string): DiffSegment[] {
  const raw: DiffSegment[] = diffWordsWithSpace(before, after).map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
  const result: DiffSegment[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) result.push({ kind: "removed", text: removed });
    if (added) result.push({ kind: "added", text: added });
    removed = "";
    added = "";
  };
  raw.forEach((segment, i) => {
    if (segment.kind === "removed") removed += segment.text;
    else if (segment.kind === "added") added += segment.text;
    else if ((removed || added) && /^[ \t]+$/.test(segment.text) && raw[i + 1] && raw[i + 1].kind !== "same") {
      removed += segment.text;
      added += segment.text;
    } else {
      flush();
      result.push(segment);
    }
  });
  flush();
  return result;
}

export function diffStats(segments: DiffSegment[]): { added: number; removed: number } {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return segments.reduce((sum, segment) => ({ added: sum.added + (segment.kind === "added" ? words(segment.text) : 0), removed: sum.removed + (segment.kind === "removed" ? words(segment.text) : 0) }), { added: 0, removed: 0 });
}
