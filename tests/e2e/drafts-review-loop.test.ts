import type { Page } from "playwright-core";
import { chromiumForFile, DESKTOP, PHONE } from "../support/browser";
import { baseUrl } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { allowMoreSignIns, createDraftsSetup, openPeriod } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";

const chromium = chromiumForFile();
afterAll(closeTestDb);

async function pageAs(username: string, viewport = DESKTOP): Promise<Page> {
  await allowMoreSignIns();
  return chromium.pageAs(username, TEST_PASSWORD, viewport);
}

const PASSAGE = "Tiếp tục thực hiện tốt công tác vệ sinh môi trường trên địa bàn.";
const REWRITE = "Tổng vệ sinh ngõ 8 phố Bồ Đề vào sáng Chủ nhật ngày 10/1; đồng chí Trần Thị Lan phụ trách, huy động 50 hộ.";

function draftText(branchName: string): string {
  return [
    branchName.toUpperCase(),
    "NGHỊ QUYẾT",
    "CHI BỘ QUYẾT NGHỊ",
    "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG TRƯỚC",
    "- Vận động 42 hộ ở ngõ 8 phố Bồ Đề phân loại rác tại nguồn; thăm hỏi 6 hộ gia đình chính sách với tổng trị giá 4 triệu đồng.",
    "- Tỷ lệ đảng viên dự sinh hoạt đạt 95%; thu đảng phí đạt 100%.",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI",
    `- ${PASSAGE}`,
    "- Hoàn thành thu quỹ Vì người nghèo 12 triệu đồng trước ngày 20/1; đồng chí Lê Minh Đức phụ trách.",
    "III. TỔ CHỨC THỰC HIỆN",
    "- Chi ủy chi bộ có trách nhiệm cụ thể hóa, tổ chức triển khai thực hiện Nghị quyết.",
  ].join("\n");
}

/** Selects `text` inside the reader, as a mouse would. */
async function selectPassage(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const reader = document.querySelector(".reader")!;
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(wanted);
      if (index === -1) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error("passage not found");
  }, text);
}

// Three roles and a dozen page loads: a minute is too little on a busy 2-core machine.
jest.setTimeout(120_000);
describe("the review loop with three roles in Chromium", () => {
  it("secretary submits → board comments on a passage and requests changes → ward acknowledges and replies → secretary revises → board sees the diff and approves", async () => {
    const s = await createDraftsSetup("Vòng xem xét");
    const period = openPeriod();
    const branch = s.branches[0];

    // 1. The branch secretary writes and submits the draft.
    const secretary = await pageAs(s.secretary.username, PHONE);
    await secretary.goto(`${baseUrl()}/drafts/write?period=${period}`);
    const editor = secretary.getByLabel(/^Nội dung dự thảo/);
    expect(await editor.inputValue()).toContain("CHI BỘ QUYẾT NGHỊ");
    await editor.fill(draftText(branch.name));
    await secretary.getByText(/\d+ chữ/).first().waitFor();
    await Promise.all([secretary.waitForURL(/\/drafts\/\d+\?/), secretary.getByRole("button", { name: "Nộp dự thảo" }).click()]);
    const draftId = Number(new URL(secretary.url()).pathname.split("/").pop());
    await secretary.getByText("Chờ xem xét").first().waitFor();

    // 2. The board finds it in the queue, comments on a passage, requests changes.
    const board = await pageAs(s.reviewer.username);
    await board.goto(`${baseUrl()}/drafts?period=${period}&q=${encodeURIComponent(branch.code)}`);
    await Promise.all([board.waitForURL(`**/drafts/${draftId}`), board.getByRole("link", { name: branch.name }).click()]);
    await selectPassage(board, PASSAGE);
    await board.getByLabel("Nội dung góp ý").fill("Chung chung: ghi rõ ngõ nào, ngày nào, ai phụ trách.");
    await board.getByRole("button", { name: "Lưu góp ý (gửi cùng quyết định)" }).click();
    await board.getByText("Đã lưu góp ý").waitFor();
    await board.locator(".reader .c-private", { hasText: "vệ sinh môi trường" }).waitFor();
    await board.getByLabel("Yêu cầu chỉnh sửa").check();
    await board.getByLabel("Nhận xét chung").fill("Phần nhiệm vụ còn chung chung, đề nghị chi bộ cụ thể hóa.");
    await board.getByLabel("Không sát thực tế").check();
    await board.getByRole("button", { name: "Gửi quyết định" }).click();
    await board.getByText("Đã gửi yêu cầu chỉnh sửa").waitFor();

    // 3. The ward committee sees it in its inbox (and the bell), acknowledges and replies.
    const ward = await pageAs(s.wardUser.username);
    expect(Number(await ward.getByTestId("bell-count").textContent())).toBeGreaterThanOrEqual(1);
    await ward.goto(`${baseUrl()}/feedback`);
    const card = ward.locator(".feedback-item", { hasText: branch.name });
    await card.getByText("Chung chung: ghi rõ ngõ nào").waitFor();
    await card.getByLabel("Trả lời (không bắt buộc)").fill("Đảng ủy phường đã làm việc với chi bộ, chi bộ sửa trong 2 ngày.");
    await card.getByRole("button", { name: "Xác nhận đã nhận" }).click();
    await ward.getByText("Đã xác nhận và gửi trả lời.").waitFor();

    // 4. The secretary sees the comment on its passage and revises.
    await secretary.goto(`${baseUrl()}/drafts/${draftId}`);
    await secretary.getByText("Yêu cầu chỉnh sửa").first().waitFor();
    await secretary.locator(".reader .c-open", { hasText: "vệ sinh môi trường" }).waitFor();
    await secretary.getByText("Chung chung: ghi rõ ngõ nào").first().waitFor();
    await Promise.all([secretary.waitForURL(/\/drafts\/write/), secretary.getByRole("link", { name: "Sửa dự thảo" }).click()]);
    await secretary.locator(".editor-comments").getByText("Chung chung: ghi rõ ngõ nào").waitFor();
    const revised = (await editor.inputValue()).replace(PASSAGE, REWRITE);
    await editor.fill(revised);
    await Promise.all([secretary.waitForURL(new RegExp(`/drafts/${draftId}\\?`)), secretary.getByRole("button", { name: "Nộp phiên bản 2" }).click()]);
    await secretary.getByText("Đã sửa, chờ xem lại").first().waitFor();

    // 5. The board sees what changed since its review and approves.
    await board.goto(`${baseUrl()}/drafts/${draftId}`);
    await board.getByText("sau lần xem xét của bạn (phiên bản 1)").waitFor();
    expect((await board.locator(".diff ins").allTextContents()).join(" ")).toContain("Chủ nhật ngày 10/1");
    expect((await board.locator(".diff del").allTextContents()).join(" ")).toContain("môi trường");
    await board.locator("#phan-hoi").getByText("chi bộ sửa trong 2 ngày").waitFor();
    await board.getByLabel("Duyệt", { exact: true }).check();
    await board.getByLabel("Nhận xét chung").fill("Đã cụ thể hóa. Duyệt.");
    await board.getByLabel("Không sát thực tế").uncheck();
    await board.getByRole("button", { name: "Gửi quyết định" }).click();
    await board.getByText("Đã duyệt dự thảo.").waitFor();
    await board.reload();
    await board.locator(".page-header").getByText("Đã duyệt").waitFor();

    // Another branch submits a near copy: the analyzer lists it and the board compares side by side.
    const copy = await submitDraftVersion(s.secretary2Actor, { period, body: revised.replace(branch.name.toUpperCase(), s.branches[1].name.toUpperCase()) });
    await board.goto(`${baseUrl()}/drafts/${copy.id}`);
    await board.getByRole("link", { name: "Đối chiếu bản giống nhất" }).click();
    await board.waitForURL(new RegExp(`with=${draftId}`));
    expect(await board.locator(".compare-side").nth(0).locator("mark.shared").count()).toBeGreaterThan(0);
    expect(await board.locator(".compare-side").nth(1).locator("mark.shared").count()).toBeGreaterThan(0);
    await board.locator(".compare-side").nth(1).getByRole("link", { name: branch.name }).waitFor();

    const draft = await testDb().draft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft).toMatchObject({ status: "APPROVED", currentVersionNo: 2, flags: [] });
    expect(await testDb().feedback.count({ where: { draftId, acknowledgedAt: { not: null } } })).toBe(1);
    for (const page of [secretary, board, ward]) await page.context().close();
  });
});
