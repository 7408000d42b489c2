import Link from "next/link";
import { formatNumber, formatPercent } from "@/lib/format/number";
import type { LaggingBranch } from "@/lib/stats/list-lagging-branches";
import { rateTone, type Thresholds } from "@/lib/stats/handbook-figures";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { dashboardHref, type DashboardState } from "./dashboard-href";

type Props = {
  unitId: number;
  items: LaggingBranch[];
  total: number;
  page: number;
  pageSize: number;
  thresholds: Thresholds;
  state: DashboardState;
  showWard: boolean;
};

/** Branches that lag (installs below the low threshold, or no use in meetings), lowest install rate first. */
export function LaggingBranchesTable({ unitId, items, total, page, pageSize, thresholds, state, showWard }: Props) {
  if (total === 0) return <div className="card empty">Không có chi bộ nào dưới ngưỡng {thresholds.low}% hoặc chưa dùng Sổ tay trong sinh hoạt.</div>;
  return (
    <>
      <div className="table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th>Chi bộ</th>
              {showWard ? <th>Đảng ủy</th> : null}
              <th className="num">Đảng viên</th>
              <th className="num">Đã cài</th>
              <th className="num">Tỷ lệ cài</th>
              <th>Lý do</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.branch.id}>
                <td>
                  <Link href={dashboardHref(row.branch.id, { period: state.period })}>{row.branch.name}</Link>
                  <div className="small muted mono">{row.branch.code}</div>
                </td>
                {showWard ? <td>{row.ward ? <Link href={dashboardHref(row.ward.id, { period: state.period })}>{row.ward.name}</Link> : "—"}</td> : null}
                <td className="num">{formatNumber(row.membersTotal)}</td>
                <td className="num">{formatNumber(row.membersInstalled)}</td>
                <td className="num">
                  <Badge tone={rateTone(row.installRate, thresholds)}>{formatPercent(row.installRate)}</Badge>
                </td>
                <td>
                  <span className="stats-reasons">
                    {row.reasons.includes("LOW_INSTALL") ? <Badge tone="bad">Cài dưới {thresholds.low}%</Badge> : null}
                    {row.reasons.includes("NOT_IN_MEETINGS") ? <Badge tone="warn">Chưa dùng trong sinh hoạt</Badge> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={pageSize} total={total} hrefFor={(target) => `${dashboardHref(unitId, { ...state, page: target })}#chi-bo-cham`} />
    </>
  );
}
