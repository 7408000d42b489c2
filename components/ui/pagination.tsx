import Link from "next/link";
import { formatNumber } from "@/lib/format/number";

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };

export function Pagination({ page, pageSize, total, hrefFor }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="pagination">
      <span>
        {formatNumber(from)}–{formatNumber(to)} / {formatNumber(total)}
      </span>
      <span className="pagination-links">
        {page > 1 ? <Link className="button button-secondary button-small" href={hrefFor(page - 1)}>‹ Trước</Link> : null}
        <span>
          Trang {formatNumber(page)}/{formatNumber(pages)}
        </span>
        {page < pages ? <Link className="button button-secondary button-small" href={hrefFor(page + 1)}>Sau ›</Link> : null}
      </span>
    </div>
  );
}

/** Builds "?a=1&page=2" keeping the other filters. */
export function withQuery(base: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
