// The QR code of the printed meeting sheet must open outside the server: it
// encodes the configured public address (PUBLIC_URL), read back from the
// rendered image with a QR decoder, in both states of the setting.
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { chromiumForFile, signIn } from "../support/browser";
import { baseUrl } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb } from "../support/db";
import { createMeetingWard } from "../support/meetings-factories";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { todayIso } from "@/lib/format/date";

const PUBLIC_URL = "https://sotay.quanuy-longbien.vn";
const chromium = chromiumForFile();
let configured: AppServer;
let unconfigured: AppServer;

beforeAll(async () => {
  [configured, unconfigured] = await Promise.all([startAppServer(process.env.DATABASE_URL!, { PUBLIC_URL: `${PUBLIC_URL}/` }), startAppServer(process.env.DATABASE_URL!)]);
}, 300_000);
afterAll(async () => {
  await Promise.all([configured?.stop(), unconfigured?.stop()]);
  await closeTestDb();
}, 120_000);

const CLIENT = { "x-real-ip": `e2e-public-url-${process.pid}` };

/** Draws the sheet's QR image on a canvas and decodes its pixels. */
async function decodeQr(page: Page): Promise<string | null> {
  const image = await page.locator(".print-qr img").evaluate(async (element: HTMLImageElement) => {
    await element.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 400;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, 400, 400);
    context.drawImage(element, 20, 20, 360, 360);
    return Array.from(context.getImageData(0, 0, 400, 400).data);
  });
  return jsQR(Uint8ClampedArray.from(image), 400, 400)?.data ?? null;
}

async function printedSheet(server: string, username: string, branchId: number, period: string): Promise<Page> {
  const page = await (await chromium.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", extraHTTPHeaders: CLIENT })).newPage();
  await signIn(page, server, username, TEST_PASSWORD);
  await page.goto(`${server}/meetings/branch/${branchId}/${period}/print`);
  return page;
}

describe("the printed meeting sheet's QR code", () => {
  it("opens the period's drafts at PUBLIC_URL when it is set, and no warning shows", async () => {
    const w = await createMeetingWard("Mã QR");
    const period = todayIso().slice(0, 7);
    const page = await printedSheet(configured.baseUrl, w.secretary.username, w.branches[0].id, period);
    expect(await decodeQr(page)).toBe(`${PUBLIC_URL}/drafts/branch/${w.branches[0].id}/${period}`);
    expect(await page.locator(".print-qr figcaption").textContent()).toContain(`${PUBLIC_URL}/drafts/branch/${w.branches[0].id}/${period}`);
    expect(await page.getByText("điện thoại của đảng viên không mở được").count()).toBe(0);
    // The server was told where it lives: it does not warn at start-up.
    expect(configured.output.join("")).not.toContain("PUBLIC_URL chưa được đặt");
  }, 240_000);

  it("falls back to NEXTAUTH_URL without PUBLIC_URL, and says so on the page and at start-up", async () => {
    const w = await createMeetingWard("Mã QR mặc định");
    const period = todayIso().slice(0, 7);
    const page = await printedSheet(unconfigured.baseUrl, w.secretary.username, w.branches[0].id, period);
    expect(await decodeQr(page)).toBe(`${unconfigured.baseUrl}/drafts/branch/${w.branches[0].id}/${period}`);
    expect(await page.getByText(/Mã QR đang dẫn tới địa chỉ nội bộ của máy chủ \(127\.0\.0\.1:\d+\)/).isVisible()).toBe(true);
    expect(unconfigured.output.join("")).toContain(`PUBLIC_URL chưa được đặt. Mã QR trên phiếu in và liên kết trong tệp xuất sẽ dùng ${unconfigured.baseUrl}`);
  }, 240_000);

  it("the shared test server (defaults) encodes its own address too", async () => {
    const w = await createMeetingWard("Mã QR máy chủ chung");
    const period = todayIso().slice(0, 7);
    const page = await printedSheet(baseUrl(), w.secretary.username, w.branches[0].id, period);
    expect(await decodeQr(page)).toBe(`${baseUrl()}/drafts/branch/${w.branches[0].id}/${period}`);
  }, 240_000);
});
