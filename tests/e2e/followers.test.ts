import type { Page } from "playwright-core";
import path from "node:path";
import fs from "node:fs";
import { chromiumForFile, DESKTOP, PHONE, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { attendance, createMeetingWard } from "../support/meetings-factories";
import { createDraftsSetup, groundedDraft, openPeriod } from "../support/drafts-factories";
import { todayIso } from "@/lib/format/date";
import { addMonths } from "@/lib/periods/period";
import { announceMeeting } from "@/lib/meetings/announce-meeting";
import { recordMeeting } from "@/lib/meetings/record-meeting";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";

const chromium = chromiumForFile();
afterAll(closeTestDb);

// Screenshots for people to look at (SHOTS_DIR=/work/shots/follow); none when unset.
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

describe("the follower", () => {
  it("the board assigns a ward; the follower sees the announced schedule and the meeting's checklist in “Chi bộ tôi phụ trách”", async () => {
    const w = await createMeetingWard("Người theo dõi");
    const follower = await createUser("BOARD_REVIEWER", w.district.id);
    await testDb().user.update({ where: { id: follower.id }, data: { displayName: "Chuyên viên Theo Dõi Thử" } });
    const today = todayIso();
    const period = today.slice(0, 7);
    const next = addMonths(period, 1);

    // The board assigns the ward on the assignment page.
    const board = await chromium.newPage(DESKTOP);
    await signIn(board, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await board.goto(`${baseUrl()}/follow/assignments?orgUnitId=${w.ward.id}`);
    await board.getByLabel(`Người theo dõi ${w.ward.name}`).selectOption(String(follower.id));
    await board.locator("form", { has: board.getByLabel(`Người theo dõi ${w.ward.name}`) }).getByRole("button", { name: "Lưu" }).click();
    await board.getByText("Đã giao theo dõi.").waitFor();
    expect(await testDb().followAssignment.findUnique({ where: { orgUnitId: w.ward.id } })).toMatchObject({ userId: follower.id });
    await board.reload();
    await shot(board, "assignments-ward-1280");
    await board.goto(`${baseUrl()}/follow/assignments`);
    await shot(board, "assignments-district-1280");
    await board.context().close();

    // The secretary announces next month's meeting and records this month's.
    await announceMeeting(w.secretaryActor, { branchId: w.branches[0].id, period: next, kind: "REGULAR", plannedOn: `${next}-03`, startTime: "19:30", place: "Nhà văn hóa tổ dân phố số 1", agenda: "Kiểm điểm nghị quyết tháng trước, bàn nhiệm vụ tháng tới." });
    await recordMeeting(w.secretaryActor, {
      branchId: w.branches[0].id, period, kind: "REGULAR", heldOn: today, usedHandbook: true, attendance: attendance(w.members[0]),
      startTime: "19:30", endTime: "20:40", place: "Nhà văn hóa tổ dân phố số 1", committeePrepared: true,
    });
    expect(await testDb().notification.count({ where: { userId: follower.id, kind: "meeting.schedule", orgUnitId: w.branches[0].id } })).toBe(1);

    // The follower, on a desktop: the menu leads to the branches they follow.
    const page = await chromium.newPage(DESKTOP);
    await signIn(page, baseUrl(), follower.username, TEST_PASSWORD);
    await page.getByRole("link", { name: "Chi bộ tôi phụ trách" }).first().click();
    await page.waitForURL("**/follow");
    const card = page.locator(".follow-branch", { hasText: w.branches[0].name });
    expect(await page.locator(".follow-branch").count()).toBe(2);
    const [y, m, d] = [next.slice(0, 4), next.slice(5, 7), "03"];
    expect(await card.locator(".follow-schedule").textContent()).toContain(`lúc 19:30 ngày ${d}/${m}/${y} tại Nhà văn hóa tổ dân phố số 1`);
    // The meeting's checklist: 70 minutes is short of the 90 the 2025 directive asks.
    await card.locator("summary").first().click();
    const checklist = card.getByRole("region", { name: "Tiêu chí chất lượng" });
    await checklist.waitFor();
    expect(await checklist.locator("li", { hasText: "Đủ thời lượng" }).textContent()).toContain("Chưa đạt");
    expect(await checklist.locator("li", { hasText: "Chi ủy họp chuẩn bị trước" }).textContent()).toContain("Đạt");
    await shot(page, "follow-1280");
    await page.context().close();

    const phone = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true });
    await signIn(phone, baseUrl(), follower.username, TEST_PASSWORD);
    await phone.goto(`${baseUrl()}/follow`);
    await phone.locator(".follow-branch", { hasText: w.branches[0].name }).locator("summary").first().click();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(phone, "follow-390");
    await phone.goto(`${baseUrl()}/drafts?assigned=me`);
    expect(await phone.getByLabel("Phụ trách").inputValue()).toBe("me");
    await phone.context().close();
  }, 180_000);

  it("two reviewers open the same draft and each sees that the other is reviewing it", async () => {
    const own = await createDraftsSetup("Cùng xem");
    const colleague = await createUser("BOARD_REVIEWER", own.district.id);
    await testDb().user.update({ where: { id: colleague.id }, data: { displayName: "Chuyên viên Thứ Hai" } });
    await testDb().user.update({ where: { id: own.reviewer.id }, data: { displayName: "Chuyên viên Thứ Nhất" } });
    const { id } = await submitDraftVersion(own.secretaryActor, { period: openPeriod(), body: groundedDraft(own.branches[0].name) });

    const first = await chromium.newPage(DESKTOP);
    await signIn(first, baseUrl(), own.reviewer.username, TEST_PASSWORD);
    await first.goto(`${baseUrl()}/drafts/${id}`);
    expect(await first.locator(".review-claim").count()).toBe(0);

    const second = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true });
    await signIn(second, baseUrl(), colleague.username, TEST_PASSWORD);
    await second.goto(`${baseUrl()}/drafts/${id}`);
    expect(await second.locator(".review-claim").textContent()).toContain("Đang xem xét cùng lúc: Chuyên viên Thứ Nhất");
    await shot(second, "draft-claim-390");

    await first.reload();
    expect(await first.locator(".review-claim").textContent()).toContain("Đang xem xét cùng lúc: Chuyên viên Thứ Hai");
    await shot(first, "draft-claim-1280");
    await first.context().close();
    await second.context().close();
  }, 120_000);
});
