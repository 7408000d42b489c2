import { renderToStaticMarkup } from "react-dom/server";
import { escapeHtml, html, markupString } from "@/lib/format/html";
import { HeatMap } from "@/components/meetings/heat-map";
import type { HeatCell } from "@/lib/meetings/compliance";
import { sumFigures } from "@/lib/meetings/figures";

const hostile = `Chi bộ "A" <script>alert('x')</script> & co`;

describe("markup written as a string", () => {
  it("escapes every interpolated value and keeps markup built with html", () => {
    const inner = html`<b>${hostile}</b>`;
    const out = markupString(html`<p title="${hostile}">${inner}${[1, 2].map((n) => html`<i>${n}</i>`)}${null}${false}</p>`);
    expect(out).toBe(`<p title="${escapeHtml(hostile)}"><b>${escapeHtml(hostile)}</b><i>1</i><i>2</i></p>`);
    expect(out).not.toContain("<script>");
    expect(escapeHtml(hostile)).toBe("Chi bộ &quot;A&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
  });
});

describe("the heat map", () => {
  const periods = ["2026-10", "2026-11"];
  const cell = (period: string, held: number): HeatCell => ({ ...sumFigures([{ branches: 2, held, present: held ? 9 : 0, expected: held ? 10 : 0, usedHandbook: held, thematic: 0 }], period, 5, "2026-12-20"), period, state: null, heldOn: null });
  const rows = [
    { unit: { id: 7, code: "P1", name: hostile, level: "WARD" as const }, cells: [cell("2026-10", 2), cell("2026-11", 1)], missingMonths: 0, missingBranchMonths: 1 },
    { unit: { id: 8, code: "P2", name: "Phường Bồ Đề", level: "WARD" as const }, cells: [cell("2026-10", 0), cell("2026-11", 2)], missingMonths: 0, missingBranchMonths: 2 },
  ];
  const page = () =>
    renderToStaticMarkup(
      <HeatMap periods={periods} rows={rows} caption="Bản đồ <thử>" rowHref={(row) => `/meetings?unit=${row.unit.id}&period=2026-11`} cellHref={(row, month) => `/meetings?unit=${row.unit.id}&period=${month}`} />,
    );

  it("draws one row per unit and one linked cell per month, with the figures as each cell's description", () => {
    const markup = page();
    expect(markup.match(/<tr>/g)).toHaveLength(3); // the months, then two units
    expect(markup.match(/<th scope="col" class="heat-month">/g)).toHaveLength(2);
    expect(markup).toContain(`<a href="/meetings?unit=8&amp;period=2026-10" class="heat-cell heat-1" title="Tháng 10/2026: 0/2 chi bộ đã sinh hoạt, 2 thiếu; có mặt —">0%</a>`);
    expect(markup).toContain(`<a href="/meetings?unit=7&amp;period=2026-11" class="heat-cell heat-1" title="Tháng 11/2026: 1/2 chi bộ đã sinh hoạt, 1 thiếu; có mặt 90,0%">50%</a>`);
    expect(markup).toContain(`<div class="small heat-note">2 lượt chi bộ thiếu</div>`);
    expect(markup).toContain("<caption>Bản đồ &lt;thử&gt;</caption>");
  });

  it("shows a unit's name as text, whatever it holds", () => {
    const markup = page();
    expect(markup).not.toContain("<script>");
    expect(markup).toContain(`<a href="/meetings?unit=7&amp;period=2026-11">${escapeHtml(hostile)}</a>`);
  });
});
