import type { Page } from "playwright-core";
import { chromiumForFile, DESKTOP, PHONE, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { createMeetingWard } from "../support/meetings-factories";
import { todayIso } from "@/lib/format/date";

const chromium = chromiumForFile();
afterAll(closeTestDb);

// Inert: the test server runs without TRUST_PROXY, so X-Real-IP is ignored; successful sign-ins
// never count against an address anyway (docs/security.md, "Sign-in").
const CLIENT = { "x-real-ip": `e2e-meetings-record-${process.pid}` };

async function heldStat(page: Page): Promise<string | null> {
  return page.locator(".stat", { hasText: "Đã sinh hoạt" }).first().locator(".stat-value").textContent();
}

describe("a secretary records a meeting on a phone, the board sees the ward's compliance change", () => {
  it("records the roll call with an excused and an unexcused absence", async () => {
    const w = await createMeetingWard("Điện thoại");
    const period = todayIso().slice(0, 7);
    const [members] = w.members;
    const active = members.filter((member) => member.status === "ACTIVE");
    const exempt = members.find((member) => member.status === "EXEMPT")!;

    // The board looks at the ward first: nothing recorded yet.
    const board = await chromium.newPage(DESKTOP, { extraHTTPHeaders: CLIENT });
    await signIn(board, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await board.goto(`${baseUrl()}/meetings?unit=${w.ward.id}&period=${period}`);
    // The page's frame comes first and its figures stream in: the heading is read as shown (a
    // streamed part waits hidden in the page until React reveals it).
    expect(await board.getByRole("heading", { level: 1 }).textContent()).toBe(`Sinh hoạt chi bộ — ${w.ward.name}`);
    expect(await heldStat(board)).toBe("0");

    // The secretary, on a 390 × 844 phone.
    const phone = await chromium.newPage(PHONE, { isMobile: true, hasTouch: true, extraHTTPHeaders: CLIENT });
    await signIn(phone, baseUrl(), w.secretary.username, TEST_PASSWORD);
    await phone.getByRole("link", { name: "Ghi cuộc họp" }).first().click();
    await phone.waitForURL(`**/meetings/branch/${w.branches[0].id}/${period}/record`);
    expect(await phone.getByRole("heading", { name: /Điểm danh \(4 người phải dự\)/ }).isVisible()).toBe(true);
    // The member excused from meetings is listed apart, not in the roll call.
    expect(await phone.getByRole("radiogroup", { name: `Điểm danh ${exempt.fullName}` }).count()).toBe(0);
    expect(await phone.getByText(/Miễn sinh hoạt, không điểm danh \(1\)/).isVisible()).toBe(true);

    await phone.getByRole("radiogroup", { name: `Điểm danh ${active[1].fullName}` }).getByRole("radio", { name: "Vắng có lý do" }).check();
    await phone.getByRole("radiogroup", { name: `Điểm danh ${active[2].fullName}` }).getByRole("radio", { name: "Vắng không lý do" }).check();
    expect(await phone.locator(".sticky-counts strong").textContent()).toBe("Có mặt 2/4");
    await phone.getByLabel("Cuộc họp có dùng Sổ tay đảng viên điện tử").check();
    // An excused absence without a reason is refused, and nothing is written.
    await phone.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await phone.getByText("Vắng có lý do: nhập lý do cho từng người được đánh dấu.").waitFor();
    expect(await testDb().meeting.count({ where: { branchId: w.branches[0].id } })).toBe(0);
    await phone.getByLabel(`Lý do vắng của ${active[1].fullName}`).fill("Đi công tác");
    await phone.getByRole("button", { name: "Lưu cuộc họp" }).click();
    await phone.waitForURL(`**/meetings/branch/${w.branches[0].id}/${period}?saved=REGULAR`);
    await phone.getByText("Đã lưu cuộc họp.").waitFor();
    expect(await phone.locator(".stat", { hasText: "Có mặt" }).first().locator(".stat-value").textContent()).toBe("2/4");

    const stored = await testDb().meeting.findFirstOrThrow({ where: { branchId: w.branches[0].id, period }, include: { attendance: true } });
    expect(stored).toMatchObject({ kind: "REGULAR", usedHandbook: true, expectedCount: 4, presentCount: 2, excusedCount: 1, unexcusedCount: 1 });
    expect(stored.attendance.find((row) => row.memberId === active[1].id)?.reason).toBe("Đi công tác");

    // The board reloads: the ward now has one branch that met, at 50% attendance.
    await board.reload();
    expect(await heldStat(board)).toBe("1");
    const row = board.locator("table tbody tr", { hasText: w.branches[0].name }).first();
    expect(await row.textContent()).toContain("Đã sinh hoạt");
    expect(await row.textContent()).toContain("50,0%");
    await board.context().close();
    await phone.context().close();
  });
});
