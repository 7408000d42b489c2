// The follow-up journeys a person clicks: the board decides (the form gives
// way to the decision), reminds a ward; the ward filters its inbox, reminds a
// branch, acknowledges one request (the card reads acknowledged at once) and
// many approvals in one go; another ward sees none of it.
import type { Page } from "playwright-core";
import { chromiumForFile, DESKTOP, shot } from "../support/browser";
import { baseUrl } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { allowMoreSignIns, createDraftsSetup, openPeriod, templateDraft } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";
import { addMonths } from "@/lib/periods/period";

const chromium = chromiumForFile();
afterAll(closeTestDb);


async function pageAs(username: string, viewport = DESKTOP): Promise<Page> {
  await allowMoreSignIns();
  return chromium.pageAs(username, TEST_PASSWORD, viewport);
}

jest.setTimeout(300_000);

describe("following up feedback in Chromium", () => {
  it("decide → remind the ward → the ward filters, reminds the branch, acknowledges one and many; another ward sees nothing", async () => {
    const s = await createDraftsSetup("Theo dõi");
    const other = await createDraftsSetup("Theo dõi khác");
    const period = openPeriod();
    // Branch 1 waits for a decision; branch 2 has three approvals waiting for acknowledgement.
    const pending = await submitDraftVersion(s.secretaryActor, { period, body: templateDraft(s.branches[0].name) });
    for (const p of [period, addMonths(period, -1), addMonths(period, -2)]) {
      const approved = await submitDraftVersion(s.secretary2Actor, { period: p, body: `${templateDraft(s.branches[1].name)}\n- Kỳ ${p}.` });
      await submitDraftReview(s.reviewerActor, approved.id, { decision: "APPROVED", summary: `Duyệt kỳ ${p}.`, flags: [], expectedVersionNo: 1 });
    }

    // The ward's inbox as it opens (three approvals waiting), on a desk and on a phone.
    const first = await pageAs(s.wardUser.username);
    await first.goto(`${baseUrl()}/feedback`);
    await shot(first, "feedback-ward-open-1280", { fullPage: true });
    await first.setViewportSize({ width: 390, height: 844 });
    await shot(first, "feedback-ward-open-390", { fullPage: true });
    await first.context().close();

    // The board decides: the form gives way to the decision, nothing invites a second one.
    const board = await pageAs(s.reviewer.username);
    await board.goto(`${baseUrl()}/drafts/${pending.id}`);
    await board.getByLabel("Yêu cầu chỉnh sửa").check();
    await board.getByLabel("Nhận xét chung").fill("Phần nhiệm vụ còn chung chung.");
    await board.getByLabel("Hình thức, chung chung").check();
    await board.getByRole("button", { name: "Gửi quyết định" }).click();
    await board.locator(".decided").getByText("Đã gửi yêu cầu chỉnh sửa").waitFor();
    expect(await board.getByRole("button", { name: "Gửi quyết định" }).count()).toBe(0);
    expect(await board.getByLabel("Duyệt", { exact: true }).count()).toBe(0);
    await board.locator(".decided").getByText("hạn chi bộ nộp lại").waitFor();

    // The board reminds the ward from its feedback page.
    await board.goto(`${baseUrl()}/feedback`);
    await shot(board, "feedback-board-1280", { fullPage: true });
    await board.getByRole("button", { name: `Nhắc ${s.ward.name}` }).click();
    await board.getByText(/Đã nhắc \(1 tài khoản phường nhận thông báo\)/).waitFor();
    await board.locator(".waiting-wards li", { hasText: s.ward.name }).getByText(/đã nhắc phường lúc/).waitFor();

    // The ward sees the reminder, filters its inbox, reminds the branch.
    const ward = await pageAs(s.wardUser.username);
    await ward.goto(`${baseUrl()}/feedback`);
    await ward.getByText(/nhắc lúc .*: 1 yêu cầu chỉnh sửa chưa xác nhận/).waitFor();
    expect(await ward.locator(".feedback-item").count()).toBe(4);
    await ward.getByLabel("Quyết định", { exact: true }).selectOption("CHANGES_REQUESTED");
    await Promise.all([ward.waitForURL(/decision=CHANGES_REQUESTED/), ward.getByRole("button", { name: "Lọc" }).click()]);
    expect(await ward.locator(".feedback-item").count()).toBe(1);
    const card = ward.locator(".feedback-item", { hasText: s.branches[0].name });
    await card.getByText("Chờ nộp lại").waitFor();
    await card.getByRole("button", { name: "Nhắc chi bộ nộp lại" }).click();
    await card.getByText("Đã nhắc bí thư chi bộ.").waitFor();
    expect(await testDb().notification.count({ where: { userId: s.secretary.id, kind: "reminder.draft" } })).toBe(1);

    // Acknowledging the request: the card reads acknowledged at once, no "0 ngày", the reply folded away.
    await card.getByText("Chờ xác nhận từ hôm nay").waitFor();
    await card.getByRole("button", { name: "Xác nhận đã nhận" }).click();
    await card.getByText("Đã xác nhận vừa xong").waitFor();
    expect(await card.getByText(/Chờ xác nhận/).count()).toBe(0);
    expect(await card.getByLabel("Trả lời").isVisible()).toBe(false);
    await card.getByText("Thêm trả lời").waitFor();
    expect(await card.textContent()).not.toContain("0 ngày");

    // Many approvals in one go.
    await ward.goto(`${baseUrl()}/feedback?decision=APPROVED`);
    expect(await ward.locator(".feedback-item").count()).toBe(3);
    await ward.getByRole("button", { name: "Chọn tất cả quyết định duyệt" }).click();
    await ward.getByRole("button", { name: "Xác nhận các quyết định đã chọn" }).click();
    await ward.getByText("Đã xác nhận 3 quyết định duyệt.").waitFor();
    await ward.getByText("Không có phản hồi nào.").waitFor();
    expect(await testDb().feedback.count({ where: { branchId: s.branches[1].id, acknowledgedAt: null } })).toBe(0);
    await ward.goto(`${baseUrl()}/feedback?status=all`);
    await shot(ward, "feedback-ward-1280", { fullPage: true });
    await ward.setViewportSize({ width: 390, height: 844 });
    await shot(ward, "feedback-ward-390", { fullPage: true });

    // Another ward's committee: nothing of ward 1, and its filter is not found.
    const outsider = await pageAs(other.wardUser.username);
    await outsider.goto(`${baseUrl()}/feedback?status=all`);
    expect(await outsider.getByText(s.branches[0].name).count()).toBe(0);
    const response = await outsider.goto(`${baseUrl()}/feedback?orgUnitId=${s.ward.id}`);
    expect(response?.status()).toBe(404);
    for (const page of [board, ward, outsider]) await page.context().close();
  });
});
