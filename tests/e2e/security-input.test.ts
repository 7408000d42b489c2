// Input that is hostile by its shape, swept over every route that takes it,
// against the production build (docs/security.md, "Input findings"):
// - redirect tricks on /login?callbackUrl, signed in (the server redirects) and
//   signed out (the form's target after sign-in), and one sign-in in Chromium;
// - /login?error shows only our own messages;
// - text PostgreSQL cannot store (NUL, lone surrogates) in every query
//   parameter and path segment, JSON body, form field and CSV file → a 4xx, never a 500;
// - a temporary password: every API answers 403 PASSWORD_CHANGE_REQUIRED,
//   every page sends to /account, every action but the password change refuses,
//   and changing the password or signing out still works.
import type { Role } from "@/lib/generated/prisma/enums";
import { IMPORT_DEFINITIONS } from "@/lib/imports/registry";
import { can } from "@/lib/auth/permissions";
import { launchBrowser } from "../support/browser";
import { baseUrl, cookieHeader, signInOverHttp, type Session } from "../support/http";
import { TEST_PASSWORD, createUser } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { createSecurityScopes, type SecurityScopes } from "../support/security-factories";
import { allows, MATRIX_ROLES, ROUTE_MATRIX, type ActionEntry, type ApiEntry, type MatrixEntry, type PageEntry } from "../support/route-matrix";
import { callServerAction, inParallel, pageForAction, serverActionsOfBuild, type ManifestAction } from "../support/security-http";
import { isSameOriginPath, redirectTricks } from "../support/redirect-tricks";

const CLIENT = { "x-real-ip": `e2e-security-input-${process.pid}` };
const NUL = "a\u0000b";
const LONE_SURROGATE = "a\uD800b";
const UNSTORABLE_TEXT = "Có ký tự không hợp lệ";
const PASSWORD_CHANGE_TEXT = "mật khẩu tạm";

const pages = ROUTE_MATRIX.filter((entry): entry is PageEntry => entry.kind === "page");
const apis = ROUTE_MATRIX.filter((entry): entry is ApiEntry => entry.kind === "api" && !entry.skipHttp);
const actions = ROUTE_MATRIX.filter((entry): entry is ActionEntry => entry.kind === "action");

// Every query parameter name a page or endpoint reads (and a few it does not: the check is for all of them).
const QUERY_KEYS = ["q", "period", "orgUnitId", "status", "flag", "timeliness", "ack", "sort", "page", "pageSize", "view", "with", "v", "from", "to", "year", "parentId", "branchId", "format", "table", "dryRun", "jobId", "fileName", "includeMissing", "tab", "role", "kind", "months", "date", "versionNo", "preview", "callbackUrl", "error", "batBuoc", "khongCo"];

let scopes: SecurityScopes;
const sessions = new Map<Role, Session>();
let manifest: ManifestAction[];

beforeAll(async () => {
  scopes = await createSecurityScopes("Dữ liệu lạ");
  for (const role of MATRIX_ROLES) {
    const { session, error } = await signInOverHttp(scopes.users[role].username, TEST_PASSWORD, CLIENT);
    if (error) throw new Error(`sign-in ${role}: ${error}`);
    sessions.set(role, session);
  }
  manifest = serverActionsOfBuild();
}, 180_000);
afterAll(closeTestDb);

/** The first matrix role that gets past the entry's permission check (the one whose input is then parsed). */
function permittedRole(entry: MatrixEntry): Role | null {
  return MATRIX_ROLES.find((role) => allows(entry.access, role)) ?? null;
}

function withQuery(path: string, key: string, value: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

/** The path with one dynamic segment (by position in `route`) given a NUL byte. */
function withNulSegments(route: string, path: string): string[] {
  const routeParts = route.split("/");
  const pathParts = new URL(path, "http://x").pathname.split("/");
  return routeParts.flatMap((part, index) => (part.startsWith("[") && pathParts[index] !== undefined ? [pathParts.map((segment, i) => (i === index ? `${segment}%00` : segment)).join("/")] : []));
}

const decodeHtml = (text: string) => text.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

describe("redirect after sign-in: only a same-origin path, for the whole class of tricks", () => {
  // The issue's own strings as they arrive in the URL, then every trick encoded once.
  const raw = ["/%09/evil.example/phish", "/%0A/x", "/%0D%0ALocation:%20https://evil.example", "//evil.example", "/%5Cevil.example", "/%2F/evil.example", "https://evil.example"];
  const encoded = redirectTricks().map((trick) => encodeURIComponent(trick));
  const queries = [...raw, ...encoded];

  it(`signed in: /login?callbackUrl=… redirects inside the site, never 5xx (${queries.length} values)`, async () => {
    const session = sessions.get("BOARD_REVIEWER")!;
    const origin = new URL(baseUrl()).origin;
    const results = await inParallel(queries, 4, async (query) => {
      const response = await fetch(`${baseUrl()}/login?callbackUrl=${query}`, { redirect: "manual", headers: { cookie: session.cookie } });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      const target = new URL(location, baseUrl());
      // A NUL (%00) is refused before the page (400): no redirect at all is safe too.
      if (query.includes("%00")) return response.status === 400 ? null : `${query} → ${response.status}`;
      const ok = response.status >= 300 && response.status < 400 && target.origin === origin && isSameOriginPath(`${target.pathname}${target.search}${target.hash}`) && !/[\u0000-\u001F\u007F]/.test(location);
      return ok ? null : `${query} → ${response.status} ${JSON.stringify(location)}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
  }, 180_000);

  it(`signed out: the sign-in form's target is a same-origin path (${queries.length} values)`, async () => {
    const results = await inParallel(queries, 4, async (query) => {
      const response = await fetch(`${baseUrl()}/login?callbackUrl=${query}`, { redirect: "manual" });
      const html = await response.text();
      if (query.includes("%00")) return response.status === 400 ? null : `${query} → ${response.status}`;
      const value = /<input type="hidden" name="callbackUrl" value="([^"]*)"/.exec(html)?.[1];
      const target = value === undefined ? undefined : decodeHtml(value);
      return response.status === 200 && target !== undefined && isSameOriginPath(target) ? null : `${query} → ${response.status} ${JSON.stringify(target)}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
  }, 180_000);

  it("Chromium: signing in from a link with a tab trick lands on our own site", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ extraHTTPHeaders: CLIENT });
      await page.goto(`${baseUrl()}/login?callbackUrl=/%09/evil.example/phish`);
      await page.getByLabel("Tên đăng nhập").fill(scopes.users.LEADER.username);
      await page.getByLabel("Mật khẩu").fill(TEST_PASSWORD);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 }), page.getByRole("button", { name: "Đăng nhập" }).click()]);
      expect(new URL(page.url()).origin).toBe(new URL(baseUrl()).origin);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe("/login?error shows only our own messages", () => {
  const alertOf = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1];

  it.each(["Tài khoản của bạn bị khóa. Gọi 0900 000 000 để mở.", "<b>x</b>", "CredentialsSignin2", "__proto__", "toString", ""])("unknown text %j: no alert", async (text) => {
    const html = await (await fetch(`${baseUrl()}/login?error=${encodeURIComponent(text)}`)).text();
    expect(alertOf(html)).toBeUndefined();
  });

  it.each([
    ["CredentialsSignin", "Tên đăng nhập hoặc mật khẩu không đúng."],
    ["SessionRequired", "Vui lòng đăng nhập để tiếp tục."],
    ["Configuration", "Không đăng nhập được."],
  ])("next-auth code %s: our message", async (code, message) => {
    const html = await (await fetch(`${baseUrl()}/login?error=${code}`)).text();
    expect(decodeHtml(alertOf(html) ?? "")).toContain(message);
  });
});

describe("text PostgreSQL cannot store, in every text parameter of every route", () => {
  it("API: a NUL in any query parameter or path segment → 400 VALIDATION_FAILED", async () => {
    type Case = { label: string; method: string; path: string; role: Role | null; body?: unknown; expect: number[] };
    const cases: Case[] = [];
    for (const entry of apis) {
      const role = permittedRole(entry);
      const path = entry.path(role ? scopes.idsFor(role, "own") : scopes.ids.own);
      const body = entry.body?.(role ? scopes.idsFor(role, "own") : scopes.ids.own);
      for (const key of QUERY_KEYS) cases.push({ label: `${entry.method} ${entry.route} ?${key}`, method: entry.method, path: withQuery(path, key, NUL), role, body, expect: [400] });
      for (const nulPath of withNulSegments(entry.route, path)) cases.push({ label: `${entry.method} ${nulPath}`, method: entry.method, path: nulPath, role, body, expect: [400] });
    }
    const results = await inParallel(cases, 4, async (item) => {
      const headers: Record<string, string> = { origin: new URL(baseUrl()).origin };
      if (item.role) headers.cookie = sessions.get(item.role)!.cookie;
      if (item.body !== undefined) headers["content-type"] = typeof item.body === "string" ? "text/csv" : "application/json";
      const response = await fetch(`${baseUrl()}${item.path}`, { method: item.method, headers, body: item.body === undefined ? undefined : typeof item.body === "string" ? item.body : JSON.stringify(item.body), redirect: "manual" });
      const text = await response.text();
      const refused = item.expect.includes(response.status) && text.includes('"code":"VALIDATION_FAILED"');
      return refused ? null : `${item.label} as ${item.role}: ${response.status} ${text.slice(0, 160)}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  }, 300_000);

  it("API: a NUL or a lone surrogate in any string of a JSON body → 400 naming the field, nothing written", async () => {
    const started = new Date();
    type Case = { label: string; entry: ApiEntry; role: Role; body: unknown };
    const cases: Case[] = [];
    // Every write that reads a JSON body (the CSV import is swept below).
    for (const entry of apis.filter((candidate) => candidate.method !== "GET" && candidate.body && typeof candidate.body(scopes.ids.own) === "object")) {
      const role = permittedRole(entry)!;
      const ids = scopes.idsFor(role, "own");
      const base = entry.body!(ids) as Record<string, unknown>;
      const variants: Record<string, unknown>[] = [{ ...base, note: NUL }, { ...base, note: LONE_SURROGATE }, { ...base, [NUL]: "x" }];
      for (const [key, value] of Object.entries(base)) if (typeof value === "string") variants.push({ ...base, [key]: `${value}${NUL}` }, { ...base, [key]: `${value}${LONE_SURROGATE}` });
      for (const body of variants) cases.push({ label: `${entry.method} ${entry.route} ${JSON.stringify(body)}`, entry, role, body });
    }
    const results = await inParallel(cases, 3, async ({ label, entry, role, body }) => {
      const response = await fetch(`${baseUrl()}${entry.path(scopes.idsFor(role, "own"))}`, {
        method: entry.method,
        headers: { cookie: sessions.get(role)!.cookie, origin: new URL(baseUrl()).origin, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => null)) as { error?: { code: string; details?: { message: string }[] } } | null;
      const ok = response.status === 400 && answer?.error?.code === "VALIDATION_FAILED" && (answer.error.details ?? []).some((detail) => detail.message.startsWith(UNSTORABLE_TEXT));
      return ok ? null : `${label} as ${role}: ${response.status} ${JSON.stringify(answer).slice(0, 200)}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
    const userIds = MATRIX_ROLES.map((role) => scopes.users[role].id);
    const written = await testDb().auditEvent.findMany({ where: { occurredAt: { gte: started }, actorUserId: { in: userIds }, NOT: { action: { startsWith: "auth." } } } });
    expect(written.map((event) => event.action)).toEqual([]);
  }, 300_000);

  it.each(IMPORT_DEFINITIONS.map((definition) => definition.kind))("CSV import %s: a NUL in a cell (or a UTF-16 file) → 400 that says so, nothing written", async (kind) => {
    const definition = IMPORT_DEFINITIONS.find((candidate) => candidate.kind === kind)!;
    const role = MATRIX_ROLES.find((candidate) => can(candidate, definition.permission))!;
    const header = definition.columns.map((column) => column.header).join(",");
    const row = definition.columns.map((column, index) => (index === 1 ? `x${NUL}` : (column.example ?? "")));
    const files = [`${header}\n${row.join(",")}\n`, Buffer.from(`${header}\n`, "utf16le")];
    for (const file of files) {
      const response = await fetch(`${baseUrl()}/api/v1/imports/${kind}`, { method: "POST", headers: { cookie: sessions.get(role)!.cookie, origin: new URL(baseUrl()).origin, "content-type": "text/csv; charset=utf-8" }, body: file });
      const answer = (await response.json()) as { error?: { code: string; message: string } };
      expect({ status: response.status, code: answer.error?.code }).toEqual({ status: 400, code: "VALIDATION_FAILED" });
      expect(answer.error?.message).toContain("NUL");
    }
  });

  it("pages: a NUL in any query parameter or path segment → 400 with a message, never 5xx", async () => {
    type Case = { label: string; path: string; role: Role | null };
    const cases: Case[] = [];
    for (const entry of pages) {
      const role = entry.access === "public" ? null : permittedRole(entry);
      const path = entry.path(role ? scopes.idsFor(role, "own") : scopes.ids.own);
      for (const key of QUERY_KEYS) cases.push({ label: `${entry.route} ?${key}`, path: withQuery(path, key, NUL), role });
      for (const nulPath of withNulSegments(entry.route, path)) cases.push({ label: nulPath, path: nulPath, role });
    }
    const results = await inParallel(cases, 4, async ({ label, path, role }) => {
      const response = await fetch(`${baseUrl()}${path}`, { redirect: "manual", headers: role ? { cookie: sessions.get(role)!.cookie } : {} });
      const text = await response.text();
      return response.status === 400 && text.includes("ký tự NUL") ? null : `${label} as ${role}: ${response.status}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  }, 400_000);

  it("server actions: a NUL in any form field is refused with a message, nothing written", async () => {
    const started = new Date();
    type Case = { entry: ActionEntry; role: Role; action: ManifestAction; fields: Record<string, string> };
    const cases: Case[] = [];
    for (const entry of actions) {
      const role = permittedRole(entry)!;
      const action = manifest.find((candidate) => candidate.filename === entry.file && candidate.exportedName === entry.name)!;
      const base = entry.fields?.(scopes.idsFor(role, "own")) ?? {};
      // (A lone surrogate cannot reach an action: the multipart body is UTF-8, where it becomes U+FFFD.)
      cases.push({ entry, role, action, fields: { ...base, note: NUL } });
      for (const key of Object.keys(base)) cases.push({ entry, role, action, fields: { ...base, [key]: `${base[key]}${NUL}` } });
    }
    const results = await inParallel(cases, 3, async ({ entry, role, action, fields }) => {
      const { text } = await callServerAction(action, pageForAction(action, scopes.idsFor(role, "own")), fields, sessions.get(role)!);
      return text.includes(UNSTORABLE_TEXT) ? null : `${entry.file}#${entry.name} as ${role} ${JSON.stringify(fields)}: ${text.slice(-200)}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
    const userIds = MATRIX_ROLES.map((role) => scopes.users[role].id);
    const written = await testDb().auditEvent.findMany({ where: { occurredAt: { gte: started }, actorUserId: { in: userIds }, NOT: { action: { startsWith: "auth." } } } });
    expect(written.map((event) => event.action)).toEqual([]);
  }, 300_000);

  it("sign-in: a NUL in the username is an ordinary failure, not a 500 or a database message", async () => {
    for (const username of [NUL, `${scopes.users.LEADER.username}\u0000`]) {
      const { status, error } = await signInOverHttp(username, TEST_PASSWORD, CLIENT);
      expect(status).toBeLessThan(500);
      expect(error).toBe("CredentialsSignin");
    }
  });
});

describe("a temporary password holds for the API, actions and pages alike", () => {
  let session: Session;
  let userId: number;

  beforeAll(async () => {
    const user = await createUser("BOARD_REVIEWER", scopes.ids.own.district);
    userId = user.id;
    await testDb().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const signedIn = await signInOverHttp(user.username, TEST_PASSWORD, CLIENT);
    if (signedIn.error) throw new Error(signedIn.error);
    session = signedIn.session;
  }, 60_000);

  it("every API endpoint but the public ones answers 403 PASSWORD_CHANGE_REQUIRED", async () => {
    const results = await inParallel(apis, 4, async (entry) => {
      const ids = scopes.idsFor("BOARD_REVIEWER", "own");
      const body = entry.body?.(ids);
      const headers: Record<string, string> = { cookie: session.cookie, origin: new URL(baseUrl()).origin };
      if (body !== undefined) headers["content-type"] = typeof body === "string" ? "text/csv" : "application/json";
      const response = await fetch(`${baseUrl()}${entry.path(ids)}`, { method: entry.method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
      const text = await response.text();
      if (entry.access === "public") return response.status === 200 ? null : `${entry.method} ${entry.route}: ${response.status}`;
      return response.status === 403 && text.includes('"code":"PASSWORD_CHANGE_REQUIRED"') ? null : `${entry.method} ${entry.route}: ${response.status} ${text.slice(0, 160)}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
  }, 120_000);

  it("every page but the account page (and sign-in) sends to /account", async () => {
    const results = await inParallel(pages, 4, async (entry) => {
      const response = await fetch(`${baseUrl()}${entry.path(scopes.idsFor("BOARD_REVIEWER", "own"))}`, { redirect: "manual", headers: { cookie: session.cookie } });
      await response.arrayBuffer();
      const location = response.headers.get("location") ?? "";
      if (entry.route === "/account") return response.status === 200 ? null : `${entry.route}: ${response.status}`;
      if (entry.route === "/login") return response.status >= 300 && response.status < 400 ? null : `${entry.route}: ${response.status}`;
      return response.status >= 300 && response.status < 400 && location.includes("/account") ? null : `${entry.route}: ${response.status} → ${location}`;
    });
    expect(results.filter(Boolean)).toEqual([]);
  }, 120_000);

  it("every server action but the password change refuses; nothing written", async () => {
    const started = new Date();
    const results = await inParallel(
      actions.filter((entry) => entry.name !== "changePasswordAction"),
      3,
      async (entry) => {
        const action = manifest.find((candidate) => candidate.filename === entry.file && candidate.exportedName === entry.name)!;
        const { text } = await callServerAction(action, pageForAction(action, scopes.idsFor("BOARD_REVIEWER", "own")), entry.fields?.(scopes.idsFor("BOARD_REVIEWER", "own")) ?? {}, session);
        return text.includes(PASSWORD_CHANGE_TEXT) ? null : `${entry.file}#${entry.name}: ${text.slice(-200)}`;
      },
    );
    expect(results.filter(Boolean)).toEqual([]);
    const written = await testDb().auditEvent.findMany({ where: { occurredAt: { gte: started }, actorUserId: userId, NOT: { action: { startsWith: "auth." } } } });
    expect(written.map((event) => event.action)).toEqual([]);
  }, 120_000);

  it("the password change works, and afterwards so does the API", async () => {
    const action = manifest.find((candidate) => candidate.exportedName === "changePasswordAction")!;
    const newPassword = "Mật khẩu mới của tôi 2026!";
    const { text } = await callServerAction(action, "/account", { currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword }, session);
    expect(text).toContain("Đã đổi mật khẩu");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: userId } })).mustChangePassword).toBe(false);
    const drafts = await fetch(`${baseUrl()}/api/v1/drafts`, { headers: { cookie: session.cookie } });
    expect(drafts.status).toBe(200);
  }, 60_000);

  it("signing out works with a temporary password", async () => {
    const user = await createUser("LEADER", scopes.ids.own.district);
    await testDb().user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const { session: pending, error } = await signInOverHttp(user.username, TEST_PASSWORD, CLIENT);
    expect(error).toBeUndefined();
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { cookie: pending.cookie } });
    for (const header of csrf.headers.getSetCookie()) {
      const [pair] = header.split(";");
      pending.jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const out = await fetch(`${baseUrl()}/api/auth/signout`, { method: "POST", redirect: "manual", headers: { cookie: cookieHeader(pending.jar), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
    expect(out.status).toBeLessThan(400);
    expect(await testDb().authSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect((await fetch(`${baseUrl()}/api/v1/me`, { headers: { cookie: pending.cookie } })).status).toBe(401);
  }, 60_000);
});
