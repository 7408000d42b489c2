// The authorization matrix (docs/security.md): every page, API method and
// server action of app/ is listed in tests/support/route-matrix.ts, and each
// answers every role × own scope × another district's scope × signed out as
// listed. A route missing from the list fails the first block.
import fs from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/generated/prisma/enums";
import { signInOverHttp, type Session } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { createSecurityScopes, type SecurityScopes } from "../support/security-factories";
import { allows, expectedOutcome, MATRIX_ROLES, UNSCOPED_ROLES, ROUTE_MATRIX, routeOfFile, type ActionEntry, type ApiEntry, type PageEntry } from "../support/route-matrix";
import { callServerAction, FORBIDDEN_ACTION_TEXT, inParallel, matches, pageForAction, requestApi, requestPage, serverActionsOfBuild, SIGNED_OUT_ACTION_TEXT, type ManifestAction } from "../support/security-http";

const ROOT = process.cwd();
const CLIENT = { "x-real-ip": `e2e-security-matrix-${process.pid}` };
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((child) => {
    const relative = `${dir}/${child.name}`;
    if (child.isDirectory()) return child.name === "node_modules" || child.name === "generated" ? [] : walk(relative);
    return [relative];
  });
}

const sourceFiles = () => ["app", "lib", "components"].flatMap(walk).filter((file) => /\.(ts|tsx)$/.test(file));
const isUseServer = (text: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text);

function exportedNames(text: string): string[] {
  const names = [...text.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(\w+)/g)].map((match) => match[1]);
  for (const match of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

const pages = ROUTE_MATRIX.filter((entry): entry is PageEntry => entry.kind === "page");
const apis = ROUTE_MATRIX.filter((entry): entry is ApiEntry => entry.kind === "api");
const actions = ROUTE_MATRIX.filter((entry): entry is ActionEntry => entry.kind === "action");

describe("the authorization matrix lists every route", () => {
  it("has every page (app/**/page.tsx), and no page that is gone", () => {
    const onDisk = walk("app").filter((file) => file.endsWith("/page.tsx")).map(routeOfFile).sort();
    const listed = pages.map((entry) => entry.route).sort();
    expect({ missingFromMatrix: onDisk.filter((route) => !listed.includes(route)), notOnDisk: listed.filter((route) => !onDisk.includes(route)) }).toEqual({ missingFromMatrix: [], notOnDisk: [] });
  });

  it("has every method of every API route (app/api/**/route.ts)", () => {
    const onDisk = walk("app")
      .filter((file) => file.endsWith("/route.ts"))
      .flatMap((file) => exportedNames(fs.readFileSync(path.join(ROOT, file), "utf8")).filter((name) => HTTP_METHODS.includes(name)).map((method) => `${method} ${routeOfFile(file)}`))
      .sort();
    const listed = apis.map((entry) => `${entry.method} ${entry.route}`).sort();
    expect({ missingFromMatrix: onDisk.filter((key) => !listed.includes(key)), notOnDisk: listed.filter((key) => !onDisk.includes(key)) }).toEqual({ missingFromMatrix: [], notOnDisk: [] });
  });

  it("has every export of every \"use server\" file, with the permission its formAction checks", () => {
    const onDisk: string[] = [];
    const declared: Record<string, string> = {};
    for (const file of sourceFiles()) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      if (!isUseServer(text)) continue;
      for (const name of exportedNames(text)) {
        onDisk.push(`${file}#${name}`);
        const match = new RegExp(`export\\s+const\\s+${name}\\s*=\\s*formAction\\(\\{([^}]*)\\}`).exec(text);
        declared[`${file}#${name}`] = match ? (/permission:\s*"([^"]+)"/.exec(match[1])?.[1] ?? "signed-in") : "not wrapped in formAction";
      }
    }
    const listed = actions.map((entry) => `${entry.file}#${entry.name}`);
    expect({ missingFromMatrix: onDisk.filter((key) => !listed.includes(key)).sort(), notOnDisk: listed.filter((key) => !onDisk.includes(key)).sort() }).toEqual({ missingFromMatrix: [], notOnDisk: [] });
    const mismatched = actions
      .map((entry) => ({ action: `${entry.file}#${entry.name}`, matrix: typeof entry.access === "string" ? entry.access : entry.access.permission, source: declared[`${entry.file}#${entry.name}`] }))
      .filter((row) => row.matrix !== row.source);
    expect(mismatched).toEqual([]);
  });

  it("finds every server action in the production build's manifest", () => {
    const built = serverActionsOfBuild().map((action) => `${action.filename}#${action.exportedName}`);
    expect(actions.map((entry) => `${entry.file}#${entry.name}`).filter((key) => !built.includes(key))).toEqual([]);
  });
});

describe("every role × own scope × another district × signed out", () => {
  let scopes: SecurityScopes;
  const sessions = new Map<Role, Session>();
  let manifest: ManifestAction[];

  beforeAll(async () => {
    scopes = await createSecurityScopes("Ma trận");
    for (const role of MATRIX_ROLES) {
      const { session, error } = await signInOverHttp(scopes.users[role].username, TEST_PASSWORD, CLIENT);
      if (error) throw new Error(`sign-in ${role}: ${error}`);
      sessions.set(role, session);
    }
    manifest = serverActionsOfBuild();
  }, 120_000);
  afterAll(closeTestDb);

  const subjects: (Role | null)[] = [null, ...MATRIX_ROLES];

  it("pages and API endpoints answer as the matrix says", async () => {
    type Case = { entry: PageEntry | ApiEntry; role: Role | null; scope: "own" | "foreign" };
    const cases: Case[] = [];
    for (const entry of [...pages, ...apis]) {
      if (entry.kind === "api" && entry.skipHttp) continue;
      for (const role of subjects) for (const scope of entry.scoped && role ? (["own", "foreign"] as const) : (["own"] as const)) cases.push({ entry, role, scope });
    }
    // Reads first, then writes, so that a write's effect cannot change what a read sees.
    cases.sort((a, b) => Number(a.entry.kind === "api" && a.entry.method !== "GET") - Number(b.entry.kind === "api" && b.entry.method !== "GET"));
    const results = await inParallel(cases, 4, async ({ entry, role, scope }) => {
      const ids = role ? scopes.idsFor(role, scope) : scopes.ids.own;
      const session = role ? sessions.get(role)! : null;
      const observed = entry.kind === "page" ? await requestPage(entry.path(ids), session) : await requestApi(entry.method, entry.path(ids), session, entry.body?.(ids));
      const expected = expectedOutcome(entry, role, scope);
      const route = entry.kind === "page" ? entry.route : `${entry.method} ${entry.route}`;
      return { line: `${route} · ${role ?? "signed out"} · ${scope}: expected ${expected}, got ${observed}`, ok: matches(expected, observed) };
    });
    expect(results.filter((result) => !result.ok).map((result) => result.line)).toEqual([]);
    expect(results.length).toBeGreaterThan(300);
  }, 240_000);

  it("server actions refuse signed-out and wrong-role calls and write nothing", async () => {
    const started = new Date();
    const before = { comments: await testDb().draftComment.count({ where: { draft: { id: { in: [scopes.ids.own.draft, scopes.ids.foreign.draft] } } } }) };
    type Case = { entry: ActionEntry; role: Role | null; action: ManifestAction };
    const cases: Case[] = [];
    for (const entry of actions) {
      const action = manifest.find((candidate) => candidate.filename === entry.file && candidate.exportedName === entry.name)!;
      for (const role of subjects) if (!allows(entry.access, role)) cases.push({ entry, role, action });
    }
    const results = await inParallel(cases, 4, async ({ entry, role, action }) => {
      const { status, text } = await callServerAction(action, pageForAction(action, scopes.ids.own), entry.fields?.(scopes.ids.own) ?? {}, role ? sessions.get(role)! : null);
      // Signed out, the proxy sends the POST to the sign-in page before the action runs, or the action itself says so.
      const refused = role === null ? (status >= 300 && status < 400) || text.includes(SIGNED_OUT_ACTION_TEXT) : text.includes(FORBIDDEN_ACTION_TEXT);
      return { action: `${entry.file}#${entry.name}`, role: role ?? "signed out", status, refused };
    });
    expect(results.filter((result) => !result.refused)).toEqual([]);
    expect(results.length).toBeGreaterThan(60);
    // Nothing written: no audit event (every change writes one) by the matrix's accounts or in its units, no new comment.
    const unitIds = [scopes.ids.own.ward, scopes.ids.own.branch, scopes.ids.foreign.ward, scopes.ids.foreign.branch];
    const userIds = MATRIX_ROLES.map((role) => scopes.users[role].id);
    const written = await testDb().auditEvent.findMany({ where: { occurredAt: { gte: started }, NOT: { action: { startsWith: "auth." } }, OR: [{ actorUserId: { in: userIds } }, { orgUnitId: { in: unitIds } }] } });
    expect(written.map((event) => event.action)).toEqual([]);
    expect(await testDb().draftComment.count({ where: { draft: { id: { in: [scopes.ids.own.draft, scopes.ids.foreign.draft] } } } })).toBe(before.comments);
  }, 240_000);

  it("server actions with ids: permitted roles pass the check in their own scope, and another district's ids are not found (IDOR)", async () => {
    type Case = { entry: ActionEntry; role: Role; action: ManifestAction; scope: "own" | "foreign" };
    const cases: Case[] = [];
    for (const entry of actions.filter((candidate) => candidate.fields)) {
      const action = manifest.find((candidate) => candidate.filename === entry.file && candidate.exportedName === entry.name)!;
      for (const role of MATRIX_ROLES) if (allows(entry.access, role)) for (const scope of ["foreign", "own"] as const) cases.push({ entry, role, action, scope });
    }
    const foreign = scopes.ids.foreign;
    // Administrators may act everywhere (their writes are expected); nobody else may change the foreign district.
    const admin = scopes.users.ADMIN.id;
    const foreignBefore = await foreignState(foreign, admin);
    const results = await inParallel(cases, 3, async ({ entry, role, action, scope }) => {
      const { text } = await callServerAction(action, pageForAction(action, scopes.ids.own), entry.fields!(scopes.idsFor(role, scope)), sessions.get(role)!);
      const passedAuth = !text.includes(FORBIDDEN_ACTION_TEXT) && !text.includes(SIGNED_OUT_ACTION_TEXT);
      const notFound = /Không tìm thấy|không tồn tại|ngoài phạm vi/i.test(text) && !/"status":"success"/.test(text);
      const ok = scope === "own" || UNSCOPED_ROLES.includes(role) ? passedAuth : notFound;
      return { line: `${entry.file}#${entry.name} · ${role} · ${scope}: ${ok ? "ok" : text.slice(-240)}`, ok };
    });
    expect(results.filter((result) => !result.ok).map((result) => result.line)).toEqual([]);
    expect(await foreignState(foreign, admin)).toEqual(foreignBefore);
  }, 240_000);
});

/** What a foreign write would change: comments, their resolution, feedback, the meeting, the users. */
async function foreignState(ids: { draft: number; feedback: number; meeting: number; user: number; branch: number }, exceptActor: number) {
  const db = testDb();
  return {
    comments: await db.draftComment.findMany({ where: { draftId: ids.draft }, orderBy: { id: "asc" } }),
    draft: await db.draft.findUnique({ where: { id: ids.draft } }),
    feedback: await db.feedback.findUnique({ where: { id: ids.feedback } }),
    meeting: await db.meeting.findUnique({ where: { id: ids.meeting } }),
    user: await db.user.findUnique({ where: { id: ids.user }, select: { active: true, lockedUntil: true, failedLoginCount: true } }),
    audit: await db.auditEvent.count({ where: { orgUnitId: ids.branch, NOT: [{ action: { startsWith: "auth." } }, { actorUserId: exceptActor }] } }),
  };
}
