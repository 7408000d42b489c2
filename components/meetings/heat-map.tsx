import { html, markupString } from "@/lib/format/html";
import type { HeatCell, HeatRow } from "@/lib/meetings/compliance";
import { formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { MEETING_STATE_LABELS } from "@/lib/meetings/labels";

type Row = HeatRow & { parent?: { id: number; name: string } | null };
/** "held": whether and how well branches met; "quality": whether the meetings held met the criteria. */
export type HeatMode = "held" | "quality";
type Props = {
  periods: string[];
  rows: Row[];
  caption: string;
  rowHref: (row: Row) => string;
  cellHref?: (row: Row, period: string) => string | null;
  mode?: HeatMode;
};

function rateClass(rate: number | null): string {
  if (rate === null) return "heat-pending";
  if (rate >= 0.95) return "heat-5";
  if (rate >= 0.9) return "heat-4";
  if (rate >= 0.85) return "heat-3";
  if (rate >= 0.75) return "heat-2";
  return "heat-1";
}

function shareClass(share: number): string {
  if (share >= 0.995) return "heat-5";
  if (share >= 0.97) return "heat-4";
  if (share >= 0.94) return "heat-3";
  if (share >= 0.9) return "heat-2";
  return "heat-1";
}

function qualityClass(share: number): string {
  if (share >= 0.9) return "heat-5";
  if (share >= 0.75) return "heat-4";
  if (share >= 0.6) return "heat-3";
  if (share >= 0.4) return "heat-2";
  return "heat-1";
}

/** Quality mode: a branch's month met the criteria (✓), missed some (!, the most failed named) or was not held; a group's month is the share of held meetings that met them. */
function describeQuality(cell: HeatCell, month: string): { className: string; text: string; label: string } {
  if (cell.state && cell.state !== "HELD") {
    return { className: cell.state === "MISSING" ? "heat-missing" : "heat-pending", text: cell.state === "MISSING" ? "✕" : "…", label: `${month}: ${MEETING_STATE_LABELS[cell.state].toLowerCase()}` };
  }
  if (cell.state === "HELD") {
    return cell.qualityMissing > 0
      ? { className: "heat-2", text: "!", label: `${month}: chưa đạt tiêu chí${cell.topFailure ? ` (${cell.topFailure.label.toLowerCase()})` : ""}` }
      : { className: "heat-5", text: "✓", label: `${month}: đạt các tiêu chí đã xét` };
  }
  if (cell.held === 0) return { className: "heat-pending", text: "—", label: `${month}: chưa có chi bộ nào sinh hoạt` };
  const share = cell.qualityMet / cell.held;
  return {
    className: qualityClass(share),
    text: formatPercent(share, 0),
    label: `${month}: ${formatNumber(cell.qualityMet)}/${formatNumber(cell.held)} chi bộ đã sinh hoạt đạt tiêu chí${cell.topFailure ? `; thiếu nhiều nhất: ${cell.topFailure.label.toLowerCase()} (${formatNumber(cell.topFailure.branches)})` : ""}`,
  };
}

/** Color and words of one cell: a branch's month (held with its rate, missing, not yet due) or a group's month (share of branches that met). */
function describeCell(cell: HeatCell, mode: HeatMode = "held"): { className: string; text: string; label: string } {
  const month = formatPeriod(cell.period);
  if (cell.branches === 0) return { className: "heat-none", text: "", label: `${month}: chưa có chi bộ` };
  if (mode === "quality") return describeQuality(cell, month);
  if (cell.state) {
    if (cell.state === "HELD") {
      return { className: rateClass(cell.attendanceRate), text: cell.attendanceRate === null ? "✓" : formatPercent(cell.attendanceRate, 0), label: `${month}: đã sinh hoạt, có mặt ${formatPercent(cell.attendanceRate)}` };
    }
    return { className: cell.state === "MISSING" ? "heat-missing" : "heat-pending", text: cell.state === "MISSING" ? "✕" : "…", label: `${month}: ${MEETING_STATE_LABELS[cell.state].toLowerCase()}` };
  }
  const share = cell.held / cell.branches;
  const className = cell.pending > 0 && cell.missing === 0 ? "heat-pending" : shareClass(share);
  return {
    className,
    text: formatPercent(share, 0),
    label: `${month}: ${formatNumber(cell.held)}/${formatNumber(cell.branches)} chi bộ đã sinh hoạt${cell.missing ? `, ${formatNumber(cell.missing)} thiếu` : ""}${cell.pending ? `, ${formatNumber(cell.pending)} chưa đến hạn` : ""}; có mặt ${formatPercent(cell.attendanceRate)}`,
  };
}

/**
 * Rows × 12 months; the first column stays in place while the months scroll on a phone. Written
 * as one string of markup (lib/format/html.ts): a city's map is hundreds of cells, and as React
 * elements they were a third of the page's server time. Links are plain, as next/link each cell
 * would render and hydrate a router component and be prefetched as it scrolls into view.
 */
export function HeatMap({ periods, rows, caption, rowHref, cellHref, mode = "held" }: Props) {
  const table = html`<table class="heat"><caption>${caption}</caption><thead><tr><th class="heat-name" scope="col">Đơn vị</th>${periods.map(
    (period) => html`<th scope="col" class="heat-month">${period.slice(5)}/${period.slice(2, 4)}</th>`,
  )}</tr></thead><tbody>${rows.map((row) => {
    const notes = [
      row.parent ? html`<div class="small muted">${row.parent.name}</div>` : null,
      row.unit.level === "BRANCH" && row.missingMonths > 0 ? html`<div class="small heat-note">${formatNumber(row.missingMonths)} tháng thiếu</div>` : null,
      row.unit.level !== "BRANCH" && row.missingBranchMonths > 0 ? html`<div class="small heat-note">${formatNumber(row.missingBranchMonths)} lượt chi bộ thiếu</div>` : null,
    ];
    const cells = row.cells.map((cell) => {
      const { className, text, label } = describeCell(cell, mode);
      const href = cellHref?.(row, cell.period);
      // A link's name is its visible text and the month and figures its description (title), written once.
      return href && cell.branches > 0
        ? html`<td><a href="${href}" class="heat-cell ${className}" title="${label}">${text}</a></td>`
        : html`<td><span class="heat-cell ${className}" title="${label}">${text}<span class="visually-hidden"> ${label}</span></span></td>`;
    });
    return html`<tr><th scope="row" class="heat-name"><a href="${rowHref(row)}">${row.unit.name}</a>${notes}</th>${cells}</tr>`;
  })}</tbody></table>`;
  return <div className="table-wrap heat-wrap" dangerouslySetInnerHTML={{ __html: markupString(table) }} />;
}

export function HeatLegend({ branchLevel, mode = "held" }: { branchLevel: boolean; mode?: HeatMode }) {
  if (mode === "quality") {
    return (
      <div className="heat-legend small muted">
        {branchLevel ? (
          <>
            <span>Ô: cuộc họp của chi bộ theo tiêu chí chất lượng.</span>
            <span>
              <i className="heat-swatch heat-5" aria-hidden="true" /> ✓ đạt
            </span>
            <span>
              <i className="heat-swatch heat-2" aria-hidden="true" /> ! chưa đạt một số tiêu chí
            </span>
            <span>
              <i className="heat-swatch heat-missing" aria-hidden="true" /> ✕ không sinh hoạt (quá hạn)
            </span>
          </>
        ) : (
          <>
            <span>Ô: tỷ lệ chi bộ đạt tiêu chí trên số chi bộ đã sinh hoạt.</span>
            {["≥90%", "75–90%", "60–75%", "40–60%", "<40%"].map((step, i) => (
              <span key={step}>
                <i className={`heat-swatch heat-${5 - i}`} aria-hidden="true" /> {step}
              </span>
            ))}
          </>
        )}
        <span>
          <i className="heat-swatch heat-pending" aria-hidden="true" /> chưa đến hạn
        </span>
      </div>
    );
  }
  const steps = branchLevel ? ["≥95%", "90–95%", "85–90%", "75–85%", "<75%"] : ["100%", "≥97%", "≥94%", "≥90%", "<90%"];
  return (
    <div className="heat-legend small muted">
      <span>{branchLevel ? "Ô: tỷ lệ có mặt của cuộc họp." : "Ô: tỷ lệ chi bộ đã sinh hoạt trong tháng."}</span>
      {steps.map((step, i) => (
        <span key={step}>
          <i className={`heat-swatch heat-${5 - i}`} aria-hidden="true" /> {step}
        </span>
      ))}
      {branchLevel ? (
        <span>
          <i className="heat-swatch heat-missing" aria-hidden="true" /> ✕ thiếu (quá hạn)
        </span>
      ) : null}
      <span>
        <i className="heat-swatch heat-pending" aria-hidden="true" /> chưa đến hạn
      </span>
    </div>
  );
}
