import { diffStats, wordDiff } from "@/lib/drafts/word-diff";
import { formatNumber } from "@/lib/format/number";

/** Word-level differences between two texts: insertions and deletions inline. */
export function DiffView({ before, after, fromNo, toNo }: { before: string; after: string; fromNo: number; toNo: number }) {
  const segments = wordDiff(before, after);
  const stats = diffStats(segments);
  return (
    <div>
      <p className="small muted diff-legend">
        Phiên bản {fromNo} → {toNo}: <ins>{formatNumber(stats.added)} chữ thêm</ins> · <del>{formatNumber(stats.removed)} chữ bỏ</del>
      </p>
      <div className="draft-text diff" aria-label={`Thay đổi từ phiên bản ${fromNo} đến ${toNo}`}>
        {segments.map((segment, i) =>
          segment.kind === "added" ? <ins key={i}>{segment.text}</ins> : segment.kind === "removed" ? <del key={i}>{segment.text}</del> : <span key={i}>{segment.text}</span>,
        )}
      </div>
    </div>
  );
}
