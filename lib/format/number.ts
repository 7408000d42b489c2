// vi-VN number formats: 1.234.567 and 93,1%. Shared by server and client components.
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

export function formatNumber(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return integer.format(value);
}

/** `ratio` is a fraction (0.931 → "93,1%"); values above 1 are shown as they are (102,43%). */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return new Intl.NumberFormat("vi-VN", {
    style: "percent",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
