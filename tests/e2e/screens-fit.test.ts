// Screens that fit: every page of the route matrix, at 1280 and 390 px, as an
// account that may open it (demo data), has no sideways scroll of the page, and
// the key columns of its tables (th[data-key-column]) sit inside the viewport and
// their table's box without scrolling. Plus the phone header and the draft page.
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Role } from "@/lib/generated/prisma/enums";
import { launchBrowser, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { closeTestDb, testDb } from "../support/db";
import { allowMoreSignIns } from "../support/drafts-factories";
import { allows, ROUTE_MATRIX, type PageEntry, type ScopeIds } from "../support/route-matrix";
import { todayIso } from "@/lib/format/date";

const CLIENT = { "x-real-ip": `e2e-screens-fit-${process.pid}` };
// The first account (in this order) whose role may open a page shows it.
const ACCOUNTS: [Role, string][] = [
  ["BOARD_REVIEWER", "bantochuc"],
  ["WARD_COMMITTEE", "phuong-bo-de"],
  ["LEADER", "lanhdao"],
  ["BRANCH_SECRETARY", "chibo-lb-bd-01"],
  ["ADMIN", "admin"],
];
const WIDTHS = [1280, 390] as const;

let browser: Browser;
let ids: ScopeIds;
const contexts = new Map<string, BrowserContext>();

async function signedIn(username: string, width: number): Promise<Page> {
  const key = `${username}@${width}`;
  let context = contexts.get(key);
  if (!context) {
    context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, locale: "vi-VN", extraHTTPHeaders: CLIENT, ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    await allowMoreSignIns();
    await signIn(page, baseUrl(), username, DEMO_PASSWORD);
    await page.close();
    contexts.set(key, context);
  }
  return context.newPage();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const unit = (code: string) => testDb().orgUnit.findUniqueOrThrow({ where: { code } });
  const [district, ward, branch] = await Promise.all([unit("LB"), unit("LB-BD"), unit("LB-BD-01")]);
  const draft = await testDb().draft.findFirstOrThrow({ where: { branchId: branch.id }, orderBy: { period: "desc" } });
  const wardUser = await testDb().user.findUniqueOrThrow({ where: { username: "phuong-bo-de" } });
  ids = { district: district.id, ward: ward.id, branch: branch.id, period: draft.period, meetingPeriod: todayIso().slice(0, 7), draft: draft.id, comment: 0, feedback: 0, meeting: 0, user: wardUser.id, importJob: "" };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await closeTestDb();
});

type Misfit = { route: string; path: string; width: number; account: string; overflow: number; columns: string[] };

/** Sideways scroll of the page (px) and key columns outside the viewport or their table box. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const viewport = document.documentElement.clientWidth;
    const columns = [...document.querySelectorAll<HTMLElement>("th[data-key-column]")]
      .filter((th) => th.getClientRects().length > 0)
      .filter((th) => {
        const box = th.getBoundingClientRect();
        const wrap = th.closest(".table-wrap")?.getBoundingClientRect();
        const right = Math.min(wrap?.right ?? viewport, viewport);
        return box.right > right + 1 || box.left < (wrap?.left ?? 0) - 1;
      })
      .map((th) => th.textContent?.trim() ?? "?");
    return { overflow: root.scrollWidth - root.clientWidth, columns };
  });
}

describe("screens that fit", () => {
  const pages = ROUTE_MATRIX.filter((entry): entry is PageEntry => entry.kind === "page" && entry.route !== "/login");

  it("has no page with sideways scrolling or key columns out of view, at 1280 and 390 px", async () => {
    const misfits: Misfit[] = [];
    let measured = 0;
    for (const width of WIDTHS) {
      for (const entry of pages) {
        const account = ACCOUNTS.find(([role]) => allows(entry.access, role));
        if (!account) continue;
        const page = await signedIn(account[1], width);
        const path = entry.path(ids);
        const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: "load" });
        expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
        await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
        const { overflow, columns } = await measure(page);
        measured++;
        if (overflow > 0 || columns.length) misfits.push({ route: entry.route, path, width, account: account[1], overflow, columns });
        await page.close();
      }
    }
    expect(measured).toBeGreaterThanOrEqual(60);
    expect(misfits).toEqual([]);
  }, 900_000);

  it("the queue shows its key columns at 1366 px, and 'Phường xác nhận' without scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "vi-VN", extraHTTPHeaders: CLIENT });
    const page = await context.newPage();
    await allowMoreSignIns();
    await signIn(page, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/drafts?period=${ids.period}`);
    const wrap = page.locator(".table-wrap").filter({ has: page.locator(".queue-table") });
    // The queue streams in under Suspense: measure the table once it is revealed, not its hidden copy.
    await wrap.waitFor({ state: "visible" });
    expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    expect(await measure(page)).toEqual({ overflow: 0, columns: [] });
    expect(await page.locator("th[data-key-column]", { hasText: "Phường xác nhận" }).isVisible()).toBe(true);
    await context.close();
  });

  it("the phone header keeps 'Đăng xuất' on one line and the unit name whole; the comment hint covers no draft text", async () => {
    const page = await signedIn("chibo-lb-bd-01", 390);
    await page.goto(`${baseUrl()}/`);
    const button = page.getByRole("button", { name: "Đăng xuất" });
    const lines = await button.evaluate((element) => {
      const style = getComputedStyle(element);
      return Math.round((element.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - parseFloat(style.borderTopWidth) * 2) / parseFloat(style.lineHeight || "20"));
    });
    expect(lines).toBeLessThanOrEqual(1);
    const unitName = page.locator(".brand-text small");
    const branch = await testDb().orgUnit.findUniqueOrThrow({ where: { id: ids.branch } });
    expect(await unitName.textContent()).toContain(branch.name);
    // Not clipped: the whole name is laid out inside its box.
    expect(await unitName.evaluate((element) => element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1)).toBe(true);

    await page.goto(`${baseUrl()}/drafts/${ids.draft}`);
    const hint = page.locator(".composer");
    if (await hint.count()) expect(await hint.first().evaluate((element) => getComputedStyle(element).position)).toBe("static");
    await page.close();
  });
});
