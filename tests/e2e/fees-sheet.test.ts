import type { Page } from "playwright-core";
import { chromiumForFile, DESKTOP, PHONE, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { createMeetingWard } from "../support/meetings-factories";
import { todayIso } from "@/lib/format/date";

const chromium = chromiumForFile();
afterAll(closeTestDb);

const SHOTS = process.env.SCREENSHOT_DIR ?? "/work/shots/fees";

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("party fees on the fee sheet", () => {
  it("a secretary records the month's fees on a 390 px phone; the ward reads them, another ward gets 404", async () => {
    const w = await createMeetingWard("Đảng phí e2e");
    const other = await createMeetingWard("Phường khác e2e");
    const period = todayIso().slice(0, 7);
    const [members] = w.members;
    const active = members.filter((member) => member.status === "ACTIVE");
    const exempt = members.find((member) => member.status === "EXEMPT")!;
    const sheetPath = `/meetings/branch/${w.branches[0].id}/${period}/fees`;

    const phone = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true });
    await signIn(phone, baseUrl(), w.secretary.username, TEST_PASSWORD);
    await phone.goto(`${baseUrl()}/meetings/branch/${w.branches[0].id}/${period}`);
    await phone.getByRole("link", { name: "Đảng phí", exact: true }).click();
    await phone.waitForURL(`**${sheetPath}`);
    // The member excused from meetings is not on the form, listed apart with why.
    expect(await phone.getByRole("radiogroup", { name: `Đảng phí của ${exempt.fullName}` }).count()).toBe(0);
    expect(await phone.getByText(/Không thu đảng phí \(1\)/).isVisible()).toBe(true);

    const group = (name: string) => phone.getByRole("radiogroup", { name: `Đảng phí của ${name}` });
    await group(active[0].fullName).getByRole("radio", { name: "Đã đóng" }).check();
    await phone.getByLabel(`Số tiền ${active[0].fullName} đã đóng (đồng)`).fill("50.000");
    await group(active[1].fullName).getByRole("radio", { name: "Chưa đóng" }).check();
    await phone.getByLabel(`Lý do ${active[1].fullName} chưa đóng`).fill("Nằm viện");
    await group(active[2].fullName).getByRole("radio", { name: "Chưa đóng" }).check();
    await phone.getByRole("button", { name: "Người chưa ghi: đã đóng" }).click();
    expect(await phone.locator(".sticky-counts strong").textContent()).toBe("Đã đóng 2/4");
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${SHOTS}/fee-sheet-form-390.png`, fullPage: true });
    await phone.getByRole("button", { name: "Lưu đảng phí" }).click();
    await phone.getByText("Đã lưu đảng phí của 4 đảng viên.").waitFor();

    const fees = await testDb().partyFee.findMany({ where: { period, memberId: { in: active.map((m) => m.id) } } });
    const byMember = new Map(fees.map((fee) => [fee.memberId, fee]));
    expect([active[0], active[1], active[2], active[3]].map((m) => [byMember.get(m.id)?.paid, byMember.get(m.id)?.amount ?? null, byMember.get(m.id)?.reason ?? null])).toEqual([
      [true, 50_000, null],
      [false, null, "Nằm viện"],
      [false, null, null],
      [true, null, null],
    ]);

    // Reloaded, the form shows what was saved.
    await phone.reload();
    expect(await group(active[1].fullName).getByRole("radio", { name: "Chưa đóng" }).isChecked()).toBe(true);
    expect(await phone.getByLabel(`Số tiền ${active[0].fullName} đã đóng (đồng)`).inputValue()).toBe("50.000");

    // The ward committee reads the sheet (no form), at 1280 px.
    const ward = await chromium.newPage(DESKTOP);
    await signIn(ward, baseUrl(), w.wardUser.username, TEST_PASSWORD);
    await ward.goto(`${baseUrl()}${sheetPath}`);
    expect(await ward.getByRole("button", { name: "Lưu đảng phí" }).count()).toBe(0);
    const row = ward.locator("tr", { hasText: active[0].fullName });
    expect(await row.locator("td").allTextContents()).toEqual([expect.stringContaining(active[0].fullName), "Đã đóng", "50.000", ""]);
    expect(await ward.locator(".stat", { hasText: "Đã thu (đồng)" }).locator(".stat-value").textContent()).toBe("50.000");
    await ward.screenshot({ path: `${SHOTS}/fee-sheet-ward-1280.png`, fullPage: true });

    // Another ward's committee: 404, for the page and the API write.
    const foreign = await chromium.newPage(DESKTOP);
    await signIn(foreign, baseUrl(), other.wardUser.username, TEST_PASSWORD);
    const response = await foreign.goto(`${baseUrl()}${sheetPath}`);
    expect(response?.status()).toBe(404);
    const foreignSecretary = await chromium.newPage(DESKTOP);
    await signIn(foreignSecretary, baseUrl(), other.secretary.username, TEST_PASSWORD);
    const put = await foreignSecretary.request.put(`${baseUrl()}/api/v1/branches/${w.branches[0].id}/fees`, {
      headers: { origin: baseUrl(), "content-type": "application/json" },
      data: { period, fees: [{ memberId: active[0].id, paid: false }] },
    });
    expect(put.status()).toBe(404);
    expect((await testDb().partyFee.findUnique({ where: { memberId_period: { memberId: active[0].id, period } } }))?.paid).toBe(true);
  }, 240_000);

  it("the board sees the members' list with the reason of each month (demo data)", async () => {
    const board = await chromium.newPage(DESKTOP);
    await signIn(board, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await board.goto(`${baseUrl()}/meetings/flags`);
    expect(await board.locator("h1").textContent()).toMatch(/^Vắng sinh hoạt, không đóng đảng phí/);
    expect(await board.getByText("Chưa đóng đảng phí").count()).toBeGreaterThan(0);
    await board.screenshot({ path: `${SHOTS}/flags-board-1280.png` });
    const phone = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true });
    await signIn(phone, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await phone.goto(`${baseUrl()}/meetings/flags`);
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${SHOTS}/flags-board-390.png` });
  }, 120_000);
});
