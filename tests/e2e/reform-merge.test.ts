import { DESKTOP, signIn, chromiumForFile } from "../support/browser";
import { api, baseUrl, signInOverHttp } from "../support/http";
import { createTestWard, createUser, TEST_PASSWORD } from "../support/factories";
import { allowMoreSignIns } from "../support/drafts-factories";
import { newCode } from "../support/reform-factories";
import { closeTestDb, testDb } from "../support/db";

const chromium = chromiumForFile();
beforeAll(allowMoreSignIns);
afterAll(closeTestDb);

const CLIENT = { "x-real-ip": `e2e-reform-${process.pid}` };
const post = (path: string, body: unknown, session: Awaited<ReturnType<typeof signInOverHttp>>["session"]) =>
  api(path, { method: "POST", session, headers: { "content-type": "application/json", origin: baseUrl(), ...CLIENT }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("restructuring over the API", () => {
  it("previews, refuses bad input and non-admins, applies atomically, and access follows at once", async () => {
    const a = await createTestWard("API A");
    const b = await createTestWard("API B");
    const other = await createTestWard("API bên cạnh");
    const admin = await createUser("ADMIN", a.district.id);
    const board = await createUser("BOARD_REVIEWER", a.district.id);
    const { session: adminSession } = await signInOverHttp(admin.username, TEST_PASSWORD, CLIENT);
    const { session: boardSession } = await signInOverHttp(board.username, TEST_PASSWORD, CLIENT);
    // Sessions opened before the change.
    const { session: wardA } = await signInOverHttp(a.wardUser.username, TEST_PASSWORD, CLIENT);
    const { session: wardB } = await signInOverHttp(b.wardUser.username, TEST_PASSWORD, CLIENT);
    expect((await api(`/api/v1/org-units/${b.branches[0].id}`, { session: wardA })).status).toBe(404);
    // Only this admin's events: other suites restructure their own units at the same time.
    const events = await testDb().orgRestructuring.count({ where: { actorUserId: admin.id } });

    const code = newCode("API");
    const request = { type: "MERGE", effectiveDate: "2026-12-01", sourceIds: [a.ward.id, b.ward.id], target: { name: `Phường API ${code}`, code }, users: "MOVE" };
    const preview = await post("/api/v1/org-units/restructure?preview=1", request, adminSession);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, event: { id: null, type: "MERGE" }, moves: { branches: 4, members: 20, users: 2, openFeedback: 0 } });

    for (const bad of [
      { ...request, effectiveDate: "2026-12-15" },
      { ...request, sourceIds: "một, hai" },
      { type: "MOVE", effectiveDate: "2026-12-01", unitId: a.ward.id, newParentId: a.branches[0].id },
      "{ không phải JSON",
    ]) {
      const response = await post("/api/v1/org-units/restructure", bad, adminSession);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/) });
    }
    const forbidden = await post("/api/v1/org-units/restructure", request, boardSession);
    expect(forbidden.status).toBe(403);
    expect((await post("/api/v1/org-units/restructure?preview=1", request, wardA)).status).toBe(403);
    expect(await testDb().orgRestructuring.count({ where: { actorUserId: admin.id } })).toBe(events);
    expect(await testDb().orgUnit.findUnique({ where: { code } })).toBeNull();

    const applied = await post("/api/v1/org-units/restructure", { ...request, users: "MOVE" }, adminSession);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ preview: false, event: { id: expect.any(Number) }, moves: { branches: 4, users: 2 } });
    const target = await testDb().orgUnit.findUniqueOrThrow({ where: { code } });

    // The same sessions now grant the merged ward, and nothing outside it.
    const me = await api("/api/v1/me", { session: wardA });
    expect(me.body).toMatchObject({ orgUnit: { id: target.id } });
    expect((await api(`/api/v1/org-units/${b.branches[0].id}`, { session: wardA })).status).toBe(200);
    expect((await api(`/api/v1/org-units/${other.branches[0].id}`, { session: wardA })).status).toBe(404);
    expect((await api(`/api/v1/org-units/${other.ward.id}/history`, { session: wardB })).status).toBe(404);

    // History and lineage over the API; October as it was versus under today's tree.
    const history = await api(`/api/v1/org-units/${a.ward.id}/history`, { session: adminSession });
    expect(history.body).toMatchObject({ unit: { id: a.ward.id, validTo: "2026-12-01" }, successors: [{ id: target.id, kind: "MERGED_INTO" }] });
    const asWas = await api(`/api/v1/meetings/compliance?orgUnitId=${a.district.id}&period=2026-10`, { session: boardSession });
    const ids = (asWas.body.items as { orgUnit: { id: number } }[]).map((item) => item.orgUnit.id);
    expect(ids).toEqual(expect.arrayContaining([a.ward.id, b.ward.id]));
    expect(ids).not.toContain(target.id);
    const now = await api(`/api/v1/meetings/compliance?orgUnitId=${a.district.id}&period=2026-10&tree=current`, { session: boardSession });
    const merged = (now.body.items as { orgUnit: { id: number }; branches: number }[]).find((item) => item.orgUnit.id === target.id);
    expect(merged?.branches).toBe(4);
    expect((await api(`/api/v1/meetings/compliance?period=2026-10&tree=cay-cu`, { session: boardSession })).status).toBe(400);
  });
});

describe("an administrator merges two wards through the admin page", () => {
  it("fills the form, reads the preview, confirms, and lands on the new ward's history", async () => {
    const a = await createTestWard("Giao diện A");
    const b = await createTestWard("Giao diện B");
    const admin = await createUser("ADMIN", a.district.id);
    const code = newCode("UI");
    const name = `Phường Giao diện ${code}`;
    const page = await chromium.newPage(DESKTOP, { extraHTTPHeaders: CLIENT });
    await signIn(page, baseUrl(), admin.username, TEST_PASSWORD);
    await page.goto(`${baseUrl()}/admin/restructure?type=MERGE`);
    expect(await page.locator("h1").textContent()).toBe("Tái cấu trúc tổ chức");
    await page.getByRole("checkbox", { name: a.ward.name }).check();
    await page.getByRole("checkbox", { name: b.ward.name }).check();
    await page.getByLabel("Tên đơn vị mới").fill(name);
    await page.getByLabel("Mã đơn vị mới").fill(code);
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByRole("region", { name: "Xem trước thay đổi" }).waitFor();
    expect(await page.locator(".reform-preview").textContent()).toContain("4 chi bộ, 20 đảng viên");
    expect(await testDb().orgUnit.findUnique({ where: { code } })).toBeNull();
    await page.getByRole("button", { name: "Xác nhận áp dụng" }).click();
    await page.waitForURL(/\/org\/\d+\/history\?su-kien=\d+/);
    const target = await testDb().orgUnit.findUniqueOrThrow({ where: { code } });
    expect(page.url()).toContain(`/org/${target.id}/history`);
    expect(await page.locator("h1").textContent()).toBe(`Lịch sử: ${name}`);
    expect(await page.getByRole("link", { name: a.ward.name }).count()).toBeGreaterThan(0);
    expect(await testDb().orgUnit.count({ where: { parentId: target.id, validTo: null } })).toBe(4);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: b.wardUser.id } })).orgUnitId).toBe(target.id);
  });
});
