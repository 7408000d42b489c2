import { formatNumber, formatPercent } from "@/lib/format/number";
import { formatPeriod } from "@/lib/format/date";
import type { HandbookFigures } from "@/lib/stats/handbook-figures";
import { ELIGIBLE_RATE_EXPLAIN } from "@/lib/stats/usage-definitions";

/** The month-by-month figures behind the charts, newest first. */
export function SeriesTable({ items, isBranch }: { items: ({ period: string } & HandbookFigures)[]; isBranch: boolean }) {
  return (
    <div className="table-wrap">
      <table className="stats-table">
        <caption className="small muted">{ELIGIBLE_RATE_EXPLAIN}</caption>
        <thead>
          <tr>
            <th>Tháng</th>
            <th className="num">Đảng viên</th>
            <th className="num">Đã cài</th>
            <th className="num">Tỷ lệ cài</th>
            <th className="num">Cài / thuộc diện</th>
            <th className="num">{isBranch ? "Báo dùng trong SH" : "Chi bộ báo dùng trong SH"}</th>
            <th className="num">Tin bài</th>
            <th className="num">Văn bản</th>
          </tr>
        </thead>
        <tbody>
          {[...items].reverse().map((item) => (
            <tr key={item.period}>
              <td className="nowrap">{formatPeriod(item.period)}</td>
              <td className="num">{formatNumber(item.membersTotal)}</td>
              <td className="num">{formatNumber(item.membersInstalled)}</td>
              <td className="num">{formatPercent(item.installRate)}</td>
              <td className="num">{formatPercent(item.eligibleInstallRate, 2)}</td>
              <td className="num">{isBranch ? (item.branchesUsingInMeetings ? "Có" : "Chưa") : `${formatNumber(item.branchesUsingInMeetings)} (${formatPercent(item.meetingUsageRate)})`}</td>
              <td className="num">{formatNumber(item.newsPosts)}</td>
              <td className="num">{formatNumber(item.documents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
