import type { Page } from "playwright-core";
import { chromiumForFile, PHONE, signIn } from "../support/browser";
import { api, baseUrl, DEMO_PASSWORD } from "../support/http";
import { closeTestDb, testDb } from "../support/db";
import { actorOf, uniqueSuffix } from "../support/factories";
import { createStatsWard } from "../support/stats-factories";
import { issueApiToken } from "@/lib/tokens/api-tokens";
import { formatNumber, formatPercent } from "@/lib/format/number";
import { formatPeriod, todayIso } from "@/lib/format/date";
import { addMonths } from "@/lib/periods/period";
import { demoSeededOn } from "../support/demo-day";

/** The dashboard streams its figures after a skeleton: wait until the unit's figures are on the page. */
async function dashboardShown(page: Page) {
  await page.locator(".stats-cards").first().waitFor();
}

const chromium = chromiumForFile();
afterAll(closeTestDb);

async function unitId(code: string) {
  return (await testDb().orgUnit.findUniqueOrThrow({ where: { code } })).id;
}

describe("leaders' dashboard in the browser", () => {
  it("drills down from the city to a branch by clicking a bar, then rows", async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), "lanhdao-thanhpho", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Bảng điều hành Sổ tay" }).click();
    await page.waitForURL(/\/dashboard\/\d+$/);
    expect(await page.locator("h1").textContent()).toBe("Thành phố Hà Nội");

    // The figures on the page are the API's, in vi-VN format.
    const figures = await page.evaluate(async () => (await fetch("/api/v1/stats/handbook")).json());
    const cards = page.locator(".stats-cards .stat-value");
    expect(await cards.nth(0).textContent()).toBe(formatPercent(figures.installRate));
    expect(await cards.nth(1).textContent()).toBe(formatPercent(figures.eligibleInstallRate, 2));
    expect(await cards.nth(2).textContent()).toBe(formatNumber(figures.branchesUsingInMeetings));

    // City → district: a bar of the ranking chart.
    const longBien = await unitId("LB");
    await page.locator(".stats-ranking .recharts-rectangle").first().click();
    await page.waitForURL(`**/dashboard/${longBien}`);
    await dashboardShown(page);
    expect(await page.locator("h1").textContent()).toBe("Quận Long Biên");

    // District → ward: a row of the table.
    await page.locator("#don-vi").getByRole("link", { name: "Phường Bồ Đề", exact: true }).click();
    await page.waitForURL(`**/dashboard/${await unitId("LB-BD")}`);
    await dashboardShown(page);
    expect(await page.locator("h1").textContent()).toBe("Phường Bồ Đề");
    // The table's rows are plain links: a whole page loads, and the ranking draws its bars once the chart has hydrated.
    await page.locator(".stats-ranking .recharts-rectangle").first().waitFor();
    expect(await page.locator(".stats-ranking .recharts-rectangle").count()).toBe(await testDb().orgUnit.count({ where: { parentId: await unitId("LB-BD"), validTo: null } }));

    // Ward → branch: a row again, then the branch's own reports.
    await page.locator("#don-vi").getByRole("link", { name: "Chi bộ Công an phường Bồ Đề" }).click();
    await page.waitForURL(`**/dashboard/${await unitId("LB-BD-02")}`);
    await dashboardShown(page);
    expect(await page.locator("h1").textContent()).toBe("Chi bộ Công an phường Bồ Đề");
    await expect(page.getByRole("heading", { name: "Báo cáo sử dụng của chi bộ" }).isVisible()).resolves.toBe(true);
    expect(await page.locator(".breadcrumb").textContent()).toContain("Phường Bồ Đề");

    // Back up through the breadcrumb, with an earlier month (half a year before the seed day) kept in the URL.
    const earlier = addMonths((await demoSeededOn()).slice(0, 7), -6);
    await page.selectOption("#stats-period", earlier);
    await page.getByRole("button", { name: "Xem" }).click();
    await page.waitForURL(`**period=${earlier}`);
    await dashboardShown(page);
    expect(await page.locator(".page-header p").textContent()).toContain(formatPeriod(earlier));
    await page.locator(".breadcrumb").getByRole("link", { name: "Quận Long Biên" }).click();
    await page.waitForURL(`**/dashboard/${longBien}?period=${earlier}`);
    await page.context().close();
  });

  it("summarises the month's draft review and meeting compliance of the same unit, each linking to its detail", async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), "lanhdao", DEMO_PASSWORD);
    const ward = await unitId("LB-BD");
    await page.goto(`${baseUrl()}/dashboard/${ward}?period=2026-10`);
    const { drafts, meetings } = await page.evaluate(async (id) => ({
      drafts: await (await fetch(`/api/v1/drafts/summary?orgUnitId=${id}&period=2026-10`)).json(),
      meetings: await (await fetch(`/api/v1/meetings/compliance?orgUnitId=${id}&period=2026-10`)).json(),
    }), ward);
    const draftCard = page.locator("section", { has: page.getByRole("heading", { name: "Dự thảo nghị quyết tháng 10/2026" }) });
    expect(await draftCard.locator(".stat-value").first().textContent()).toBe(`${formatNumber(drafts.totals.submitted)}/${formatNumber(drafts.totals.branches)}`);
    expect(drafts.totals.branches).toBeGreaterThan(0);
    const meetingCard = page.locator("section", { has: page.getByRole("heading", { name: "Sinh hoạt chi bộ tháng 10/2026" }) });
    expect(await meetingCard.locator(".stat-value").first().textContent()).toBe(`${formatNumber(meetings.totals.held)}/${formatNumber(meetings.totals.branches)}`);
    expect(await meetingCard.locator(".stat-value").nth(1).textContent()).toBe(formatPercent(meetings.totals.attendanceRate));

    await draftCard.getByRole("link", { name: "Xem tiến độ dự thảo theo đơn vị" }).click();
    await page.waitForURL(`**/drafts/progress?period=2026-10&orgUnitId=${ward}`);
    await page.goBack();
    await meetingCard.getByRole("link", { name: "Xem tình hình sinh hoạt" }).click();
    await page.waitForURL(`**/meetings?unit=${ward}&period=2026-10`);
    expect(await page.locator("h1").textContent()).toContain("Bồ Đề");
    await page.context().close();
  });

  it("fits a phone screen", async () => {
    const page = await chromium.newPage(PHONE);
    await signIn(page, baseUrl(), "phuong-bo-de", DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/dashboard`);
    await page.waitForSelector(".stats-ranking svg");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it("exports the tables it shows as CSV and XLSX", async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), "lanhdao", DEMO_PASSWORD);
    const csv = await page.request.get(`${baseUrl()}/api/v1/stats/handbook/export?table=children&format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("Phường Bồ Đề");
    expect(text.split("\n")[0]).toContain("Tỷ lệ đã cài");
    const xlsx = await page.request.get(`${baseUrl()}/api/v1/stats/handbook/export?table=lagging&format=xlsx`);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
    await page.context().close();
  });
});

describe("scope of the dashboard, by page and by API", () => {
  it("a ward sees 'not found' for another ward; a branch secretary may not use it", async () => {
    const foreign = await unitId("LB-TT");
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), "phuong-bo-de", DEMO_PASSWORD);
    const response = await page.goto(`${baseUrl()}/dashboard/${foreign}`);
    expect(response?.status()).toBe(404);
    const statuses = await page.evaluate(async (id) => {
      const urls = [`/api/v1/stats/handbook?orgUnitId=${id}`, `/api/v1/stats/handbook/series?orgUnitId=${id}`, `/api/v1/stats/handbook/lagging?orgUnitId=${id}`, `/api/v1/stats/handbook/export?table=children&orgUnitId=${id}`];
      return Promise.all(urls.map(async (url) => (await fetch(url)).status));
    }, foreign);
    expect(statuses).toEqual([404, 404, 404, 404]);
    await page.context().close();

    const secretary = await chromium.newPage();
    await signIn(secretary, baseUrl(), "chibo-lb-bd-01", DEMO_PASSWORD);
    await secretary.goto(`${baseUrl()}/dashboard`);
    await expect(secretary.getByRole("heading", { name: "Không có quyền truy cập" }).isVisible()).resolves.toBe(true);
    expect(await secretary.evaluate(async () => (await fetch("/api/v1/stats/handbook")).status)).toBe(403);
    await secretary.context().close();
  });
});

describe("PUT /api/v1/stats/handbook with an API token", () => {
  it("is idempotent, refuses what is outside the token's scope, and needs the push permission", async () => {
    const own = await createStatsWard();
    const admin = await actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    const push = await issueApiToken(admin, { name: `Ứng dụng Sổ tay ${uniqueSuffix()}`, orgUnitCode: "LB", role: "BOARD_REVIEWER" });
    const leader = await issueApiToken(admin, { name: `Lãnh đạo ${uniqueSuffix()}`, orgUnitCode: "LB", role: "LEADER" });
    // Another district, for a token whose scope does not include the ward.
    const city = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "HN" } });
    const code = `D-${uniqueSuffix()}`;
    const created = await testDb().orgUnit.create({ data: { code, name: `Quận thử ${code}`, level: "DISTRICT", parentId: city.id, path: "/", depth: 1, validFrom: new Date("2020-01-01") } });
    await testDb().orgUnit.update({ where: { id: created.id }, data: { path: `${city.path}${created.id}/` } });
    const elsewhere = await issueApiToken(admin, { name: `Quận khác ${uniqueSuffix()}`, orgUnitCode: code, role: "BOARD_REVIEWER" });

    const date = todayIso();
    const body = JSON.stringify({ date, rows: own.branches.map((branch, i) => ({ branchCode: branch.code, usedInMeetings: i === 0, newsPosts: 2, documents: 1 })) });
    const put = (token: string | undefined, payload = body) => api("/api/v1/stats/handbook", { method: "PUT", token, body: payload, headers: { "content-type": "application/json" } });

    expect((await put(undefined)).status).toBe(401);
    expect((await put(leader.secret)).status).toBe(403);
    expect((await put(push.secret, "{not json")).status).toBe(400);
    const outside = await put(elsewhere.secret);
    expect(outside.status).toBe(400);
    expect(outside.body.error?.code).toBe("VALIDATION_FAILED");
    expect(await testDb().usageSnapshot.count({ where: { branchId: { in: own.branches.map((b) => b.id) } } })).toBe(0);

    const first = await put(push.secret);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ date, accepted: 2, created: 2, updated: 0, unchanged: 0 });
    const second = await put(push.secret);
    expect(second.body).toMatchObject({ accepted: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await testDb().usageSnapshot.count({ where: { branchId: { in: own.branches.map((b) => b.id) } } })).toBe(2);

    const read = await api(`/api/v1/stats/handbook?orgUnitId=${own.ward.id}`, { token: leader.secret });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ branchesUsingInMeetings: 1, newsPosts: 4, documents: 2, membersInstalled: 6, membersTotal: 10 });
    const series = await api(`/api/v1/stats/handbook/series?orgUnitId=${own.ward.id}&from=2026-01&to=${date.slice(0, 7)}`, { token: leader.secret });
    expect((series.body.items as unknown[]).length).toBeGreaterThan(1);
    expect((await api(`/api/v1/stats/handbook?orgUnitId=${own.ward.id}`, { token: elsewhere.secret })).status).toBe(404);
  });
});
