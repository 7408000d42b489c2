import { renderToStaticMarkup } from "react-dom/server";
import { escapeHtml, html, markupString } from "@/lib/format/html";
import { HeatMap } from "@/components/meetings/heat-map";
import { ComplianceTable } from "@/components/meetings/compliance-table";
import { ChildUnitsFiguresTable } from "@/components/stats/child-units-figures-table";
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

describe("the table by unit", () => {
  const figures = { branches: 12, held: 10, missing: 2, pending: 1, attendanceRate: 0.913, usedHandbook: 7, thematic: 3, qualityMet: 6, qualityMissing: 4, topFailure: { label: "Đủ thời lượng", branches: 3 } };
  const href = (row: { unit: { id: number } }) => `/meetings?unit=${row.unit.id}&period=2026-11`;
  const table = (rows: Parameters<typeof ComplianceTable>[0]["rows"]) => renderToStaticMarkup(<ComplianceTable rows={rows} childLabel="Phường, xã" caption="Chọn <một>" href={href} />);

  it("a unit's row: its name escaped and linked, its month's figures in vi-VN format, key columns marked", () => {
    const markup = table([{ ...figures, unit: { id: 5, code: "W-1", name: hostile, level: "WARD" }, state: null }]);
    expect(markup).toContain(`<td><a href="/meetings?unit=5&amp;period=2026-11">${escapeHtml(hostile)}</a><div class="small muted mono">W-1</div></td>`);
    expect(markup).not.toContain("<script>");
    expect(markup).toContain(`<td class="num">10 <span class="muted small">(83%)</span></td><td class="num text-bad">2</td>`);
    expect(markup).toContain(`<td class="small col-secondary">Đủ thời lượng (3)</td><td class="num">91,3%</td>`);
    expect(markup.match(/data-key-column/g)).toHaveLength(4);
    expect(markup).toContain("<caption>Chọn &lt;một&gt;</caption>");
  });

  it("a branch's row: the state and quality badges, the day held, and a missing branch marked", () => {
    const markup = table([
      { ...figures, branches: 1, held: 1, missing: 0, unit: { id: 7, code: "B-1", name: "Chi bộ 1", level: "BRANCH" }, state: "HELD", heldOn: new Date("2026-11-12T00:00:00Z") },
      { ...figures, branches: 1, held: 0, missing: 1, unit: { id: 8, code: "B-2", name: "Chi bộ 2", level: "BRANCH" }, state: "MISSING", heldOn: null },
    ]);
    expect(markup).toContain(`<span class="badge badge-ok">Đã sinh hoạt</span><div class="small muted">ngày 12/11/2026</div>`);
    expect(markup).toContain(`<a class="small" href="/meetings?unit=7&amp;period=2026-11"><span class="badge badge-warn">Chưa đạt</span><span class="visually-hidden">: </span><div class="small muted">Đủ thời lượng</div></a>`);
    expect(markup).toContain(`<tr class="row-bad"><td><a href="/meetings?unit=8&amp;period=2026-11">Chi bộ 2</a>`);
    expect(markup).toContain(`<span class="badge badge-bad">Thiếu</span>`);
  });
});

describe("the dashboard's table of child units", () => {
  type Child = Parameters<typeof ChildUnitsFiguresTable>[0]["rows"][number];
  const child = (id: number, name: string, level: "WARD" | "BRANCH", over: Partial<Child> = {}): Child => ({ orgUnit: { id, code: `C-${id}`, name, level, parentId: 1 }, membersTotal: 1234, membersInstalled: 1000, membersEligible: 1100, installRate: 0.81, eligibleInstallRate: 0.9091, branchesTotal: 40, branchesReporting: 40, branchesUsingInMeetings: 30, meetingUsageRate: 0.3, newsPosts: 12, documents: 3, ...over });
  const table = (parentLevel: "CITY" | "WARD", rows: Child[], sort: "name" | "install") =>
    renderToStaticMarkup(<ChildUnitsFiguresTable parentId={1} parentLevel={parentLevel} rows={rows} thresholds={{ low: 50, high: 80 }} state={{ period: "2026-11", metric: "install", sort }} />);

  it("names escaped and linked to their dashboards, rates as toned badges, sorting as links back to the table", () => {
    const markup = table("CITY", [child(5, hostile, "WARD"), child(6, "Xã B", "WARD", { installRate: 0.42 })], "install");
    expect(markup).toContain(`<td><a href="/dashboard/5?period=2026-11">${escapeHtml(hostile)}</a><div class="small muted mono">C-5</div></td>`);
    expect(markup).not.toContain("<script>");
    expect(markup).toContain(`<td class="num"><span class="badge badge-ok">81,0%</span></td>`);
    expect(markup).toContain(`<td class="num"><span class="badge badge-bad">42,0%</span></td>`);
    expect(markup).toContain(`<td class="num">30/40 <span class="badge badge-bad">30,0%</span></td>`);
    expect(markup).toContain(`<th class="num" data-key-column aria-sort="other"><a class="stats-sort" href="/dashboard/1?period=2026-11&amp;sort=install#don-vi">Tỷ lệ cài ▾</a></th>`);
    // Rates sort lowest first.
    expect(markup.indexOf("Xã B")).toBeLessThan(markup.indexOf("C-5"));
    expect(markup).toContain("<caption>2 phường, xã · nhấn tên");
  });

  it("a ward's branches say whether they reported using the handbook in meetings", () => {
    const markup = table("WARD", [child(7, "Chi bộ 1", "BRANCH"), child(8, "Chi bộ 2", "BRANCH", { branchesUsingInMeetings: 0 })], "name");
    expect(markup).toContain(`<span class="badge badge-ok">Có</span>`);
    expect(markup).toContain(`<span class="badge badge-bad">Chưa</span>`);
    expect(markup).toContain(`<th data-key-column aria-sort="ascending"><a class="stats-sort" href="/dashboard/1?period=2026-11#don-vi">Chi bộ ▾</a></th>`);
  });
});
