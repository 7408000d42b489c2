// Maps a browser selection inside a DraftText to offsets in the body.
// Every text run carries its body offset (data-o). A selection boundary is
// either inside a run's text, or between elements (a triple click ends at the
// start of the next line, a double click may end on the run element itself):
// those are placed by comparing the point with the runs in document order.
export type SelectedPassage = { start: number; end: number; quote: string };

function runStart(run: Element): number {
  return Number(run.getAttribute("data-o"));
}

function runEnd(run: Element): number {
  return runStart(run) + (run.textContent?.length ?? 0);
}

function boundaryOffset(container: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest("[data-o]");
    if (run && container.contains(run)) {
      // The run's text may be split in several text nodes: count the ones before.
      let before = 0;
      for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) before += sibling.textContent?.length ?? 0;
      return runStart(run) + before + offset;
    }
  }
  const runs = container.querySelectorAll("[data-o]");
  if (!runs.length) return null;
  const probe = document.createRange();
  let previous: Element | null = null;
  for (const run of runs) {
    probe.selectNodeContents(run);
    const position = probe.comparePoint(node, offset);
    if (position === 0) return offset === 0 && node === run ? runStart(run) : node === run ? runEnd(run) : runStart(run);
    if (position < 0) return edge === "start" || !previous ? runStart(run) : runEnd(previous);
    previous = run;
  }
  return runEnd(previous!);
}

export function selectedPassage(container: HTMLElement, body: string): SelectedPassage | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  // A selection that only partly covers the text (dragged out of it) keeps its part inside.
  if (!container.contains(range.startContainer) && !container.contains(range.endContainer)) return null;
  const inside = document.createRange();
  inside.selectNodeContents(container);
  const [startNode, startOffset] = range.compareBoundaryPoints(Range.START_TO_START, inside) < 0 ? [inside.startContainer, inside.startOffset] : [range.startContainer, range.startOffset];
  const [endNode, endOffset] = range.compareBoundaryPoints(Range.END_TO_END, inside) > 0 ? [inside.endContainer, inside.endOffset] : [range.endContainer, range.endOffset];
  let start = boundaryOffset(container, startNode, startOffset, "start");
  let end = boundaryOffset(container, endNode, endOffset, "end");
  if (start === null || end === null) return null;
  if (end < start) [start, end] = [end, start];
  // Trim spaces and line breaks at the edges.
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (end - start < 2) return null;
  return { start, end, quote: body.slice(start, end) };
}
