// Real answers of every /api/v1 endpoint, for every role that may call it,
// checked against the OpenAPI document the server publishes: the status is one
// the document lists for the operation, and a JSON body matches its schema.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { Role } from "@/lib/generated/prisma/enums";
import { api, baseUrl, signInOverHttp, type Session } from "../support/http";
import { TEST_PASSWORD } from "../support/factories";
import { closeTestDb } from "../support/db";
import { createSecurityScopes, type SecurityScopes } from "../support/security-factories";
import { allows, MATRIX_ROLES, ROUTE_MATRIX, type ApiEntry } from "../support/route-matrix";
import { inParallel } from "../support/security-http";

const CLIENT = { "x-real-ip": `e2e-api-openapi-${process.pid}` };

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** /api/v1/drafts/[id]/comments/[cid]/resolve → /drafts/{id}/comments/{cid}/resolve */
const documentPath = (route: string) => route.replace(/^\/api\/v1/, "").replace(/\[(\w+)\]/g, "{$1}");
const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

afterAll(closeTestDb);

describe("responses match the published OpenAPI document", () => {
  let document: OpenApi;
  let ajv: Ajv2020;
  let scopes: SecurityScopes;
  const sessions = new Map<Role, Session>();
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    const published = await api("/api/v1/openapi.json");
    expect(published.status).toBe(200);
    document = published.body as unknown as OpenApi;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document as object, "openapi.json");
    scopes = await createSecurityScopes("OpenAPI");
    for (const role of MATRIX_ROLES) {
      const { session, error } = await signInOverHttp(scopes.users[role].username, TEST_PASSWORD, CLIENT);
      if (error) throw new Error(`sign-in ${role}: ${error}`);
      sessions.set(role, session);
    }
  }, 180_000);

  function check(entry: ApiEntry, status: number, contentType: string, body: unknown): string | null {
    const operation = document.paths[documentPath(entry.route)]?.[entry.method.toLowerCase()];
    if (!operation) return "not in the document";
    const response = operation.responses[String(status)];
    if (!response) return `status ${status} not in the document (${JSON.stringify(body).slice(0, 200)})`;
    const mediaType = contentType.split(";")[0].trim();
    if (!response.content?.[mediaType]) return `${status} ${mediaType} not in the document`;
    if (mediaType !== "application/json") return null;
    const key = pointer("paths", documentPath(entry.route), entry.method.toLowerCase(), "responses", String(status), "content", mediaType, "schema");
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#/${key}` });
      validators.set(key, validate);
    }
    return validate(body) ? null : `${status}: ${ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 600)}`;
  }

  async function call(entry: ApiEntry, session: Session | null, role: Role | null) {
    const ids = role ? scopes.idsFor(role, "own") : scopes.ids.own;
    const headers: Record<string, string> = { ...CLIENT };
    if (session) headers.cookie = session.cookie;
    const payload = entry.body?.(ids);
    let body: string | undefined;
    if (payload !== undefined) {
      body = typeof payload === "string" ? payload : JSON.stringify(payload);
      headers["content-type"] = typeof payload === "string" ? "text/csv" : "application/json";
    }
    if (entry.method !== "GET") headers.origin = new URL(baseUrl()).origin;
    const response = await fetch(`${baseUrl()}${entry.path(ids)}`, { method: entry.method, headers, body, redirect: "manual" });
    const contentType = response.headers.get("content-type") ?? "";
    const parsed = contentType.includes("json") ? await response.json() : (await response.arrayBuffer(), null);
    return { status: response.status, contentType, body: parsed };
  }

  const entries = ROUTE_MATRIX.filter((entry): entry is ApiEntry => entry.kind === "api" && !entry.skipHttp);

  it("every API entry of the route matrix is in the document", () => {
    expect(entries.filter((entry) => !document.paths[documentPath(entry.route)]?.[entry.method.toLowerCase()]).map((entry) => `${entry.method} ${entry.route}`)).toEqual([]);
  });

  it("answers every role that may call an endpoint (and a signed-out caller) with what the document says", async () => {
    type Case = { entry: ApiEntry; role: Role | null };
    const cases: Case[] = [];
    for (const entry of entries) {
      cases.push({ entry, role: null });
      for (const role of MATRIX_ROLES) if (allows(entry.access, role)) cases.push({ entry, role });
    }
    // Reads first, then writes, so that the reads see the data the factories made.
    cases.sort((a, b) => Number(a.entry.method !== "GET") - Number(b.entry.method !== "GET"));
    const results = await inParallel(cases, 3, async ({ entry, role }) => {
      const answer = await call(entry, role ? sessions.get(role)! : null, role);
      const problem = check(entry, answer.status, answer.contentType, answer.body);
      return { line: `${entry.method} ${entry.route} · ${role ?? "signed out"}: ${problem}`, problem, status: answer.status };
    });
    expect(results.filter((result) => result.problem).map((result) => result.line)).toEqual([]);
    // Most calls succeed: the check is about real data, not only error bodies.
    expect(results.filter((result) => result.status >= 200 && result.status < 300).length).toBeGreaterThan(120);
  }, 300_000);

  it("describes bad input answers too: a 400 with the error shape", async () => {
    const bad: [ApiEntry["method"], string, string][] = [
      ["GET", "/api/v1/org-units", "/api/v1/org-units?parentId=abc"],
      ["GET", "/api/v1/meetings", "/api/v1/meetings?period=2026-13"],
      ["GET", "/api/v1/stats/handbook", "/api/v1/stats/handbook?period=26-1"],
      ["GET", "/api/v1/drafts", "/api/v1/drafts?sort=sideways"],
    ];
    const problems: string[] = [];
    for (const [method, route, path] of bad) {
      const entry = entries.find((candidate) => candidate.route === route && candidate.method === method)!;
      const answer = await call({ ...entry, path: () => path }, sessions.get("BOARD_REVIEWER")!, "BOARD_REVIEWER");
      expect(answer.status).toBe(400);
      const problem = check(entry, answer.status, answer.contentType, answer.body);
      if (problem) problems.push(`${path}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
