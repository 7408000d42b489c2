import Link from "next/link";
import type { OrgLevel } from "@/lib/generated/prisma/enums";
import { childUnitsLabel } from "@/lib/org/labels";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { rateTone, type HandbookFigures, type Thresholds, type UnitRef } from "@/lib/stats/handbook-figures";
import { Badge } from "@/components/ui/badge";
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

function SortHeader({ label, sort, state, parentId, className, keyColumn }: { label: string; sort: ChildSort; state: Props["state"]; parentId: number; className?: string; keyColumn?: boolean }) {
  const active = state.sort === sort;
  return (
    <th className={className} data-key-column={keyColumn ? "" : undefined} aria-sort={active ? (sort === "name" ? "ascending" : "other") : undefined}>
      <Link className="stats-sort" href={`${dashboardHref(parentId, { ...state, sort, page: undefined })}#don-vi`} scroll={false}>
        {label}
        {active ? " ▾" : ""}
      </Link>
    </th>
  );
}

/** Figures of each child unit; the name opens that unit's dashboard (drill-down). */
export function ChildUnitsFiguresTable({ parentId, parentLevel, rows, thresholds, state }: Props) {
  const childrenAreBranches = parentLevel === "WARD";
  const childLabel = childUnitsLabel(parentLevel, rows.map((row) => row.orgUnit.level));
  const sorted = sortChildren(rows, state.sort);
  // Rates are the key columns: on a phone the counts give way so that the rates stay in view.
  const head = (label: string, sort: ChildSort, className = "num", keyColumn = false) => <SortHeader label={label} sort={sort} state={state} parentId={parentId} className={className} keyColumn={keyColumn} />;
  return (
    <div className="table-wrap">
      <table className="stats-table">
        <caption>
          {formatNumber(rows.length)} {childLabel.toLowerCase()} · nhấn tên để xem chi tiết · tỷ lệ tô màu theo ngưỡng {thresholds.low}% và {thresholds.high}% · {ELIGIBLE_RATE_EXPLAIN} · “Báo dùng trong SH”: {HANDBOOK_USE.reported.source}
        </caption>
        <thead>
          <tr>
            {head(childLabel, "name", "", true)}
            {head("Đảng viên", "members", "num col-secondary")}
            <th className="num col-secondary">Đã cài</th>
            {head("Tỷ lệ cài", "install", "num", true)}
            <th className="num col-secondary">Thuộc diện</th>
            {head("Cài / thuộc diện", "eligible", "num", true)}
            {head(childrenAreBranches ? "Báo dùng trong SH" : "Chi bộ báo dùng trong SH", "meetings", "num", true)}
            {head("Tin bài", "news", "num col-secondary")}
            {head("Văn bản", "documents", "num col-secondary")}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.orgUnit.id}>
              <td>
                <Link href={dashboardHref(row.orgUnit.id, { period: state.period, metric: state.metric })}>{row.orgUnit.name}</Link>
                <div className="small muted mono">{row.orgUnit.code}</div>
              </td>
              <td className="num col-secondary">{formatNumber(row.membersTotal)}</td>
              <td className="num col-secondary">{formatNumber(row.membersInstalled)}</td>
              <td className="num">
                <Badge tone={rateTone(row.installRate, thresholds)}>{formatPercent(row.installRate)}</Badge>
              </td>
              <td className="num col-secondary">{formatNumber(row.membersEligible)}</td>
              <td className="num">{formatPercent(row.eligibleInstallRate, 2)}</td>
              <td className="num">
                {childrenAreBranches ? (
                  row.branchesUsingInMeetings ? <Badge tone="ok">Có</Badge> : <Badge tone="bad">Chưa</Badge>
                ) : (
                  <>
                    {formatNumber(row.branchesUsingInMeetings)}/{formatNumber(row.branchesTotal)}{" "}
                    <Badge tone={rateTone(row.meetingUsageRate, thresholds)}>{formatPercent(row.meetingUsageRate)}</Badge>
                  </>
                )}
              </td>
              <td className="num col-secondary">{formatNumber(row.newsPosts)}</td>
              <td className="num col-secondary">{formatNumber(row.documents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
