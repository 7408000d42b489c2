"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { formatPeriod } from "@/lib/format/date";
import type { Thresholds } from "@/lib/stats/handbook-figures";

export type SeriesPoint = {
  period: string;
  installRate: number | null;
  eligibleInstallRate: number | null;
  meetingUsageRate: number | null;
  newsPosts: number;
  documents: number;
};

type Props = { points: SeriesPoint[]; thresholds: Thresholds; isBranch: boolean };

const INITIAL = { width: 640, height: 280 };
const shortPeriod = (period: string) => `${Number(period.slice(5))}/${period.slice(2, 4)}`;
const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Month-by-month adoption (lines, %) and publications (bars) of one unit. */
export function HandbookSeriesChart({ points, thresholds, isBranch }: Props) {
  const data = points.map((point) => ({
    ...point,
    install: percent(point.installRate),
    eligible: percent(point.eligibleInstallRate),
    meetings: percent(point.meetingUsageRate),
  }));
  const top = Math.max(100, ...data.map((point) => point.eligible ?? 0));
  return (
    <div className="grid grid-2">
      <figure className="stats-chart" aria-label="Tỷ lệ cài đặt và sử dụng Sổ tay theo tháng">
        <figcaption>Tỷ lệ cài đặt{isBranch ? "" : " và chi bộ dùng trong sinh hoạt"} theo tháng (%)</figcaption>
        <ResponsiveContainer width="100%" height={280} initialDimension={INITIAL}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="#e2e5e9" vertical={false} />
            <XAxis dataKey="period" tickFormatter={shortPeriod} fontSize={12} minTickGap={12} />
            <YAxis domain={[0, Math.ceil(top / 10) * 10]} fontSize={12} tickFormatter={(value: number) => `${value}%`} />
            <Tooltip
              labelFormatter={(label) => formatPeriod(String(label))}
              formatter={(value, name) => [value === null || value === undefined ? "—" : formatPercent(Number(value) / 100), name]}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={thresholds.low} stroke="#c62828" strokeDasharray="4 4" />
            <ReferenceLine y={thresholds.high} stroke="#1a7f37" strokeDasharray="4 4" />
            <Line type="monotone" dataKey="install" name="Đã cài / đảng viên" stroke="#b3261e" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            <Line type="monotone" dataKey="eligible" name="Đã cài / thuộc diện" stroke="#d4a72c" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} connectNulls />
            {isBranch ? null : (
              <Line type="monotone" dataKey="meetings" name="Chi bộ dùng trong sinh hoạt" stroke="#1f5fae" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            )}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="stats-chart" aria-label="Tin bài và văn bản theo tháng">
        <figcaption>Tin bài, văn bản đăng trên Sổ tay theo tháng</figcaption>
        <ResponsiveContainer width="100%" height={280} initialDimension={INITIAL}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="#e2e5e9" vertical={false} />
            <XAxis dataKey="period" tickFormatter={shortPeriod} fontSize={12} minTickGap={12} />
            <YAxis fontSize={12} allowDecimals={false} tickFormatter={(value: number) => formatNumber(value)} />
            <Tooltip labelFormatter={(label) => formatPeriod(String(label))} formatter={(value, name) => [formatNumber(Number(value)), name]} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="newsPosts" name="Tin bài" fill="#b3261e" isAnimationActive={false} />
            <Bar dataKey="documents" name="Văn bản" fill="#1f5fae" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
