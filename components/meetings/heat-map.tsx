import Link from "next/link";
import type { HeatCell, HeatRow } from "@/lib/meetings/compliance";
import { formatPeriod } from "@/lib/format/date";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { MEETING_STATE_LABELS } from "@/lib/meetings/labels";

type Row = HeatRow & { parent?: { id: number; name: string } | null };
type Props = {
  periods: string[];
  rows: Row[];
  caption: string;
  rowHref: (row: Row) => string;
  cellHref?: (row: Row, period: string) => string | null;
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

/** Color and words of one cell: a branch's month (held with its rate, missing, not yet due) or a group's month (share of branches that met). */
export function describeCell(cell: HeatCell): { className: string; text: string; label: string } {
  const month = formatPeriod(cell.period);
  if (cell.branches === 0) return { className: "heat-none", text: "", label: `${month}: chưa có chi bộ` };
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

/** Rows × 12 months; the first column stays in place while the months scroll on a phone. */
export function HeatMap({ periods, rows, caption, rowHref, cellHref }: Props) {
  return (
    <div className="table-wrap heat-wrap">
      <table className="heat">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th className="heat-name" scope="col">
              Đơn vị
            </th>
            {periods.map((period) => (
              <th key={period} scope="col" className="heat-month">
                {period.slice(5)}/{period.slice(2, 4)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unit.id}>
              <th scope="row" className="heat-name">
                <Link href={rowHref(row)}>{row.unit.name}</Link>
                {row.parent ? <div className="small muted">{row.parent.name}</div> : null}
                {row.unit.level === "BRANCH" && row.missingMonths > 0 ? <div className="small heat-note">{formatNumber(row.missingMonths)} tháng thiếu</div> : null}
                {row.unit.level !== "BRANCH" && row.missingBranchMonths > 0 ? <div className="small heat-note">{formatNumber(row.missingBranchMonths)} lượt chi bộ thiếu</div> : null}
              </th>
              {row.cells.map((cell) => {
                const { className, text, label } = describeCell(cell);
                const href = cellHref?.(row, cell.period);
                return (
                  <td key={cell.period}>
                    {/* The name read out starts with the visible text (WCAG "label in name"), then the month and figures. */}
                    {href && cell.branches > 0 ? (
                      <Link href={href} className={`heat-cell ${className}`} title={label}>
                        {text}
                        <span className="visually-hidden"> {label}</span>
                      </Link>
                    ) : (
                      <span className={`heat-cell ${className}`} title={label}>
                        {text}
                        <span className="visually-hidden"> {label}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatLegend({ branchLevel }: { branchLevel: boolean }) {
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
