// Maps a browser selection inside a DraftText to offsets in the body.
export type SelectedPassage = { start: number; end: number; quote: string };

function runStart(element: Element): number {
  return Number(element.getAttribute("data-o"));
}

function offsetOf(node: Node, offset: number, edge: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest("[data-o]");
    return run ? runStart(run) + offset : null;
  }
  const element = node as Element;
  const own = element.closest("[data-o]");
  if (own) return runStart(own) + (offset > 0 ? (own.textContent?.length ?? 0) : 0);
  // A boundary between child nodes: the run just after it (start) or just before it (end).
  const children = element.childNodes;
  const candidate = edge === "start" ? children[offset] : children[offset - 1];
  if (!candidate || candidate.nodeType !== Node.ELEMENT_NODE) return null;
  const runs = (candidate as Element).matches("[data-o]") ? [candidate as Element] : [...(candidate as Element).querySelectorAll("[data-o]")];
  if (!runs.length) return null;
  const run = edge === "start" ? runs[0] : runs[runs.length - 1];
  return runStart(run) + (edge === "start" ? 0 : (run.textContent?.length ?? 0));
}

export function selectedPassage(container: HTMLElement, body: string): SelectedPassage | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  let start = offsetOf(range.startContainer, range.startOffset, "start");
  let end = offsetOf(range.endContainer, range.endOffset, "end");
  if (start === null || end === null) return null;
  if (end < start) [start, end] = [end, start];
  // Trim spaces and line breaks at the edges.
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (end - start < 2) return null;
  return { start, end, quote: body.slice(start, end) };
}
