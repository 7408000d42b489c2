import Link from "next/link";
import type { ComparisonSide } from "@/lib/drafts/get-draft-detail";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { DraftText } from "./draft-text";

type Props = { score: number; passages: number; sharedWords: number; left: ComparisonSide; right: ComparisonSide; title: string };

/** Two drafts side by side with the passages they share highlighted on both sides. */
export function CompareView({ score, passages, sharedWords, left, right, title }: Props) {
  const side = (data: ComparisonSide) => (
    <section className="compare-side">
      <h3>
        {data.href ? <Link href={data.href}>{data.label}</Link> : data.label}
        {data.sublabel ? <span className="muted small"> · {data.sublabel}</span> : null}
      </h3>
      {data.body !== null ? (
        <DraftText body={data.body} highlights={data.highlights.map((h) => ({ ...h, className: "shared" }))} />
      ) : (
        <p className="muted">Bạn không xem được dự thảo này. Các đoạn trùng được tô màu ở bên trái.</p>
      )}
    </section>
  );
  return (
    <div>
      <p className="small">
        {title}: giống <strong>{formatPercent(score)}</strong> · {formatNumber(passages)} đoạn trùng ({formatNumber(sharedWords)} chữ), <mark className="shared">tô màu</mark> ở cả hai bên.
      </p>
      <div className="compare">
        {side(left)}
        {side(right)}
      </div>
    </div>
  );
}
