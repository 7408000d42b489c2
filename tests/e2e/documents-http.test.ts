// Documents and attachments over HTTP against the production build: downloads
// carry safe headers, uploads are checked by content and size, another ward
// gets 404; the documents page as a ward user sees it (1280 and 390 px).
import fs from "node:fs";
import path from "node:path";
import { api, baseUrl, signInOverHttp, type Session } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { launchBrowser, signIn } from "../support/browser";
import { createDraftsSetup, groundedDraft, openPeriod, allowMoreSignIns } from "../support/drafts-factories";
import { submitDraftVersion } from "@/lib/drafts/submit-draft-version";
import { submitDraftReview } from "@/lib/drafts/submit-draft-review";

afterAll(closeTestDb);

const CLIENT = { "x-real-ip": `e2e-documents-${process.pid}` };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const SHOTS = process.env.DOCUMENT_SHOTS_DIR;

async function session(username: string): Promise<Session> {
  const { session, error } = await signInOverHttp(username, TEST_PASSWORD, CLIENT);
  if (error) throw new Error(`sign-in failed: ${error}`);
  return session;
}

function upload(s: Session, fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/pdf" }), file.name);
  return api("/api/v1/attachments", { method: "POST", session: s, body: form });
}

async function download(s: Session, url: string) {
  const response = await fetch(`${baseUrl()}${url}`, { headers: { cookie: s.cookie } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function expectSafeDownload(headers: Headers, type: string) {
  expect(headers.get("content-type")).toBe(type);
  expect(headers.get("content-disposition")).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("content-security-policy")).toContain("default-src 'none'");
  expect(headers.get("cache-control")).toContain("no-store");
}

describe("documents and attachments over HTTP", () => {
  beforeAll(allowMoreSignIns);

  it("uploads and serves attachments with safe headers; wrong type 400, oversize 413, other ward 404", async () => {
    const own = await createDraftsSetup("HTTP đính kèm");
    const other = await createDraftsSetup("HTTP khác");
    const { id: draftId } = await submitDraftVersion(own.secretaryActor, { period: openPeriod(), body: groundedDraft(own.branches[0].name) });
    await submitDraftReview(own.reviewerActor, draftId, { decision: "APPROVED", summary: "Đạt.", expectedVersionNo: 1 });
    const secretary = await session(own.secretary.username);
    const ward = await session(own.wardUser.username);
    const outsider = await session(other.wardUser.username);

    const added = await upload(secretary, { kind: "SIGNED_RESOLUTION", draftId: String(draftId) }, { name: "../../nghị quyết đã ký.pdf", bytes: PDF });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ fileName: "nghị quyết đã ký.pdf", contentType: "application/pdf" });
    const file = await download(ward, `/api/v1/attachments/${added.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PDF)).toBe(true);
    expectSafeDownload(file.headers, "application/pdf");
    expect(file.headers.get("content-disposition")).toContain(encodeURIComponent("nghị quyết đã ký.pdf"));
    expect((await api(`/api/v1/attachments?draftId=${draftId}`, { session: ward })).body.items).toHaveLength(1);

    // A script page named .pdf and sent as application/pdf: refused by its content.
    const html = await upload(secretary, { kind: "SIGNED_RESOLUTION", draftId: String(draftId) }, { name: "x.pdf", bytes: Buffer.from("<html><script>alert(1)</script></html>") });
    expect(html.status).toBe(400);
    expect(html.body.error?.message).toContain("PDF, JPEG, PNG hoặc DOCX");
    await testDb().appSetting.upsert({ where: { key: "attachments.maxMegabytes" }, create: { key: "attachments.maxMegabytes", value: 1 }, update: { value: 1 } });
    try {
      const big = await upload(secretary, { kind: "SIGNED_RESOLUTION", draftId: String(draftId) }, { name: "lon.pdf", bytes: Buffer.concat([PDF, Buffer.alloc(1_200_000)]) });
      expect(big.status).toBe(413);
    } finally {
      await testDb().appSetting.delete({ where: { key: "attachments.maxMegabytes" } });
    }
    expect((await upload(secretary, { kind: "SIGNED_RESOLUTION", draftId: String(draftId) }, { name: "x.pdf", bytes: Buffer.alloc(0) })).status).toBe(400);
    const json = await api("/api/v1/attachments", { method: "POST", session: secretary, headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(400);

    expect((await download(outsider, `/api/v1/attachments/${added.body.id}/file`)).status).toBe(404);
    expect((await api(`/api/v1/attachments?draftId=${draftId}`, { session: outsider })).status).toBe(404);
    expect((await upload(await session(other.secretary.username), { kind: "SIGNED_RESOLUTION", draftId: String(draftId) }, { name: "x.pdf", bytes: PDF })).status).toBe(404);
    expect(await testDb().attachment.count({ where: { draftId } })).toBe(1);
  });

  it("generates, issues and downloads reports; another ward gets 404; the page at 1280 and 390 px", async () => {
    const own = await createDraftsSetup("HTTP văn bản");
    const other = await createDraftsSetup("HTTP văn bản khác");
    const period = openPeriod();
    const { id: draftId } = await submitDraftVersion(own.secretaryActor, { period, body: groundedDraft(own.branches[0].name) });
    await submitDraftReview(own.reviewerActor, draftId, { decision: "CHANGES_REQUESTED", summary: "Cần cụ thể hơn.", expectedVersionNo: 1 });
    const ward = await session(own.wardUser.username);
    const outsider = await session(other.wardUser.username);
    const query = `kind=DRAFT_REVIEW_REPORT&orgUnitId=${own.ward.id}&period=${period}`;

    const docx = await download(ward, `/api/v1/documents/generate?${query}`);
    expect(docx.status).toBe(200);
    expectSafeDownload(docx.headers, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
    expect((await download(outsider, `/api/v1/documents/generate?${query}`)).status).toBe(404);
    expect((await api(`/api/v1/documents/generate?kind=DRAFT_REVIEW_REPORT&period=2026-13`, { session: ward })).status).toBe(400);

    const issued = await api("/api/v1/documents", { method: "POST", session: ward, headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "DRAFT_REVIEW_REPORT", orgUnitId: own.ward.id, period, number: 3 }) });
    expect(issued.status).toBe(201);
    expect(issued.body.numberLabel).toBe("03-BC/ĐU");
    const again = await api("/api/v1/documents", { method: "POST", session: ward, headers: { "content-type": "application/json" }, body: JSON.stringify({ kind: "DRAFT_REVIEW_REPORT", orgUnitId: own.ward.id, period, number: 3 }) });
    expect(again.status).toBe(409);
    const list = await api(`/api/v1/documents?orgUnitId=${own.ward.id}`, { session: ward });
    expect((list.body.items as { id: number }[]).map((item) => item.id)).toContain(issued.body.id);
    const kept = await download(ward, `/api/v1/documents/${issued.body.id}/file`);
    expect(kept.status).toBe(200);
    expectSafeDownload(kept.headers, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await download(outsider, `/api/v1/documents/${issued.body.id}/file`)).status).toBe(404);
    expect((await api(`/api/v1/documents?orgUnitId=${own.ward.id}`, { session: outsider })).status).toBe(404);

    // A new draft after issuing: the page shows what changed, and issues under an edited number.
    await submitDraftVersion(own.secretary2Actor, { period, body: groundedDraft(own.branches[1].name) });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.setExtraHTTPHeaders(CLIENT);
      await signIn(page, baseUrl(), own.wardUser.username, TEST_PASSWORD);
      await page.goto(`${baseUrl()}/documents?kind=DRAFT_REVIEW_REPORT&unit=${own.ward.id}&period=${period}`);
      await page.getByRole("heading", { name: "Thay đổi so với bản đã ban hành" }).waitFor();
      expect(await page.locator("del").first().textContent()).toContain("đã nộp 1 dự thảo");
      expect(await page.locator("ins").first().textContent()).toContain("đã nộp 2 dự thảo");
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, "documents-1280.png"), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: path.join(SHOTS, "documents-390.png"), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await page.getByLabel(/Số văn bản/).fill("4");
      await page.getByRole("button", { name: "Ban hành và lưu" }).click();
      await page.getByText("Đã ban hành văn bản số 04-BC/ĐU.").waitFor();
      await page.goto(`${baseUrl()}/documents/issuer`);
      await page.getByLabel("Họ tên người ký").fill("Nguyễn Thị Thử");
      await page.getByRole("button", { name: "Lưu" }).click();
      await page.getByText("Đã lưu thông tin cơ quan ban hành.").waitFor();
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, "documents-issuer-1280.png"), fullPage: true });
    } finally {
      await browser.close();
    }
    expect(await testDb().issuedDocument.count({ where: { orgUnitId: own.ward.id } })).toBe(2);
  });
});
