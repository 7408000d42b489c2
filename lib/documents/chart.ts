import "server-only";
import { Resvg } from "@resvg/resvg-js";
import { formatNumber } from "@/lib/format/number";
import { escapeHtml } from "@/lib/format/html";

/**
 * Charts for documents: SVG drawn here, rasterized to PNG on the server by
 * resvg (no browser). Word and LibreOffice show PNG everywhere.
 */
export type BarSeries = { label: string; color: string };
export type BarRow = { label: string; values: number[] };

const FONT = "Times New Roman, Liberation Serif, DejaVu Serif, serif";

/** Horizontal stacked bars, one row per unit, with a legend. Returns the PNG and its size in pixels at 96 dpi (for the DOCX). */
export function renderStackedBars(rows: BarRow[], series: BarSeries[], options: { title: string; width?: number }): { png: Buffer; width: number; height: number } {
  const width = options.width ?? 600;
  const labelWidth = 190;
  const rowHeight = 18;
  const top = 46;
  const chartWidth = width - labelWidth - 50;
  const max = Math.max(1, ...rows.map((row) => row.values.reduce((sum, value) => sum + value, 0)));
  const height = top + rows.length * rowHeight + 20;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${escapeHtml(options.title)}</text>`,
  ];
  let legendX = labelWidth;
  for (const item of series) {
    parts.push(`<rect x="${legendX}" y="26" width="10" height="10" fill="${item.color}"/>`);
    parts.push(`<text x="${legendX + 14}" y="35" font-size="11">${escapeHtml(item.label)}</text>`);
    legendX += 24 + item.label.length * 6.5;
  }
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const label = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    parts.push(`<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end" font-size="11">${escapeHtml(label)}</text>`);
    let x = labelWidth;
    row.values.forEach((value, seriesIndex) => {
      const barWidth = (value / max) * chartWidth;
      if (barWidth > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y + 2}" width="${barWidth.toFixed(1)}" height="${rowHeight - 5}" fill="${series[seriesIndex].color}"/>`);
      x += barWidth;
    });
    const total = row.values.reduce((sum, value) => sum + value, 0);
    parts.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 12}" font-size="10">${formatNumber(total)}</text>`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${FONT}">${parts.join("")}</svg>`;
  // Twice the pixels for print; the DOCX shows it at width × height.
  const png = new Resvg(svg, { fitTo: { mode: "zoom", value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: "Liberation Serif" } }).render().asPng();
  return { png: Buffer.from(png), width, height };
}
