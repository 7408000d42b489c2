import type { HandbookTable } from "@/lib/stats/schemas";

type Props = { table: HandbookTable; orgUnitId: number; period?: string; label?: string };

/** "Tải CSV / XLSX" of one table of the dashboard: the same query, served by /api/v1/stats/handbook/export. */
export function ExportLinks({ table, orgUnitId, period, label = "Tải về" }: Props) {
  const href = (format: "csv" | "xlsx") => {
    const query = new URLSearchParams({ table, format, orgUnitId: String(orgUnitId) });
    if (period) query.set("period", period);
    return `/api/v1/stats/handbook/export?${query}`;
  };
  return (
    <span className="actions-row no-print stats-export" aria-label={label}>
      <a className="button button-secondary button-small" href={href("xlsx")} download>
        XLSX
      </a>
      <a className="button button-secondary button-small" href={href("csv")} download>
        CSV
      </a>
    </span>
  );
}
