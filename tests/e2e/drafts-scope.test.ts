import { chromiumForFile } from "../support/browser";
import { api, baseUrl, signInOverHttp } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb } from "../support/db";
import { allowMoreSignIns, createDraftsSetup, groundedDraft, openPeriod } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";

const chromium = chromiumForFile();
afterAll(closeTestDb);

describe("a ward or a branch cannot read another's drafts", () => {
  it("by page and by API, the draft of another ward or branch does not exist", async () => {
    const own = await createDraftsSetup("Phạm vi trình duyệt A");
    const other = await createDraftsSetup("Phạm vi trình duyệt B");
    const period = openPeriod();
    const { id } = await submitDraftVersion(own.secretaryActor, { period, body: groundedDraft(own.branches[0].name) });
    const { feedbackId } = await submitDraftReview(own.reviewerActor, id, { decision: "CHANGES_REQUESTED", summary: "Sửa lại.", expectedVersionNo: 1 });

    for (const username of [other.wardUser.username, own.secretary2.username]) {
      await allowMoreSignIns();
      const page = await chromium.pageAs(username, TEST_PASSWORD);
      for (const path of [`/drafts/${id}`, `/drafts/branch/${own.branches[0].id}`, `/drafts/branch/${own.branches[0].id}/${period}`]) {
        const response = await page.goto(`${baseUrl()}${path}`);
        expect(response?.status()).toBe(404);
        expect(await page.content()).not.toContain("Tìm trong tên chi bộ");
      }
      if (username === other.wardUser.username) {
        // The queue filtered on another ward answers 404 before it streams anything; its own queue opens.
        expect((await page.goto(`${baseUrl()}/drafts?period=${period}&orgUnitId=${own.ward.id}`))?.status()).toBe(404);
        expect((await page.goto(`${baseUrl()}/drafts?period=${period}&orgUnitId=${other.ward.id}`))?.status()).toBe(200);
        await page.getByRole("table").waitFor();
        expect(await page.content()).toContain(other.branches[0].name);
      }
      const statuses = await page.evaluate(async ({ id, feedbackId }) => {
        const json = { "content-type": "application/json" };
        return [
          (await fetch(`/api/v1/drafts/${id}`)).status,
          (await fetch(`/api/v1/drafts/${id}/diff?from=1`)).status,
          (await fetch(`/api/v1/drafts/${id}/comments`, { method: "POST", headers: json, body: JSON.stringify({ body: "x" }) })).status,
          (await fetch(`/api/v1/feedback/${feedbackId}/ack`, { method: "POST", headers: json, body: "{}" })).status,
        ];
      }, { id, feedbackId });
      // A ward user may comment and acknowledge but not here (404); a secretary of another branch may not acknowledge at all (403).
      expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
      expect([403, 404]).toContain(statuses[3]);
      await page.context().close();
    }

    // The ward's own queue over the API lists its own branches only.
    await allowMoreSignIns();
    const { session } = await signInOverHttp(other.wardUser.username, TEST_PASSWORD);
    const queue = await api(`/api/v1/drafts?period=${period}&includeMissing=1&pageSize=500`, { session });
    expect(queue.status).toBe(200);
    const ids = (queue.body.items as { branch: { id: number } }[]).map((item) => item.branch.id).sort();
    expect(ids).toEqual(other.branches.map((branch) => branch.id).sort());
    expect((await api(`/api/v1/drafts?period=${period}&orgUnitId=${own.ward.id}`, { session })).status).toBe(404);
    expect((await api(`/api/v1/feedback?status=all`, { session })).body.items).toEqual([]);
  });

  it("a secretary's /drafts is its branch's own page, which a reviewer of the scope opens too", async () => {
    const s = await createDraftsSetup("Trang chi bộ dự thảo");
    const period = openPeriod();
    const { id } = await submitDraftVersion(s.secretaryActor, { period, body: groundedDraft(s.branches[0].name) });
    const own = `/drafts/branch/${s.branches[0].id}`;

    await allowMoreSignIns();
    const secretary = await chromium.pageAs(s.secretary.username, TEST_PASSWORD);
    // Old links to /drafts keep working: they land on the branch's page, which the menu links to directly.
    const response = await secretary.goto(`${baseUrl()}/drafts?period=${period}`);
    expect(response?.status()).toBe(200);
    expect(new URL(secretary.url()).pathname).toBe(own);
    await secretary.getByRole("heading", { name: "Dự thảo nghị quyết của chi bộ" }).waitFor();
    expect(await secretary.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Dự thảo nghị quyết", exact: true }).getAttribute("href")).toBe(own);
    expect(await secretary.locator(`a[href="/drafts/${id}"]`).count()).toBeGreaterThan(0);
    expect(await secretary.getByRole("link", { name: /^(Soạn|Sửa) dự thảo/ }).count()).toBe(1);
    await secretary.context().close();

    await allowMoreSignIns();
    const reviewer = await chromium.pageAs(s.reviewer.username, TEST_PASSWORD);
    expect((await reviewer.goto(`${baseUrl()}${own}`))?.status()).toBe(200);
    expect(await reviewer.locator(`a[href="/drafts/${id}"]`).count()).toBeGreaterThan(0);
    // Only the branch's own secretary writes its draft.
    expect(await reviewer.getByRole("link", { name: /^(Soạn|Sửa) dự thảo/ }).count()).toBe(0);
    await reviewer.context().close();
  });

  it("the API answers bad input with 400, a stale decision with 409, and nobody with 401", async () => {
    const s = await createDraftsSetup("API dự thảo");
    const period = openPeriod();
    await allowMoreSignIns();
    const secretary = (await signInOverHttp(s.secretary.username, TEST_PASSWORD)).session;
    const json = { "content-type": "application/json" };
    expect((await api("/api/v1/drafts", { method: "POST", session: secretary, headers: json, body: "{ not json" })).status).toBe(400);
    const empty = await api("/api/v1/drafts", { method: "POST", session: secretary, headers: json, body: JSON.stringify({ period, body: "" }) });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toBeTruthy();
    const created = await api("/api/v1/drafts", { method: "POST", session: secretary, headers: json, body: JSON.stringify({ period, body: groundedDraft(s.branches[0].name) }) });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(created.body.versionNo).toBe(1);
    const again = await api("/api/v1/drafts", { method: "POST", session: secretary, headers: json, body: JSON.stringify({ period, body: groundedDraft(s.branches[0].name).replace("94%", "95%"), expectedVersionNo: 1 }) });
    expect(again.status).toBe(201);
    expect(again.body.versionNo).toBe(2);

    await allowMoreSignIns();
    const reviewer = (await signInOverHttp(s.reviewer.username, TEST_PASSWORD)).session;
    const stale = await api(`/api/v1/drafts/${id}/review`, { method: "POST", session: reviewer, headers: json, body: JSON.stringify({ decision: "APPROVED", summary: "Duyệt", expectedVersionNo: 1 }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe("CONFLICT");
    const document = await api(`/api/v1/drafts/${id}`, { session: reviewer });
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({ id, versionNo: 2, branch: { id: s.branches[0].id }, analysis: { checklist: expect.any(Array), similar: expect.any(Array) } });
    expect((document.body.versions as unknown[]).length).toBe(2);
    const comment = await api(`/api/v1/drafts/${id}/comments`, { method: "POST", session: reviewer, headers: json, body: JSON.stringify({ body: "Nêu rõ ngày.", anchor: { quote: "Lắp 3 camera an ninh", start: 0, end: 1 } }) });
    expect(comment.status).toBe(201);
    const ok = await api(`/api/v1/drafts/${id}/review`, { method: "POST", session: reviewer, headers: json, body: JSON.stringify({ decision: "CHANGES_REQUESTED", summary: "Sửa", flags: ["NOT_GROUNDED"], expectedVersionNo: 2 }) });
    expect(ok.status).toBe(200);
    expect((await api(`/api/v1/drafts?status=BOGUS`, { session: reviewer })).status).toBe(400);
    expect((await api(`/api/v1/drafts/${id}/diff?from=1&to=2`, { session: reviewer })).body).toMatchObject({ from: 1, to: 2 });
    await allowMoreSignIns();
    const ward = (await signInOverHttp(s.wardUser.username, TEST_PASSWORD)).session;
    const inbox = await api("/api/v1/feedback?status=open", { session: ward });
    const item = (inbox.body.items as { id: number; draftId: number }[]).find((candidate) => candidate.draftId === id)!;
    expect(item).toBeTruthy();
    const ack = await api(`/api/v1/feedback/${item.id}/ack`, { method: "POST", session: ward, headers: json, body: JSON.stringify({ reply: "Đã nhận." }) });
    expect(ack.status).toBe(200);
    expect((await api(`/api/v1/drafts/summary?period=${period}&orgUnitId=${s.ward.id}`, { session: ward })).body).toMatchObject({ totals: { branches: 2, submitted: 1 } });
    const csv = await fetch(`${baseUrl()}/api/v1/drafts/export?period=${period}&orgUnitId=${s.ward.id}&format=csv`, { headers: { cookie: ward.cookie } });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(s.branches[0].code);
    expect((await api(`/api/v1/drafts/${id}`)).status).toBe(401);
    expect((await api(`/api/v1/notifications/count`, { session: reviewer })).body).toMatchObject({ unread: expect.any(Number) });
  });
});
