// Commenting on a passage with the real input devices: mouse drag, double and
// triple click, Shift+arrows, and a phone's touch selection. Every case
// asserts that the comment box quotes exactly what the browser selected and
// that the stored anchor is that text.
import type { Page } from "playwright-core";
import { chromiumForFile, shot } from "../support/browser";
import { baseUrl } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { allowMoreSignIns, createDraftsSetup, openPeriod } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { addDraftComment } from "@/lib/drafts/add-draft-comment";

const chromium = chromiumForFile();
afterAll(closeTestDb);


const LINE_A = "- Làm tốt công tác tuyên truyền phòng chống cháy nổ tại 20 hộ kinh doanh phố Ngọc Lâm.";
const LINE_B = "- Vận động 48 hộ ở ngõ 12 tham gia tổng vệ sinh, thu gom 6 m3 rác thải vào sáng Chủ nhật.";
const LINE_C = "- Tiếp tục thực hiện tốt công tác vệ sinh môi trường trên địa bàn dân cư.";

function body(branchName: string) {
  return [
    branchName.toUpperCase(),
    "NGHỊ QUYẾT",
    "CHI BỘ QUYẾT NGHỊ",
    "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG TRƯỚC",
    LINE_B,
    "",
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI",
    LINE_A,
    LINE_C,
    "- Hoàn thành thu quỹ Vì người nghèo 12 triệu đồng trước ngày 20; đồng chí Lê Minh Đức phụ trách.",
  ].join("\n");
}

/** Viewport point of character `index` of the first text run containing `text` (left edge, or right edge with side "end"). */
async function pointAt(page: Page, text: string, offsetInText: number, side: "start" | "end") {
  const point = await page.evaluate(
    ({ text, offsetInText, side }) => {
      const reader = document.querySelector(".reader")!;
      const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
      // The wanted text may span several runs (highlights): join them and map back.
      const nodes: Text[] = [];
      let joined = "";
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node as Text);
        joined += node.textContent;
      }
      const at = joined.indexOf(text);
      if (at === -1) throw new Error(`not found: ${text}`);
      let index = at + offsetInText + (side === "end" ? -1 : 0);
      for (const node of nodes) {
        const length = node.textContent!.length;
        if (index < length) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          // Keep it inside the viewport (the phone's screen), clear of the sticky comment box.
          const before = range.getBoundingClientRect();
          if (before.top < 80 || before.bottom > window.innerHeight - 220) node.parentElement!.scrollIntoView({ block: "center" });
          const rect = range.getClientRects()[0];
          return { x: side === "start" ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
        }
        index -= length;
      }
      throw new Error("offset beyond text");
    },
    { text, offsetInText, side },
  );
  return point;
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const selectionText = (page: Page) => page.evaluate(() => window.getSelection()!.toString());
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Waits for the comment box, checks its quote against the browser's selection, sends a comment, returns the stored anchor. */
async function commentOnSelection(page: Page, draftId: number, note: string) {
  const selected = await selectionText(page);
  const quote = page.locator(".composer-quote q");
  await quote.waitFor({ timeout: 5_000 });
  // The box follows the selection once it settles (350 ms after the last key): wait for that, then compare.
  await page
    .waitForFunction((want) => document.querySelector(".composer-quote q")?.textContent?.replace(/\s+/g, " ").trim() === want, squash(selected), { timeout: 5_000 })
    .catch(() => undefined);
  expect(squash((await quote.textContent())!)).toBe(squash(selected));
  await page.getByLabel("Nội dung góp ý").fill(note);
  await page.locator(".composer").getByRole("button", { name: /Gửi góp ý|Lưu góp ý/ }).click();
  await page.getByText(/Đã (gửi|lưu) góp ý/).first().waitFor();
  for (let i = 0; i < 20 && !(await testDb().draftComment.count({ where: { draftId, body: note } })); i++) await page.waitForTimeout(500);
  const stored = await testDb().draftComment.findFirstOrThrow({ where: { draftId, body: note } });
  return { selected, stored };
}

jest.setTimeout(180_000);

describe("selecting a passage to comment on it, in Chromium with real input events", () => {
  let draftId: number;
  let setup: Awaited<ReturnType<typeof createDraftsSetup>>;

  beforeAll(async () => {
    setup = await createDraftsSetup("Chọn đoạn");
    const draft = await submitDraftVersion(setup.secretaryActor, { period: openPeriod(), body: body(setup.branches[0].name) });
    draftId = draft.id;
    // An existing comment in the middle of LINE_A: the text is split by a highlight (a link).
    await addDraftComment(setup.wardActor, draftId, { body: "Ghi rõ ai phụ trách.", quote: "công tác tuyên truyền" });
  });

  async function pageAs(username: string, options: { width: number; height: number; touch?: boolean }) {
    await allowMoreSignIns();
    const page = await chromium.pageAs(username, TEST_PASSWORD, { width: options.width, height: options.height }, { hasTouch: options.touch, isMobile: options.touch });
    await page.goto(`${baseUrl()}/drafts/${draftId}`);
    await page.locator(".reader .c-open").first().waitFor();
    // Select only once the page listens (hydrated): a selection made before is not what a person meets.
    await page.locator('.reader[data-ready="true"]').waitFor({ timeout: 30_000 });
    return page;
  }

  it("a mouse drag across a highlighted comment and a line break quotes exactly the selection", async () => {
    const page = await pageAs(setup.wardUser.username, { width: 1280, height: 900 });
    // Within one line, starting inside "- Làm" and ending inside the highlight.
    const wanted = "tốt công tác tuyên truyền phòng chống";
    await drag(page, await pointAt(page, wanted, 0, "start"), await pointAt(page, wanted, wanted.length, "end"));
    await shot(page, "draft-selection-1280");
    const one = await commentOnSelection(page, draftId, "Góp ý kéo chuột trong một dòng");
    expect(one.selected).toBe(wanted);
    expect(one.stored.anchorQuote).toBe(wanted);

    // Across the end of LINE_A into LINE_C.
    await page.locator(".reader .c-open").nth(1).waitFor();
    const from = "phố Ngọc Lâm.";
    const to = "- Tiếp tục thực hiện";
    await drag(page, await pointAt(page, from, 0, "start"), await pointAt(page, to, to.length, "end"));
    const two = await commentOnSelection(page, draftId, "Góp ý kéo qua hai dòng");
    expect(two.stored.anchorQuote).toBe(`${from}\n${to}`);
    expect(squash(two.selected)).toBe(squash(two.stored.anchorQuote!));
    await page.context().close();
  });

  it("double click takes a word, triple click a whole line", async () => {
    const page = await pageAs(setup.reviewer.username, { width: 1280, height: 900 });
    // Inside "động" (offset 3 is the space after "Vận").
    const word = await pointAt(page, "Vận động 48 hộ", 5, "start");
    await page.mouse.dblclick(word.x, word.y);
    const double = await commentOnSelection(page, draftId, "Góp ý nháy đúp");
    expect(double.stored.anchorQuote).toBe("động");

    const line = await pointAt(page, "thu gom 6 m3", 2, "start");
    await page.mouse.click(line.x, line.y, { clickCount: 3 });
    const triple = await commentOnSelection(page, draftId, "Góp ý nháy ba lần");
    expect(triple.stored.anchorQuote).toBe(LINE_B);
    await page.context().close();
  });

  it("Shift+arrows extend a selection from the keyboard", async () => {
    const page = await pageAs(setup.wardUser.username, { width: 1280, height: 900 });
    // Static text has no caret to start from, so a word is taken first (double click), then
    // Shift+arrows extend it, as a person refines a selection.
    const start = await pointAt(page, "vệ sinh môi trường", 1, "start");
    await page.mouse.dblclick(start.x, start.y);
    await page.keyboard.down("Shift");
    for (let i = "vệ".length; i < "vệ sinh môi trường".length; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.up("Shift");
    const keyed = await commentOnSelection(page, draftId, "Góp ý bằng bàn phím");
    expect(keyed.stored.anchorQuote).toBe("vệ sinh môi trường");
    await page.context().close();
  });

  it("on a phone, a long press and the handles' adjustments open the box on the final selection", async () => {
    const page = await pageAs(setup.wardUser.username, { width: 390, height: 844, touch: true });
    const cdp = await page.context().newCDPSession(page);
    const word = await pointAt(page, "Vì người nghèo", 0, "start");
    await cdp.send("Input.synthesizeTapGesture", { x: Math.round(word.x + 2), y: Math.round(word.y), duration: 900, tapCount: 1, gestureSourceType: "touch" });
    await page.waitForFunction(() => !window.getSelection()!.isCollapsed, undefined, { timeout: 3_000 }).catch(() => undefined);
    // Dragging a handle changes the selection with no mouse or pointer events: extend it to three words.
    await page.evaluate(() => {
      const selection = window.getSelection()!;
      let node: Node | null = null;
      const walker = document.createTreeWalker(document.querySelector(".reader")!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent!.includes("Vì người nghèo")) node = n;
      const at = node!.textContent!.indexOf("Vì người nghèo");
      selection.setBaseAndExtent(node!, at, node!, at + 3);
      selection.extend(node!, at + "Vì người".length);
      selection.extend(node!, at + "Vì người nghèo".length);
    });
    await shot(page, "draft-selection-390");
    const touched = await commentOnSelection(page, draftId, "Góp ý trên điện thoại");
    expect(touched.stored.anchorQuote).toBe("Vì người nghèo");
    await page.context().close();
  });
});
