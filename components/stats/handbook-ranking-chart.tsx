"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatPercent } from "@/lib/format/number";
import { TONE_COLORS, type RateTone, type Thresholds } from "@/lib/stats/handbook-figures";

export type RankingBar = { id: number; name: string; rate: number | null; tone: RateTone; href: string };

type Props = { bars: RankingBar[]; thresholds: Thresholds; metricLabel: string };

const BAR_HEIGHT = 24;
const LABEL_CHARS = 22;
const shortName = (name: string) => {
  const short = name.replace(/^(Chi bộ|Đảng ủy|Phường|Quận|Huyện|Thị xã|Xã|Thị trấn) /, "");
  return short.length > LABEL_CHARS ? `${short.slice(0, LABEL_CHARS - 1)}…` : short;
};

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: string; index?: number } };

/** One line per label (recharts would wrap long names onto the next bar). */
function CategoryTick({ x = 0, y = 0, payload, names }: TickProps & { names: string[] }) {
  return (
    <text x={Number(x)} y={Number(y)} dy={4} textAnchor="end" fontSize={12} fill="#3d4650">
      <title>{names[payload?.index ?? 0]}</title>
      {payload?.value}
    </text>
  );
}

/** Child units ranked by a rate, coloured against the thresholds; a click on a bar opens that unit. */
export function HandbookRankingChart({ bars, thresholds, metricLabel }: Props) {
  const router = useRouter();
  const data = bars.map((bar) => ({ ...bar, value: bar.rate === null ? 0 : Math.round(bar.rate * 1000) / 10, label: shortName(bar.name) }));
  const top = Math.max(100, ...data.map((bar) => bar.value));
  const height = Math.max(160, data.length * BAR_HEIGHT + 48);
  return (
    <figure className="stats-chart stats-ranking" aria-label={`Xếp hạng đơn vị trực thuộc theo ${metricLabel.toLowerCase()}`}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e2e5e9" horizontal={false} />
          <XAxis type="number" domain={[0, Math.ceil(top / 10) * 10]} fontSize={12} tickFormatter={(value: number) => `${value}%`} />
          <YAxis type="category" dataKey="label" width={150} interval={0} tick={(props: TickProps) => <CategoryTick {...props} names={data.map((bar) => bar.name)} />} />
          <Tooltip
            cursor={{ fill: "rgba(31, 95, 174, 0.08)" }}
            formatter={(value) => [formatPercent(Number(value) / 100), metricLabel]}
            labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.name ?? _label)}
          />
          <ReferenceLine x={thresholds.low} stroke="#c62828" strokeDasharray="4 4" />
          <ReferenceLine x={thresholds.high} stroke="#1a7f37" strokeDasharray="4 4" />
          <Bar
            dataKey="value"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(entry) => {
              const href = (entry.payload as RankingBar | undefined)?.href;
              if (href) router.push(href);
            }}
            shape={(props: BarShapeProps) => <Rectangle {...props} fill={TONE_COLORS[(props.payload as RankingBar).tone]} />}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
