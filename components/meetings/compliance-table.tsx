import Link from "next/link";
import { formatDate } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import type { MeetingState } from "@/lib/meetings/labels";
import { MeetingStateBadge } from "./meeting-state-badge";
import { Badge } from "@/components/ui/badge";
import { HANDBOOK_USE } from "@/lib/stats/usage-definitions";

type Row = {
  unit: { id: number; code: string; name: string; level: string };
  branches: number;
  held: number;
  missing: number;
  pending: number;
  attendanceRate: number | null;
  usedHandbook: number;
  thematic: number;
  state: MeetingState | null;
  heldOn?: Date | null;
  qualityMet: number;
  qualityMissing: number;
  topFailure: { label: string; branches: number } | null;
};

type Props = { rows: Row[]; childLabel: string; href: (row: Row) => string; caption: string };

/** One row per child unit for the chosen month; branch rows show the branch's own state. */
export function ComplianceTable({ rows, childLabel, href, caption }: Props) {
  const branches = rows.length > 0 && rows.every((row) => row.unit.level === "BRANCH");
  return (
    <div className="table-wrap">
      <table className="compliance-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {/* Key columns stay in view on a phone; the others wait on the unit's own page. */}
            <th data-key-column="">{childLabel}</th>
            {branches ? <th data-key-column="">Tình hình</th> : <th className="num col-secondary">Chi bộ</th>}
            {branches ? null : <th className="num" data-key-column="">Đã sinh hoạt</th>}
            {branches ? null : <th className="num" data-key-column="">Thiếu</th>}
            {branches ? null : <th className="num col-secondary">Chưa đến hạn</th>}
            {branches ? <th data-key-column="">Chất lượng</th> : <th className="num col-secondary">Đạt tiêu chí</th>}
            {branches ? null : <th className="num col-secondary">Thiếu tiêu chí</th>}
            {branches ? null : <th className="col-secondary">Thiếu nhiều nhất</th>}
            <th className="num" data-key-column="">Tỷ lệ có mặt</th>
            <th className="num col-secondary" title={HANDBOOK_USE.recorded.explain}>{HANDBOOK_USE.recorded.short}</th>
            <th className="num col-secondary">Chuyên đề</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unit.id} className={row.missing > 0 && branches ? "row-bad" : undefined}>
              <td>
                <Link href={href(row)}>{row.unit.name}</Link>
                <div className="small muted mono">{row.unit.code}</div>
              </td>
              {branches ? (
                <td>
                  {row.state ? <MeetingStateBadge state={row.state} /> : null}
                  {row.heldOn ? <div className="small muted">ngày {formatDate(row.heldOn)}</div> : null}
                </td>
              ) : (
                <td className="num col-secondary">{formatNumber(row.branches)}</td>
              )}
              {branches ? null : (
                <td className="num">
                  {formatNumber(row.held)} <span className="muted small">({formatPercent(ratio(row.held, row.branches), 0)})</span>
                </td>
              )}
              {branches ? null : <td className={`num${row.missing ? " text-bad" : ""}`}>{row.missing ? formatNumber(row.missing) : "—"}</td>}
              {branches ? null : <td className="num col-secondary">{row.pending ? formatNumber(row.pending) : "—"}</td>}
              {branches ? (
                <td>
                  {row.held ? (
                    <Link href={href(row)} className="small">
                      {row.qualityMissing ? <Badge tone="warn">Chưa đạt</Badge> : <Badge tone="ok">Đạt</Badge>}
                      {row.qualityMissing && row.topFailure ? <span className="visually-hidden">: </span> : null}
                      {row.qualityMissing && row.topFailure ? <div className="small muted">{row.topFailure.label}</div> : null}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              ) : (
                <td className="num col-secondary">
                  {formatNumber(row.qualityMet)} <span className="muted small">({formatPercent(ratio(row.qualityMet, row.held), 0)})</span>
                </td>
              )}
              {branches ? null : <td className={`num col-secondary${row.qualityMissing ? " text-warn" : ""}`}>{row.qualityMissing ? formatNumber(row.qualityMissing) : "—"}</td>}
              {branches ? null : <td className="small col-secondary">{row.topFailure ? `${row.topFailure.label} (${formatNumber(row.topFailure.branches)})` : "—"}</td>}
              <td className="num">{formatPercent(row.attendanceRate)}</td>
              <td className="num col-secondary">{branches ? (row.held ? (row.usedHandbook ? "Có" : "Không") : "—") : formatNumber(row.usedHandbook)}</td>
              <td className="num col-secondary">{branches ? (row.thematic ? "Có" : "—") : formatNumber(row.thematic)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
