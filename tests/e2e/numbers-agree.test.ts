// The same unit and month give the same numbers on every page and in the API
// (demo ward Bồ Đề): the two "handbook in meetings" figures under their own
// names, and the ward's open/overdue feedback on the home page, the feedback
// page and GET /api/v1/feedback. The audit log names every kind in its filter.
import type { Page } from "playwright-core";
import { chromiumForFile, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { closeTestDb, testDb } from "../support/db";
import { allowMoreSignIns } from "../support/drafts-factories";
import { formatNumber } from "@/lib/format/number";
import { HANDBOOK_USE } from "@/lib/stats/usage-definitions";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/labels";

const CLIENT = { "x-real-ip": `e2e-numbers-agree-${process.pid}` };
const chromium = chromiumForFile();

afterAll(closeTestDb);

async function as(username: string): Promise<Page> {
  const page = await (await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", extraHTTPHeaders: CLIENT })).newPage();
  await allowMoreSignIns();
  await signIn(page, baseUrl(), username, DEMO_PASSWORD);
  return page;
}

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl()}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** The value (and note) of the stat card with exactly this label. */
async function stat(page: Page, label: string) {
  const card = page.locator(".stat").filter({ has: page.locator(".stat-label", { hasText: new RegExp(`^${label}$`) }) });
  expect(await card.count()).toBe(1);
  return { value: (await card.locator(".stat-value").textContent())!.trim(), note: (await card.locator(".stat-note").textContent().catch(() => ""))?.trim() ?? "" };
}

describe("numbers that agree across pages and the API", () => {
  it("the ward dashboard shows both handbook-in-meetings figures under their own names, each equal to its API", async () => {
    const page = await as("phuong-bo-de");
    const ward = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB-BD" } });
    const handbook = await api<{ period: string; branchesUsingInMeetings: number; branchesTotal: number }>(page, `/api/v1/stats/handbook?orgUnitId=${ward.id}`);
    const meetings = await api<{ totals: { usedHandbook: number; held: number } }>(page, `/api/v1/meetings/compliance?orgUnitId=${ward.id}&period=${handbook.period}`);
    await page.goto(`${baseUrl()}/dashboard/${ward.id}?period=${handbook.period}`);
    const reported = await stat(page, HANDBOOK_USE.reported.label);
    expect(reported.value).toBe(formatNumber(handbook.branchesUsingInMeetings));
    expect(reported.note).toContain(`/ ${formatNumber(handbook.branchesTotal)} chi bộ`);
    expect(reported.note).toContain(HANDBOOK_USE.reported.source);
    const recorded = await stat(page, HANDBOOK_USE.recorded.label);
    expect(recorded.value).toBe(`${formatNumber(meetings.totals.usedHandbook)}/${formatNumber(meetings.totals.held)}`);
    expect(recorded.note).toContain(HANDBOOK_USE.recorded.source);
    // The old ambiguous names are gone.
    expect(await page.getByText(/^Dùng sổ tay khi họp$/i).count()).toBe(0);
    // Installed over eligible above 100% says why, where it is shown.
    const eligible = await stat(page, "So với số thuộc diện cài");
    const percent = Number(eligible.value.replace(/[^\d,]/g, "").replace(",", "."));
    if (percent > 100) expect(eligible.note).toContain("ngoài diện bắt buộc");
    await page.context().close();
  });

  it("the ward's open and overdue feedback: home page = feedback page = API = the list itself", async () => {
    const page = await as("phuong-bo-de");
    const fromApi = await api<{ open: number; overdue: number; total: number; items: { overdue: boolean }[] }>(page, "/api/v1/feedback?status=open&pageSize=500");
    expect(fromApi.total).toBe(fromApi.open);
    expect(fromApi.items.filter((item) => item.overdue).length).toBe(fromApi.overdue);

    await page.goto(`${baseUrl()}/`);
    const home = await stat(page, "Phản hồi chưa xác nhận");
    expect(home.value).toBe(formatNumber(fromApi.open));
    expect(home.note).toContain(`${formatNumber(fromApi.overdue)} quá hạn`);

    await page.goto(`${baseUrl()}/feedback`);
    expect((await page.locator(".feedback-counts").textContent())!.replace(/\s+/g, " ")).toContain(`${formatNumber(fromApi.open)} chưa xác nhận · ${formatNumber(fromApi.overdue)} quá hạn`);
    await page.context().close();
  });

  it("the audit log offers every event kind in Vietnamese and shows no raw code", async () => {
    const page = await as("admin");
    await page.goto(`${baseUrl()}/admin/audit`);
    const offered = await page.locator("#action option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(Object.keys(AUDIT_ACTION_LABELS)));
    await page.selectOption("#action", "auth.login.succeeded");
    await Promise.all([page.waitForURL(/action=auth\.login\.succeeded/), page.getByRole("button", { name: "Lọc" }).click()]);
    const kinds = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["Đăng nhập thành công"]));
    expect(await page.locator("tbody").textContent()).not.toMatch(/\b(meeting|draft|auth)\.[a-z_]+/);
    await page.context().close();
  });
});
