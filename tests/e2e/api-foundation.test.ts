import { api, signInOverHttp } from "../support/http";
import { createTestWard, TEST_PASSWORD, actorOf } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { issueApiToken } from "@/lib/tokens/api-tokens";

afterAll(closeTestDb);

describe("API foundation over HTTP", () => {
  it("health answers without a session", async () => {
    const response = await api("/api/v1/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
  });

  it("asks for authentication with a JSON error in Vietnamese", async () => {
    const response = await api("/api/v1/me");
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringContaining("đăng nhập") });
  });

  it("me and org-units answer for a signed-in ward user, limited to the ward", async () => {
    const own = await createTestWard();
    const other = await createTestWard();
    const { session } = await signInOverHttp(own.wardUser.username, TEST_PASSWORD);
    const me = await api("/api/v1/me", { session });
    expect(me.body).toMatchObject({ username: own.wardUser.username, role: "WARD_COMMITTEE", orgUnit: { id: own.ward.id, code: own.ward.code, level: "WARD" } });
    const root = await api("/api/v1/org-units", { session });
    expect(root.body).toMatchObject({ total: 1, items: [{ id: own.ward.id, parentId: own.district.id, path: own.ward.path }] });
    const children = await api(`/api/v1/org-units?parentId=${own.ward.id}`, { session });
    expect((children.body.items as { code: string }[]).map((unit) => unit.code)).toEqual([own.branches[0].code, own.branches[1].code]);
    const detail = await api(`/api/v1/org-units/${own.branches[0].id}`, { session });
    expect(detail.body).toMatchObject({ counts: { branches: 1, members: 5 }, ancestors: [{ code: "HN" }, { code: "LB" }, { code: own.ward.code }] });
    for (const path of [`/api/v1/org-units/${other.ward.id}`, `/api/v1/org-units/${other.branches[1].id}`, `/api/v1/org-units?parentId=${other.ward.id}`, "/api/v1/org-units/999999999"]) {
      const response = await api(path, { session });
      expect({ path, status: response.status, code: response.body.error?.code }).toEqual({ path, status: 404, code: "NOT_FOUND" });
    }
  });

  it("rejects malformed parameters with 400, never 500", async () => {
    const own = await createTestWard();
    const { session } = await signInOverHttp(own.wardUser.username, TEST_PASSWORD);
    for (const path of ["/api/v1/org-units?parentId=abc", "/api/v1/org-units?parentId=-1", "/api/v1/org-units?parentId=1e99"]) {
      const response = await api(path, { session });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.error?.code).toBe("VALIDATION_FAILED");
    }
    expect((await api("/api/v1/org-units/abc", { session })).status).toBe(404);
  });

  it("accepts a bearer API token with the same scope rules, and refuses a bad one", async () => {
    const own = await createTestWard();
    const other = await createTestWard();
    const admin = await actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    const { secret } = await issueApiToken(admin, { name: "Đồng bộ thử", orgUnitCode: own.ward.code, role: "WARD_COMMITTEE" });
    expect((await api("/api/v1/me", { token: secret })).body).toMatchObject({ kind: "token", orgUnit: { id: own.ward.id } });
    expect((await api(`/api/v1/org-units/${own.branches[0].id}`, { token: secret })).status).toBe(200);
    expect((await api(`/api/v1/org-units/${other.branches[0].id}`, { token: secret })).status).toBe(404);
    const bad = await api("/api/v1/me", { token: `${secret}x` });
    expect(bad.status).toBe(401);
    expect((await api("/api/v1/me", { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("publishes an OpenAPI document describing the foundation paths", async () => {
    const response = await api("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    expect(Object.keys(response.body.paths as object)).toEqual(expect.arrayContaining(["/health", "/me", "/org-units", "/org-units/{id}"]));
  });

  it("sends security headers and no X-Powered-By", async () => {
    const response = await fetch(`${process.env.E2E_BASE_URL}/login`);
    expect(response.headers.get("x-powered-by")).toBeNull();
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1];
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("sign-out kills the session server-side: the old cookie replayed afterwards is refused", async () => {
    const own = await createTestWard();
    const jarResult = await signInOverHttp(own.wardUser.username, TEST_PASSWORD);
    const { session } = jarResult;
    expect((await api("/api/v1/me", { session })).status).toBe(200);
    const csrf = await fetch(`${process.env.E2E_BASE_URL}/api/auth/csrf`, { headers: { cookie: session.cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signOut = await fetch(`${process.env.E2E_BASE_URL}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.cookie },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(signOut.status).toBeLessThan(400);
    // The old cookie, replayed after sign-out, no longer works.
    expect((await api("/api/v1/me", { session })).status).toBe(401);
  });

  it("marks the session cookie HttpOnly and SameSite=Lax", async () => {
    const own = await createTestWard();
    const csrfResponse = await fetch(`${process.env.E2E_BASE_URL}/api/auth/csrf`);
    const csrfCookie = csrfResponse.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const response = await fetch(`${process.env.E2E_BASE_URL}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, username: own.wardUser.username, password: TEST_PASSWORD, json: "true" }),
    });
    const sessionCookie = response.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Path=\//i);
  });
});
