// A draft's plain text as the reader sees it: headings, list items and
// paragraphs by line, with highlighted ranges (comments, shared passages).
// Every text run carries its offset in the body (data-o), so that a
// selection maps back to offsets. No hooks: used by server and client components.
import { Fragment } from "react";

export type Highlight = { start: number; end: number; className: string; href?: string; title?: string; id?: string };

type Line = { start: number; end: number; text: string; kind: "h" | "li" | "p" | "blank" };

const HEADING = /^\s*(?:#{1,3}\s+|[IVX]{1,4}\.\s+|[A-D]\.\s+)/;
const LIST_ITEM = /^\s*(?:[-+•*–]\s+|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)/;

function splitDraftLines(body: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text of body.split("\n")) {
    const upper = text.trim().length >= 4 && text === text.toUpperCase() && text !== text.toLowerCase();
    const kind = !text.trim() ? "blank" : HEADING.test(text) || upper ? "h" : LIST_ITEM.test(text) ? "li" : "p";
    lines.push({ start, end: start + text.length, text, kind });
    start += text.length + 1;
  }
  return lines;
}

function segmentsOf(line: Line, highlights: Highlight[]) {
  const cuts = new Set([line.start, line.end]);
  const inside = highlights.filter((h) => h.end > line.start && h.start < line.end);
  for (const h of inside) {
    cuts.add(Math.max(line.start, h.start));
    cuts.add(Math.min(line.end, h.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: { start: number; end: number; marks: Highlight[] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (to > from) segments.push({ start: from, end: to, marks: inside.filter((h) => h.start <= from && h.end >= to) });
  }
  return segments;
}

export function DraftText({ body, highlights = [], className = "" }: { body: string; highlights?: Highlight[]; className?: string }) {
  const lines = splitDraftLines(body);
  return (
    <div className={`draft-text ${className}`}>
      {lines.map((line) =>
        line.kind === "blank" ? (
          <div key={line.start} className="dl dl-blank" aria-hidden="true" />
        ) : (
          <div key={line.start} className={`dl dl-${line.kind}`}>
            {segmentsOf(line, highlights).map((segment) => {
              const text = line.text.slice(segment.start - line.start, segment.end - line.start);
              if (!segment.marks.length) return <span key={segment.start} data-o={segment.start}>{text}</span>;
              const mark = segment.marks[segment.marks.length - 1];
              const classes = [...new Set(segment.marks.map((m) => m.className))].join(" ");
              return (
                <Fragment key={segment.start}>
                  {mark.href ? (
                    // Not draggable: a drag that starts on a highlighted comment selects text instead of dragging the link.
                    <a href={mark.href} className={`mark-link ${classes}`} title={mark.title} data-o={segment.start} draggable={false}>
                      {text}
                    </a>
                  ) : (
                    <mark className={classes} title={mark.title} data-o={segment.start}>
                      {text}
                    </mark>
                  )}
                </Fragment>
              );
            })}
          </div>
        ),
      )}
    </div>
  );
}
