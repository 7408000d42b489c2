// vi-VN number formats: 1.234.567 and 93,1%. Shared by server and client components.
const integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

export function formatNumber(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return integer.format(value);
}

/** `ratio` is a fraction (0.931 → "93,1%"); values above 1 are shown as they are (102,43%). */
export function formatPercent(ratio: number | null | undefined, fractionDigits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return percentFormat(fractionDigits).format(ratio);
}

// One formatter per precision for the process: building one per call cost a city page, which
// formats a percentage per heat-map cell, a measurable share of its render.
const percentFormats = new Map<number, Intl.NumberFormat>();
function percentFormat(fractionDigits: number): Intl.NumberFormat {
  let format = percentFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    percentFormats.set(fractionDigits, format);
  }
  return format;
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
