export type BadgeTone = "neutral" | "ok" | "warn" | "bad" | "info" | "brand";

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
