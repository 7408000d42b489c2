// The meeting form records the month's party fees: on a 390 px phone the
// secretary ticks "Đã nộp đảng phí" beside the roll call, a bad amount is
// refused with nothing written, and the fee sheet then shows what was ticked.
import type { Page } from "playwright-core";
import { chromiumForFile, DESKTOP, PHONE, signIn } from "../support/browser";
import { baseUrl } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { createMeetingWard } from "../support/meetings-factories";
import { todayIso } from "@/lib/format/date";

const chromium = chromiumForFile();
afterAll(closeTestDb);

const SHOTS = process.env.SCREENSHOT_DIR ?? "/work/shots/feesform-3";
const CLIENT = { "x-real-ip": `e2e-meetings-fees-form-${process.pid}` };

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("party fees on the meeting form", () => {
  it("a secretary ticks who paid on a 390 px phone; exempt members show as exempt; a bad amount writes nothing", async () => {
    const w = await createMeetingWard("Đảng phí cuộc họp");
    const period = todayIso().slice(0, 7);
    const [members] = w.members;
    const active = members.filter((member) => member.status === "ACTIVE" && !member.leftBranchOn);
    const feeExempt = active[3];
    await testDb().member.update({ where: { id: feeExempt.id }, data: { feeExempt: true } });
    const recordPath = `/meetings/branch/${w.branches[0].id}/${period}/record`;

    const phone = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true, extraHTTPHeaders: CLIENT });
    await signIn(phone, baseUrl(), w.secretary.username, TEST_PASSWORD);
    await phone.goto(`${baseUrl()}${recordPath}`);
    const paidBox = (name: string) => phone.getByRole("checkbox", { name: `Đã nộp đảng phí – ${name}` });
    // Every member expected to pay has a box, unticked; the fee-exempt member shows as exempt instead.
    for (const member of active.slice(0, 3)) expect(await paidBox(member.fullName).isChecked()).toBe(false);
    expect(await paidBox(feeExempt.fullName).count()).toBe(0);
    expect(await phone.locator(".roster li", { hasText: feeExempt.fullName }).locator(".roster-fee").textContent()).toBe("Miễn đóng đảng phí");

    await paidBox(active[0].fullName).check();
    await paidBox(active[1].fullName).check();
    await phone.getByLabel(`Số tiền đảng phí của ${active[0].fullName}`).fill("năm mươi");
    expect(await phone.locator(".sticky-counts").textContent()).toContain("Đảng phí 2/3");
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `${SHOTS}/meeting-form-fees-390.png`, fullPage: true });

    // A bad amount: a Vietnamese message at the field, neither meeting nor fees written, the ticks kept.
    await phone.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await phone.getByText("Có số tiền đảng phí không đúng: sửa các ô được đánh dấu.").waitFor();
    expect(await phone.getByText("Số tiền ghi bằng số đồng, ví dụ 50.000.").isVisible()).toBe(true);
    expect(await testDb().meeting.count({ where: { branchId: w.branches[0].id } })).toBe(0);
    expect(await testDb().partyFee.count({ where: { memberId: { in: active.map((m) => m.id) } } })).toBe(0);
    expect(await paidBox(active[0].fullName).isChecked()).toBe(true);
    expect(await paidBox(active[1].fullName).isChecked()).toBe(true);

    await phone.getByLabel(`Số tiền đảng phí của ${active[0].fullName}`).fill("50.000");
    await phone.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await phone.waitForURL(`**/meetings/branch/${w.branches[0].id}/${period}?saved=REGULAR`);
    const fees = await testDb().partyFee.findMany({ where: { period, memberId: { in: active.map((m) => m.id) } } });
    expect(Object.fromEntries(fees.map((fee) => [fee.memberId, [fee.paid, fee.amount]]))).toEqual({ [active[0].id]: [true, 50_000], [active[1].id]: [true, null] });
    expect(await testDb().meeting.count({ where: { branchId: w.branches[0].id, period } })).toBe(1);

    // The form reopens with the boxes as saved; the fee sheet shows the same.
    await phone.goto(`${baseUrl()}${recordPath}`);
    expect(await paidBox(active[0].fullName).isChecked()).toBe(true);
    expect(await phone.getByLabel(`Số tiền đảng phí của ${active[0].fullName}`).inputValue()).toBe("50.000");
    expect(await paidBox(active[2].fullName).isChecked()).toBe(false);
    await phone.goto(`${baseUrl()}/meetings/branch/${w.branches[0].id}/${period}/fees`);
    expect(await phone.getByLabel(`Số tiền ${active[0].fullName} đã đóng (đồng)`).inputValue()).toBe("50.000");

    // At 1280 px the box sits under the roll call's column.
    const desktop = await chromium.newPage(DESKTOP, { extraHTTPHeaders: CLIENT });
    await signIn(desktop, baseUrl(), w.secretary.username, TEST_PASSWORD);
    await desktop.goto(`${baseUrl()}${recordPath}`);
    expect(await overflow(desktop)).toBeLessThanOrEqual(0);
    await desktop.screenshot({ path: `${SHOTS}/meeting-form-fees-1280.png`, fullPage: true });
  }, 240_000);
});
