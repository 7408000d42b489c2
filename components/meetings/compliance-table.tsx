import { html, markupString } from "@/lib/format/html";
import { formatDate } from "@/lib/format/date";
import { formatNumber, formatPercent, ratio } from "@/lib/format/number";
import type { MeetingState } from "@/lib/meetings/labels";
import { meetingStateBadgeMarkup } from "./meeting-state-badge";
import { badgeMarkup } from "@/components/ui/badge";
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

/**
 * One row per child unit for the chosen month; branch rows show the branch's own state. Written as
 * one string of markup (lib/format/html.ts), like the heat map: since 2025 a city has 126 wards and a
 * ward up to 150 branches, and as React elements (with a router link each) the rows were a third of
 * the page's server time. Links are plain for the same reason.
 */
export function ComplianceTable({ rows, childLabel, href, caption }: Props) {
  const branches = rows.length > 0 && rows.every((row) => row.unit.level === "BRANCH");
  // Key columns (data-key-column) stay in view on a phone; the others wait on the unit's own page.
  const head = branches
    ? html`<th data-key-column>${childLabel}</th><th data-key-column>Tình hình</th><th data-key-column>Chất lượng</th>`
    : html`<th data-key-column>${childLabel}</th><th class="num col-secondary">Chi bộ</th><th class="num" data-key-column>Đã sinh hoạt</th><th class="num" data-key-column>Thiếu</th><th class="num col-secondary">Chưa đến hạn</th><th class="num col-secondary">Đạt tiêu chí</th><th class="num col-secondary">Thiếu tiêu chí</th><th class="col-secondary">Thiếu nhiều nhất</th>`;
  const body = rows.map((row) => {
    const link = href(row);
    const name = html`<td><a href="${link}">${row.unit.name}</a><div class="small muted mono">${row.unit.code}</div></td>`;
    const cells = branches
      ? html`<td>${row.state ? meetingStateBadgeMarkup(row.state) : null}${row.heldOn ? html`<div class="small muted">ngày ${formatDate(row.heldOn)}</div>` : null}</td><td>${
          row.held
            ? html`<a class="small" href="${link}">${row.qualityMissing ? badgeMarkup("warn", "Chưa đạt") : badgeMarkup("ok", "Đạt")}${
                row.qualityMissing && row.topFailure ? html`<span class="visually-hidden">: </span><div class="small muted">${row.topFailure.label}</div>` : null
              }</a>`
            : "—"
        }</td>`
      : html`<td class="num col-secondary">${formatNumber(row.branches)}</td><td class="num">${formatNumber(row.held)} <span class="muted small">(${formatPercent(ratio(row.held, row.branches), 0)})</span></td><td class="num${row.missing ? " text-bad" : ""}">${row.missing ? formatNumber(row.missing) : "—"}</td><td class="num col-secondary">${row.pending ? formatNumber(row.pending) : "—"}</td><td class="num col-secondary">${formatNumber(row.qualityMet)} <span class="muted small">(${formatPercent(ratio(row.qualityMet, row.held), 0)})</span></td><td class="num col-secondary${row.qualityMissing ? " text-warn" : ""}">${row.qualityMissing ? formatNumber(row.qualityMissing) : "—"}</td><td class="small col-secondary">${row.topFailure ? `${row.topFailure.label} (${formatNumber(row.topFailure.branches)})` : "—"}</td>`;
    const handbook = branches ? (row.held ? (row.usedHandbook ? "Có" : "Không") : "—") : formatNumber(row.usedHandbook);
    const thematic = branches ? (row.thematic ? "Có" : "—") : formatNumber(row.thematic);
    return html`<tr${row.missing > 0 && branches ? html` class="row-bad"` : null}>${name}${cells}<td class="num">${formatPercent(row.attendanceRate)}</td><td class="num col-secondary">${handbook}</td><td class="num col-secondary">${thematic}</td></tr>`;
  });
  const table = html`<table class="compliance-table"><caption>${caption}</caption><thead><tr>${head}<th class="num" data-key-column>Tỷ lệ có mặt</th><th class="num col-secondary" title="${HANDBOOK_USE.recorded.explain}">${HANDBOOK_USE.recorded.short}</th><th class="num col-secondary">Chuyên đề</th></tr></thead><tbody>${body}</tbody></table>`;
  return <div className="table-wrap" dangerouslySetInnerHTML={{ __html: markupString(table) }} />;
}
