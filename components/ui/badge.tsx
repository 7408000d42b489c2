import type { BadgeTone } from "@/lib/format/tone";

export type { BadgeTone };

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
