// Debian's Chromium driven by playwright-core: the browser of the e2e tests
// and of `npm run screenshots`. Flags keep it off the (closed) network.
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import { baseUrl } from "./http";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 }), page.getByRole("button", { name: "Đăng nhập" }).click()]);
}

/**
 * One Chromium for an e2e test file: launched before its tests and closed after
 * them. `newPage` opens a fresh context (own cookies) in Vietnamese; `pageAs`
 * also signs in through the sign-in form.
 */
export function chromiumForFile() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function newPage(viewport = DESKTOP, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser!.newContext({ viewport, locale: "vi-VN", ...options });
    return context.newPage();
  }
  async function pageAs(username: string, password: string, viewport = DESKTOP, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await newPage(viewport, options);
    await signIn(page, baseUrl(), username, password);
    return page;
  }
  return { newPage, pageAs, browser: () => browser! };
}

/** Screenshots for a change note, only when SHOTS_DIR is set (a test run writes none). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: options.fullPage ?? false });
}
