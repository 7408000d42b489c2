import { html, markupString } from "@/lib/format/html";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { childUnitsLabel } from "@/lib/org/labels";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { rateTone, type HandbookFigures, type Thresholds, type UnitRef } from "@/lib/stats/handbook-figures";
import { badgeMarkup } from "@/components/ui/badge";
import { ELIGIBLE_RATE_EXPLAIN, HANDBOOK_USE } from "@/lib/stats/usage-definitions";
import { dashboardHref, type DashboardState } from "./dashboard-href";

export const CHILD_SORTS = {
  name: "Tên",
  members: "Đảng viên",
  install: "Tỷ lệ cài",
  eligible: "Cài / thuộc diện",
  meetings: "Báo dùng trong sinh hoạt",
  news: "Tin bài",
  documents: "Văn bản",
} as const;
export type ChildSort = keyof typeof CHILD_SORTS;

type Child = { orgUnit: UnitRef } & HandbookFigures;
type Props = { parentId: number; parentLevel: OrgLevel; rows: Child[]; thresholds: Thresholds; state: DashboardState & { sort: ChildSort } };

const SORT_VALUE: Record<ChildSort, (row: Child) => number | string> = {
  name: (row) => row.orgUnit.name,
  members: (row) => -row.membersTotal,
  install: (row) => row.installRate ?? -1,
  eligible: (row) => row.eligibleInstallRate ?? -1,
  meetings: (row) => row.meetingUsageRate ?? -1,
  news: (row) => -row.newsPosts,
  documents: (row) => -row.documents,
};

/** Rates sort lowest first (who needs attention); counts largest first; names in the order the server gave (Vietnamese). */
export function sortChildren<T extends Child>(rows: T[], sort: ChildSort): T[] {
  if (sort === "name") return rows;
  const value = SORT_VALUE[sort];
  return [...rows].sort((a, b) => (value(a) as number) - (value(b) as number));
}

/**
 * Figures of each child unit; the name opens that unit's dashboard (drill-down). Written as one string
 * of markup (lib/format/html.ts), like the meetings page's tables: since 2025 the city has 126 wards
 * and a ward up to 150 branches, and as React elements with a router link each the rows cost more
 * than the rest of the page. Sorting is a plain link back to the table (#don-vi).
 */
export function ChildUnitsFiguresTable({ parentId, parentLevel, rows, thresholds, state }: Props) {
  const childrenAreBranches = parentLevel === "WARD";
  const childLabel = childUnitsLabel(parentLevel, rows.map((row) => row.orgUnit.level));
  const sorted = sortChildren(rows, state.sort);
  // Rates are the key columns: on a phone the counts give way so that the rates stay in view.
  const head = (label: string, sort: ChildSort, className = "num", keyColumn = false) => {
    const active = state.sort === sort;
    return html`<th${className ? html` class="${className}"` : null}${keyColumn ? html` data-key-column` : null}${active ? html` aria-sort="${sort === "name" ? "ascending" : "other"}"` : null}><a class="stats-sort" href="${dashboardHref(parentId, { ...state, sort, page: undefined })}#don-vi">${label}${active ? " ▾" : ""}</a></th>`;
  };
  const rate = (value: number | null) => badgeMarkup(rateTone(value, thresholds), formatPercent(value));
  const body = sorted.map(
    (row) =>
      html`<tr><td><a href="${dashboardHref(row.orgUnit.id, { period: state.period, metric: state.metric })}">${row.orgUnit.name}</a><div class="small muted mono">${row.orgUnit.code}</div></td><td class="num col-secondary">${formatNumber(row.membersTotal)}</td><td class="num col-secondary">${formatNumber(row.membersInstalled)}</td><td class="num">${rate(row.installRate)}</td><td class="num col-secondary">${formatNumber(row.membersEligible)}</td><td class="num">${formatPercent(row.eligibleInstallRate, 2)}</td><td class="num">${
        childrenAreBranches
          ? row.branchesUsingInMeetings
            ? badgeMarkup("ok", "Có")
            : badgeMarkup("bad", "Chưa")
          : html`${formatNumber(row.branchesUsingInMeetings)}/${formatNumber(row.branchesTotal)} ${rate(row.meetingUsageRate)}`
      }</td><td class="num col-secondary">${formatNumber(row.newsPosts)}</td><td class="num col-secondary">${formatNumber(row.documents)}</td></tr>`,
  );
  const caption = `${formatNumber(rows.length)} ${childLabel.toLowerCase()} · nhấn tên để xem chi tiết · tỷ lệ tô màu theo ngưỡng ${thresholds.low}% và ${thresholds.high}% · ${ELIGIBLE_RATE_EXPLAIN} · “Báo dùng trong SH”: ${HANDBOOK_USE.reported.source}`;
  const table = html`<table class="stats-table"><caption>${caption}</caption><thead><tr>${head(childLabel, "name", "", true)}${head("Đảng viên", "members", "num col-secondary")}<th class="num col-secondary">Đã cài</th>${head("Tỷ lệ cài", "install", "num", true)}<th class="num col-secondary">Thuộc diện</th>${head("Cài / thuộc diện", "eligible", "num", true)}${head(
    childrenAreBranches ? "Báo dùng trong SH" : "Chi bộ báo dùng trong SH",
    "meetings",
    "num",
    true,
  )}${head("Tin bài", "news", "num col-secondary")}${head("Văn bản", "documents", "num col-secondary")}</tr></thead><tbody>${body}</tbody></table>`;
  return <div className="table-wrap" dangerouslySetInnerHTML={{ __html: markupString(table) }} />;
}
