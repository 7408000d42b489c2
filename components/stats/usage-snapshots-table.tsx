import { formatNumber } from "@/lib/format/number";
import { formatDate, formatPeriod } from "@/lib/format/date";
import type { UsageSnapshotItem } from "@/lib/stats/list-branch-usage-snapshots";
import { SOURCE_LABELS } from "@/lib/stats/source-labels";
import { Badge } from "@/components/ui/badge";

/** What a branch reported, newest first; an earlier report of a month is superseded by the later one. */
export function UsageSnapshotsTable({ items }: { items: UsageSnapshotItem[] }) {
  if (!items.length) return <div className="card empty">Chi bộ chưa có báo cáo sử dụng Sổ tay nào.</div>;
  return (
    <div className="table-wrap">
      <table className="stats-table">
        <thead>
          <tr>
            <th>Ngày số liệu</th>
            <th>Tháng</th>
            <th>Dùng trong sinh hoạt</th>
            <th className="num">Tin bài</th>
            <th className="num">Văn bản</th>
            <th>Nguồn</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.date} className={item.countsForMonth ? undefined : "muted"}>
              <td className="nowrap">
                {formatDate(item.date)}
                {item.countsForMonth ? null : <div className="small">thay bằng báo cáo sau</div>}
              </td>
              <td className="nowrap">{formatPeriod(item.period)}</td>
              <td>{item.usedInMeetings ? <Badge tone="ok">Có</Badge> : <Badge tone="bad">Chưa</Badge>}</td>
              <td className="num">{formatNumber(item.newsPosts)}</td>
              <td className="num">{formatNumber(item.documents)}</td>
              <td>{SOURCE_LABELS[item.source] ?? item.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
