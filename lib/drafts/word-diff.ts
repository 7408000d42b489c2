// Word-level differences between two versions (diff 9), as segments the
// page renders with <ins> and <del>. Shared by server and client code.
import { diffWordsWithSpace } from "diff";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

export function wordDiff(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
}

export function diffStats(segments: DiffSegment[]): { added: number; removed: number } {
  const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return segments.reduce((sum, segment) => ({ added: sum.added + (segment.kind === "added" ? words(segment.text) : 0), removed: sum.removed + (segment.kind === "removed" ? words(segment.text) : 0) }), { added: 0, removed: 0 });
}
