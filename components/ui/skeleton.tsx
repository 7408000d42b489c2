// Placeholders shown while a slow card (or a whole page) is still loading: the
// page's frame arrives at once and each card streams in when its data is ready.

/** A card's placeholder: its title, so the reader knows what is coming, and grey lines. */
export function CardSkeleton({ title, lines = 3 }: { title?: string; lines?: number }) {
  return (
    <section className="section card skeleton-card" aria-busy="true">
      {title ? (
        <div className="card-header">
          <h2>{title}</h2>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        Đang tải{title ? ` ${title.toLocaleLowerCase("vi-VN")}` : ""}…
      </p>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton-line" aria-hidden="true" />
      ))}
    </section>
  );
}

/** A row of figure placeholders, the size of the Stat tiles they stand for. */
export function StatsSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div className="grid grid-stats" aria-busy="true">
      <p className="visually-hidden" role="status">
        Đang tải số liệu…
      </p>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="stat skeleton-stat" aria-hidden="true">
          <div className="skeleton-line skeleton-line-short" />
          <div className="skeleton-line skeleton-line-tall" />
        </div>
      ))}
    </div>
  );
}
