"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format/number";

export type TrendPoint = { period: string; attendanceRate: number | null; heldShare: number | null; handbookShare: number | null };
export type QuarterPoint = { quarter: string; share: number | null; thematic: number; branches: number; months: number };

const percent = (value: unknown) => (typeof value === "number" ? formatPercent(value) : "—");
const axisPercent = (value: number) => `${Math.round(value * 100)}%`;
const monthLabel = (period: string) => `${period.slice(5)}/${period.slice(2, 4)}`;

/** Attendance, meetings held and handbook use over the months; thematic meetings per quarter. */
export function ComplianceCharts({ trend, quarters }: { trend: TrendPoint[]; quarters: QuarterPoint[] }) {
  const rates = trend.flatMap((point) => [point.attendanceRate, point.heldShare]).filter((value): value is number => value !== null);
  const floor = Math.max(0, Math.floor(((rates.length ? Math.min(...rates) : 0.8) - 0.05) * 20) / 20);
  return (
    <div className="grid grid-2">
      <figure className="card chart-card">
        <figcaption>
          <h3>Xu hướng 12 tháng</h3>
          <p className="small muted">Tỷ lệ có mặt (người dự / người phải dự), tỷ lệ chi bộ đã sinh hoạt và tỷ lệ cuộc họp dùng Sổ tay điện tử.</p>
        </figcaption>
        <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 520, height: 260 }}>
          <LineChart data={trend} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="#e2e5e9" strokeDasharray="3 3" />
            <XAxis dataKey="period" tickFormatter={monthLabel} tick={{ fontSize: 11 }} />
            <YAxis domain={[Math.min(floor, 0.5), 1]} tickFormatter={axisPercent} tick={{ fontSize: 11 }} width={44} />
            <Tooltip formatter={percent} labelFormatter={(label) => `Tháng ${monthLabel(String(label))}`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line type="monotone" dataKey="attendanceRate" name="Có mặt" stroke="#b3261e" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
            <Line type="monotone" dataKey="heldShare" name="Chi bộ đã sinh hoạt" stroke="#1f5fae" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
            <Line type="monotone" dataKey="handbookShare" name="Dùng Sổ tay" stroke="#d4a72c" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="card chart-card">
        <figcaption>
          <h3>Sinh hoạt chuyên đề theo quý</h3>
          <p className="small muted">Tỷ lệ chi bộ có ít nhất một buổi sinh hoạt chuyên đề trong quý (quý chưa trọn trong 12 tháng ghi số tháng).</p>
        </figcaption>
        <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 520, height: 260 }}>
          <BarChart data={quarters.map((q) => ({ ...q, label: q.months < 3 ? `${q.quarter.replace("-", " ")} (${q.months} th)` : q.quarter.replace("-", " ") }))} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="#e2e5e9" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis domain={[0, 1]} tickFormatter={axisPercent} tick={{ fontSize: 11 }} width={44} />
            <Tooltip formatter={percent} />
            <Bar dataKey="share" name="Chi bộ có sinh hoạt chuyên đề" fill="#1f5fae" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
