// A secretary announces and then records a meeting on a 390 px phone; the board sees the ward's
// compliance change in the quality groups. Screenshots go to SHOTS_DIR when it is set.
import path from "node:path";
import type { Page } from "playwright-core";
import { chromiumForFile, DESKTOP, PHONE, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { createMeetingWard } from "../support/meetings-factories";
import { todayIso } from "@/lib/format/date";

const chromium = chromiumForFile();
afterAll(closeTestDb);

const shot = async (page: Page, name: string) => {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: path.join(process.env.SHOTS_DIR, name), fullPage: true });
};

async function statValue(page: Page, label: string): Promise<string | null> {
  return page.locator(".stat", { hasText: label }).first().locator(".stat-value").textContent();
}

describe("the schedule sent ahead and the quality groups", () => {
  it("announce, then record on a phone; the board's ward moves from not held to held but missing some", async () => {
    const w = await createMeetingWard("Chất lượng e2e");
    const today = todayIso();
    const period = today.slice(0, 7);
    const branch = w.branches[0];

    const board = await chromium.newPage(DESKTOP);
    await signIn(board, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await board.goto(`${baseUrl()}/meetings?unit=${w.ward.id}&period=${period}`);
    expect(await statValue(board, "Sinh hoạt nhưng thiếu tiêu chí")).toBe("0");
    expect(await statValue(board, "Không sinh hoạt")).toBe("2");

    // The secretary on a 390 × 844 phone announces today's meeting on the month's page.
    const phone = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true });
    await signIn(phone, baseUrl(), w.secretary.username, TEST_PASSWORD);
    await phone.goto(`${baseUrl()}/meetings/branch/${branch.id}/${period}`);
    const announce = phone.locator("#lich-hop form");
    await announce.getByLabel("Ngày họp").fill(today);
    await announce.getByLabel("Giờ bắt đầu").fill("19:30");
    await announce.getByLabel("Địa điểm").fill("Nhà văn hóa tổ 1");
    await announce.getByLabel("Nội dung sinh hoạt").fill("Quán triệt nghị quyết tháng; phân công đảng viên giúp hộ nghèo.");
    await announce.getByRole("button", { name: "Thông báo lịch họp" }).click();
    try {
      await phone.getByText(/Đã thông báo lịch họp ngày/).waitFor(); // the form answers in place
    } finally {
      await shot(phone, "phone-390-schedule.png");
    }
    expect(await testDb().meetingSchedule.count({ where: { branchId: branch.id, period } })).toBe(1);

    // Then records it: 19:30–20:30 is under the 90 minutes the directive asks.
    await phone.goto(`${baseUrl()}/meetings/branch/${branch.id}/${period}/record`);
    await phone.getByLabel("Bắt đầu", { exact: true }).fill("19:30");
    await phone.getByLabel("Kết thúc", { exact: true }).fill("20:30");
    await phone.getByLabel("Chi ủy họp chuẩn bị trước").selectOption("yes");
    await phone.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await phone.waitForURL(`**/meetings/branch/${branch.id}/${period}?saved=REGULAR`);
    await phone.getByText("Đã lưu cuộc họp.").waitFor();
    await phone.getByText("Chỉ họp 60 phút").first().waitFor();
    await shot(phone, "phone-390-checklist.png");

    // The board reloads: one branch held but missing some, the duration the most failed criterion.
    await board.reload();
    expect(await statValue(board, "Sinh hoạt nhưng thiếu tiêu chí")).toBe("1");
    expect(await statValue(board, "Không sinh hoạt")).toBe("1");
    const row = board.locator("table tbody tr", { hasText: branch.name }).first();
    expect(await row.textContent()).toContain("Chưa đạt");
    expect(await board.locator("table", { hasText: "Chi bộ chưa đạt" }).textContent()).toContain("Đủ thời lượng");
    await shot(board, "board-1280-ward.png");

    // Quality mode of the heat map, and the drill-down to the meeting's checklist.
    await board.getByRole("link", { name: "Chất lượng", exact: true }).click();
    await board.waitForURL(/mode=quality/);
    await board.locator(".heat-cell", { hasText: "!" }).first().waitFor();
    await shot(board, "board-1280-quality-heatmap.png");
    await row.getByRole("link", { name: /Chưa đạt/ }).click();
    await board.waitForURL(`**/meetings/branch/${branch.id}/${period}`);
    await board.getByText("Chỉ họp 60 phút").first().waitFor();

    const phoneBoard = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true });
    await signIn(phoneBoard, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await phoneBoard.goto(`${baseUrl()}/meetings?unit=${w.ward.id}&period=${period}&mode=quality`);
    await shot(phoneBoard, "board-390-quality.png");
    await phoneBoard.goto(`${baseUrl()}/meetings?period=${period}`);
    await shot(phoneBoard, "board-390-district.png");
    await board.goto(`${baseUrl()}/meetings?period=${period}&mode=quality`);
    await shot(board, "board-1280-district-quality.png");

    await board.context().close();
    await phone.context().close();
    await phoneBoard.context().close();
  }, 300_000);
});
