import { chromiumForFile, PHONE, signIn } from "../support/browser";
import { baseUrl, DEMO_PASSWORD } from "../support/http";
import { createTestWard, TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { SIGN_IN_FAILED_MESSAGE } from "@/lib/auth/sign-in-messages";

const chromium = chromiumForFile();
afterAll(closeTestDb);

describe("signing in as each role shows that account's scope", () => {
  it.each([
    ["admin", "Quản trị hệ thống", "Thành phố Hà Nội"],
    ["bantochuc", "Ban Tổ chức Quận ủy", "Quận Long Biên"],
    ["lanhdao", "Lãnh đạo", "Quận Long Biên"],
    ["lanhdao-thanhpho", "Lãnh đạo", "Thành phố Hà Nội"],
    ["phuong-thuong-thanh", "Đảng ủy phường", "Phường Thượng Thanh"],
    ["chibo-lb-bd-01", "Bí thư chi bộ", "Chi bộ Cơ quan phường Bồ Đề"],
  ])("%s", async (username, roleLabel, scopeName) => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), username, DEMO_PASSWORD);
    await expect(page.locator(".page-header p").first().textContent()).resolves.toContain(`${roleLabel}`);
    await expect(page.locator(".page-header p").first().textContent()).resolves.toContain(scopeName);
    expect(await page.locator(".brand-text small").textContent()).toBe(scopeName);
    // Real figures, in vi-VN format.
    const members = await page.locator(".stat", { hasText: "Đảng viên" }).first().locator(".stat-value").textContent();
    expect(members).toMatch(/^\d{1,3}(\.\d{3})*$/);
    const navText = await page.locator("nav.nav").textContent();
    expect(navText?.includes("Người dùng")).toBe(username === "admin");
    await page.context().close();
  });
});

describe("scope in the browser", () => {
  it("a ward user cannot open another ward's branch, and sees only own branches in the org browser", async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), "phuong-bo-de", DEMO_PASSWORD);
    const foreign = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB-TT-05" } });
    const own = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB-BD-05" } });
    const response = await page.goto(`${baseUrl()}/org/${foreign.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" }).isVisible()).resolves.toBe(true);
    await page.goto(`${baseUrl()}/org`);
    expect(await page.locator("h1").textContent()).toBe("Phường Bồ Đề");
    await page.getByRole("link", { name: own.name }).click();
    await page.waitForURL(`**/org/${own.id}`);
    expect(await page.locator("table tbody tr").count()).toBeGreaterThan(3);
    const apiStatus = await page.evaluate(async (id) => (await fetch(`/api/v1/org-units/${id}`)).status, foreign.id);
    expect(apiStatus).toBe(404);
    await page.context().close();
  });

  it("searching the tree without diacritics finds the ward", async () => {
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), "bantochuc", DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/org`);
    await page.getByLabel("Tìm đơn vị (gõ có dấu hoặc không dấu)").fill("thuong thanh");
    await page.getByRole("button", { name: "Tìm" }).click();
    await page.waitForURL("**/org?q=*");
    await expect(page.getByRole("link", { name: "Phường Thượng Thanh", exact: true }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});

describe("sign-in protection", () => {
  it("says what is wrong in Vietnamese, the same for every failure, and locks the account after five wrong passwords", async () => {
    const { wardUser } = await createTestWard();
    const page = await chromium.newPage();
    await page.goto(`${baseUrl()}/login`);
    const submit = async (username: string, password: string) => {
      await page.getByLabel("Tên đăng nhập").fill(username);
      await page.getByLabel("Mật khẩu").fill(password);
      await Promise.all([page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")), page.getByRole("button", { name: "Đăng nhập" }).click()]);
      await page.waitForFunction(() => document.querySelector(".alert-error") && !(document.querySelector("button[type=submit]") as HTMLButtonElement).disabled);
      return page.locator(".alert-error").textContent();
    };
    const unknown = await submit(`khong-co-${Date.now()}`, "sai mật khẩu 0");
    expect(unknown).toBe(SIGN_IN_FAILED_MESSAGE);
    for (let attempt = 1; attempt <= 5; attempt++) expect(await submit(wardUser.username, `sai mật khẩu ${attempt}`)).toBe(unknown);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Locked: the right password gets the same answer and no session.
    expect(await submit(wardUser.username, TEST_PASSWORD)).toBe(unknown);
    expect(page.url()).toContain("/login");
    await page.context().close();
  });

  it("signing out returns to the sign-in page and protected pages redirect there", async () => {
    const { wardUser } = await createTestWard();
    const page = await chromium.newPage();
    await signIn(page, baseUrl(), wardUser.username, TEST_PASSWORD);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL("**/login**");
    await page.goto(`${baseUrl()}/org`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.context().close();
  });

  it("disabling a user signs them out on their next request", async () => {
    const { wardUser } = await createTestWard();
    const userPage = await chromium.newPage();
    await signIn(userPage, baseUrl(), wardUser.username, TEST_PASSWORD);
    const adminPage = await chromium.newPage();
    await signIn(adminPage, baseUrl(), "admin", DEMO_PASSWORD);
    await adminPage.goto(`${baseUrl()}/admin/users/${wardUser.id}`);
    await adminPage.getByRole("button", { name: "Vô hiệu hóa tài khoản" }).click();
    await adminPage.getByText("Đã vô hiệu hóa tài khoản").waitFor();
    await userPage.goto(`${baseUrl()}/org`);
    expect(new URL(userPage.url()).pathname).toBe("/login");
    await userPage.context().close();
    await adminPage.context().close();
  });
});

describe("administration in the browser", () => {
  it("an administrator creates a branch secretary, who must change the temporary password first", async () => {
    const { branches } = await createTestWard();
    const username = `bithu-${Date.now()}`;
    const admin = await chromium.newPage();
    await signIn(admin, baseUrl(), "admin", DEMO_PASSWORD);
    await admin.goto(`${baseUrl()}/admin/users/new`);
    await admin.getByRole("button", { name: "Tạo người dùng" }).click();
    await admin.getByText("Dữ liệu không hợp lệ").waitFor();
    expect(await admin.locator(".field-error").count()).toBeGreaterThanOrEqual(3);
    await admin.getByLabel("Tên đăng nhập").fill(username);
    await admin.getByLabel("Họ tên / tên hiển thị").fill("Lê Thị Thử Nghiệm");
    await admin.getByLabel("Vai trò").selectOption("BRANCH_SECRETARY");
    await admin.getByLabel("Mã đơn vị (gốc phạm vi)").fill(branches[0].code);
    await admin.getByLabel("Mật khẩu tạm").fill("Tạm thời 2026 nhé");
    await admin.getByRole("button", { name: "Tạo người dùng" }).click();
    await admin.waitForURL("**/admin/users/*?moi=1");
    expect(await admin.locator("h1").textContent()).toBe("Lê Thị Thử Nghiệm");

    const user = await chromium.newPage(PHONE);
    await signIn(user, baseUrl(), username, "Tạm thời 2026 nhé");
    await user.waitForURL("**/account**");
    await user.getByLabel("Mật khẩu hiện tại").fill("Tạm thời 2026 nhé");
    await user.getByLabel("Mật khẩu mới", { exact: true }).fill("Mật khẩu riêng của tôi 1");
    await user.getByLabel("Nhập lại mật khẩu mới").fill("Mật khẩu riêng của tôi 1");
    await user.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await user.getByText("Đã đổi mật khẩu").waitFor();
    await user.goto(`${baseUrl()}/`);
    expect(new URL(user.url()).pathname).toBe("/");
    await expect(user.locator(".brand-text small").textContent()).resolves.toBe(branches[0].name);
    await admin.context().close();
    await user.context().close();
  });

  it("an administrator issues an API token that works once and is shown once", async () => {
    const { ward } = await createTestWard();
    const admin = await chromium.newPage();
    await signIn(admin, baseUrl(), "admin", DEMO_PASSWORD);
    await admin.goto(`${baseUrl()}/admin/tokens`);
    await admin.getByLabel("Tên gợi nhớ").fill("Đồng bộ từ trình duyệt");
    // The unit is picked from the units that fit the role, not typed.
    await admin.getByLabel("Vai trò").selectOption("WARD_COMMITTEE");
    await admin.getByLabel("Đơn vị", { exact: true }).selectOption(String(ward.id));
    await admin.getByRole("button", { name: "Cấp mã truy cập" }).click();
    const secret = await admin.getByLabel("Mã truy cập vừa cấp").inputValue();
    expect(secret).toMatch(/^stdv_/);
    const me = await fetch(`${baseUrl()}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(((await me.json()) as { orgUnit: { id: number } }).orgUnit.id).toBe(ward.id);
    await admin.reload();
    expect(await admin.content()).not.toContain(secret);
    await admin.context().close();
  });
});
