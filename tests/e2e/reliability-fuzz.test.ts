// Fuzzing every /api endpoint and every import kind:
// random and malformed bodies, query strings and path ids, sent over HTTP to
// a production server of our own on a private copy of the test database.
// Properties: never a 5xx; a rejected request leaves the database unchanged.
// "Unchanged" is checked twice: row-level triggers on every table of the copy
// (bookkeeping tables excepted, see BOOKKEEPING_TABLES and docs/reliability.md)
// log each committed row change, read after every request; and row counts plus
// a digest of every row of every table are compared before and after the run.
//
// Reproduce a failure: FUZZ_SEED=<printed seed> npx jest tests/e2e/reliability-fuzz.test.ts
// More runs: FUZZ_RUNS=200 (default 14 per endpoint and method).
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type pg from "pg";
import { IMPORT_DEFINITIONS } from "@/lib/imports/registry";
import { generateTokenSecret, hashTokenSecret, TOKEN_PREFIX } from "@/lib/tokens/token-secret";
import { allowMoreSignIns, BOOKKEEPING_TABLES, cloneDatabase, databaseChecksums, dropDatabase, queryRows, signIn, startAppServer, type AppServer, type TableChecksum } from "../support/reliability-stack";

// ApiToken.lastUsedAt is stamped when a token is used (at most once a minute): bookkeeping too.
const IGNORED_TABLES = [...BOOKKEEPING_TABLES, "ApiToken"];
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env.FUZZ_RUNS ?? 14);
const ROOT = path.resolve(__dirname, "../..");

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Ids = { draftId: number; commentId: number; feedbackId: number; meetingId: number; branchId: number; unitId: number };

/** Every route file's methods, read from app/api (a new endpoint not listed in ENDPOINTS fails the test). */
function discoverEndpoints(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/" + path.relative(path.join(ROOT, "app"), dir).split(path.sep).join("/");
        const text = fs.readFileSync(full, "utf8");
        for (const match of text.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${match[1]} ${route}`);
        for (const match of text.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const name of match[1].split(",").map((part) => part.trim().split(/\s+as\s+/).pop()!)) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) found.push(`${name} ${route}`);
        }
      }
    }
  };
  walk(path.join(ROOT, "app", "api"));
  return [...new Set(found)].sort();
}

// Path template → how to fill its dynamic segments with a real id in scope (or a fuzzed one).
const ENDPOINTS: Record<string, (ids: Ids) => Record<string, string>> = {
  "GET /api/auth/[...nextauth]": () => ({ "[...nextauth]": "session" }),
  "POST /api/auth/[...nextauth]": () => ({ "[...nextauth]": "callback/credentials" }),
  "GET /api/v1/branches/[id]/members": (ids) => ({ "[id]": String(ids.branchId) }),
  "GET /api/v1/branches/[id]/fees": (ids) => ({ "[id]": String(ids.branchId) }),
  "PUT /api/v1/branches/[id]/fees": (ids) => ({ "[id]": String(ids.branchId) }),
  "GET /api/v1/branches/[id]/fees/export": (ids) => ({ "[id]": String(ids.branchId) }),
  "POST /api/v1/drafts/[id]/comments/[cid]/resolve": (ids) => ({ "[id]": String(ids.draftId), "[cid]": String(ids.commentId) }),
  "POST /api/v1/drafts/[id]/comments/[cid]/suggestion": (ids) => ({ "[id]": String(ids.draftId), "[cid]": String(ids.commentId) }),
  "POST /api/v1/drafts/[id]/comments": (ids) => ({ "[id]": String(ids.draftId) }),
  "GET /api/v1/drafts/[id]/diff": (ids) => ({ "[id]": String(ids.draftId) }),
  "POST /api/v1/drafts/[id]/review": (ids) => ({ "[id]": String(ids.draftId) }),
  "GET /api/v1/drafts/[id]": (ids) => ({ "[id]": String(ids.draftId) }),
  "GET /api/v1/drafts/export": () => ({}),
  "GET /api/v1/drafts/guidance": () => ({}),
  "POST /api/v1/drafts/guidance": () => ({}),
  "GET /api/v1/drafts": () => ({}),
  "POST /api/v1/drafts": () => ({}),
  "GET /api/v1/drafts/summary": () => ({}),
  "GET /api/v1/drafts/working-copy": () => ({}),
  "PUT /api/v1/drafts/working-copy": () => ({}),
  "GET /api/v1/attachments": () => ({}),
  "POST /api/v1/attachments": () => ({}),
  "GET /api/v1/attachments/[id]/file": () => ({ "[id]": "1" }),
  "GET /api/v1/documents": () => ({}),
  "POST /api/v1/documents": () => ({}),
  "GET /api/v1/documents/generate": () => ({}),
  "GET /api/v1/documents/[id]/file": () => ({ "[id]": "1" }),
  "POST /api/v1/feedback/[id]/ack": (ids) => ({ "[id]": String(ids.feedbackId) }),
  "GET /api/v1/followers/assignments": () => ({}),
  "PUT /api/v1/followers/assignments/[id]": (ids) => ({ "[id]": String(ids.unitId) }),
  "DELETE /api/v1/followers/assignments/[id]": (ids) => ({ "[id]": String(ids.unitId) }),
  "GET /api/v1/feedback": () => ({}),
  "GET /api/v1/health": () => ({}),
  "POST /api/v1/imports/[kind]": () => ({ "[kind]": "members" }),
  "GET /api/v1/imports/jobs/[id]": () => ({ "[id]": "6f1c1f7e-3a43-4c39-9d4e-2f8f0d9d1a11" }),
  "GET /api/v1/me": () => ({}),
  "POST /api/v1/meetings/[id]/close": (ids) => ({ "[id]": String(ids.meetingId) }),
  "GET /api/v1/meetings/[id]": (ids) => ({ "[id]": String(ids.meetingId) }),
  "POST /api/v1/meetings/alerts/dismiss": () => ({}),
  "GET /api/v1/meetings/alerts": () => ({}),
  "GET /api/v1/meetings/compliance/export": () => ({}),
  "GET /api/v1/meetings/compliance": () => ({}),
  "POST /api/v1/meetings/reopen": () => ({}),
  "GET /api/v1/meetings": () => ({}),
  "PUT /api/v1/meetings": () => ({}),
  "GET /api/v1/meetings/schedules": () => ({}),
  "PUT /api/v1/meetings/schedules": () => ({}),
  "GET /api/v1/members/flags": () => ({}),
  "GET /api/v1/notifications/count": () => ({}),
  "POST /api/v1/notifications/read": () => ({}),
  "GET /api/v1/notifications": () => ({}),
  "GET /api/v1/openapi.json": () => ({}),
  "GET /api/v1/org-units/[id]": (ids) => ({ "[id]": String(ids.unitId) }),
  "GET /api/v1/org-units/[id]/history": (ids) => ({ "[id]": String(ids.unitId) }),
  "POST /api/v1/org-units/restructure": () => ({}),
  "GET /api/v1/org-units": () => ({}),
  "GET /api/v1/stats/handbook/export": () => ({}),
  "GET /api/v1/stats/handbook/lagging": () => ({}),
  "GET /api/v1/stats/handbook": () => ({}),
  "PUT /api/v1/stats/handbook": () => ({}),
  "GET /api/v1/stats/handbook/series": () => ({}),
  "GET /api/v1/stats/handbook/snapshots": () => ({}),
};

// Names the endpoints read, so that the fuzzer reaches their validation and not only "unknown field".
const QUERY_KEYS = ["page", "pageSize", "period", "orgUnitId", "status", "flag", "q", "sort", "year", "from", "to", "parentId", "dryRun", "jobId", "fileName", "format", "tree", "kind", "months", "branchId", "versionNo", "from", "against", "grouping", "onlyMissing", "date", "draftId", "meetingId", "number"];
const BODY_KEYS = ["period", "body", "title", "versionNo", "anchor", "quote", "start", "end", "parentId", "suggestion", "decision", "flags", "summary", "expectedVersionNo", "reply", "branchId", "kind", "heldOn", "usedHandbook", "attendance", "memberId", "status", "reason", "fees", "paid", "amount", "date", "rows", "branchCode", "minutes", "notes", "documents", "ids", "baseVersionNo", "accept", "until", "orgUnitId", "alertKey", "username", "password", "csrfToken", "type", "effectiveDate", "sourceIds", "target", "targets", "childIds", "unitId", "newParentId", "sourceId", "name", "code", "users", "draftId", "meetingId", "number", "userId"];
const NASTY = ["", " ", "0", "-1", "1e309", "NaN", "Infinity", "9".repeat(40), "2026-13", "2026-02-30", "0000-00", "null", "true", "[]", "{}", "' OR 1=1 --", "\"; DROP TABLE \"User\"; --", "%00", "\u0000", "\uD800", "a".repeat(5000), "Hòa Bình", "hoà", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "../../etc/passwd", "APPROVED", "PRESENT", "MONTHLY", "2026-11", "2026-11-26", "1", "500", "501"];

const scalar = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.integer().map(String), fc.double().map(String), fc.string({ unit: "binary", maxLength: 20 }));
const queryArb = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), scalar), { maxLength: 6 });
const jsonish = fc.jsonValue({ maxDepth: 3 });
const plausibleObject = fc.dictionary(fc.constantFrom(...BODY_KEYS), fc.oneof(jsonish, scalar, fc.array(fc.dictionary(fc.constantFrom(...BODY_KEYS), jsonish, { maxKeys: 4 }), { maxLength: 3 })), { maxKeys: 8 });
const bodyArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 4, arbitrary: plausibleObject.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: jsonish.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: plausibleObject.map((value) => JSON.stringify(value)).chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))) },
  { weight: 1, arbitrary: fc.constantFrom("{", "[", "{\"a\":}", "\uFEFF{}", "null", "\"\"", "1".repeat(400), "{\"__proto__\":{\"admin\":true}}", "{\"constructor\":{\"prototype\":{}}}") },
  { weight: 1, arbitrary: fc.constant(null) },
);
const segmentArb = fc.oneof(fc.constantFrom("0", "-1", "abc", "1.5", "99999999999", "2147483648", "1e3", "%20", "%00", "..", "null", "😀"), fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent));
const contentTypeArb = fc.constantFrom("application/json", "application/json", "text/plain", "application/x-www-form-urlencoded", "text/csv; charset=utf-8", "");

function csvArb(): fc.Arbitrary<string> {
  const headers = IMPORT_DEFINITIONS.flatMap((definition) => definition.columns.flatMap((column) => [column.header, column.field, ...(column.aliases ?? [])]));
  const cell = fc.oneof(fc.constantFrom(...NASTY.filter((value) => value.length < 100), "LB-BD-01", "LB-BD", "chibo-lb-bd-01", "01/13/2026", "31/02/2026", "2026-11-01", "x;y", "\"unterminated", "a\nb", "=1+1", "Nam", "Nữ", "ACTIVE", "có", "không"), fc.string({ maxLength: 20 }));
  return fc
    .record({
      bom: fc.boolean(),
      separator: fc.constantFrom(",", ";", "\t", "|"),
      header: fc.subarray(headers, { minLength: 0, maxLength: 12 }),
      rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 }),
      junk: fc.option(fc.string({ maxLength: 80 })),
    })
    .map(({ bom, separator, header, rows, junk }) => (bom ? "\uFEFF" : "") + [header.join(separator), ...rows.map((row) => row.join(separator))].join("\r\n") + (junk ?? ""));
}

let server: AppServer;
let copyUrl: string;
let sessions: { label: string; cookie?: string; token?: string }[];
let ids: Ids;
let baseline: TableChecksum[];
const tally = { requests: 0, byStatus: new Map<number, number>(), acceptedWrites: 0, checksums: 0, changedByAccepted: new Set<string>() };

const query = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => queryRows<T>(copyUrl, sql, params);

/** Logs every committed row change of every domain table into "_fuzz_changes" (transactional: a rolled-back write logs nothing). */
async function installChangeLog(): Promise<void> {
  const tables = await query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  await query(`CREATE TABLE "_fuzz_changes" (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await query(`CREATE FUNCTION fuzz_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "_fuzz_changes" (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  for (const { name } of tables) {
    if (IGNORED_TABLES.includes(name)) continue;
    await query(`CREATE TRIGGER fuzz_log_change AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_log_change()`);
  }
}

let lastChange = 0;
/** Domain tables changed since the previous call. */
async function changesSinceLastCheck(): Promise<string[]> {
  const rows = await query<{ tbl: string; op: string; n: string; last: string }>(`SELECT tbl, op, count(*)::text AS n, max(id)::text AS last FROM "_fuzz_changes" WHERE id > $1 GROUP BY tbl, op`, [lastChange]);
  for (const row of rows) lastChange = Math.max(lastChange, Number(row.last));
  return rows.map((row) => `${row.op} ${row.tbl} ×${row.n}`);
}

async function checksums() {
  tally.checksums++;
  return databaseChecksums(copyUrl, { exclude: [...IGNORED_TABLES, "_fuzz_changes"] });
}

function changedTables(before: TableChecksum[], after: TableChecksum[]): string[] {
  const index = new Map(before.map((entry) => [entry.table, entry]));
  return after.filter((entry) => index.get(entry.table)?.md5 !== entry.md5 || index.get(entry.table)?.rows !== entry.rows).map((entry) => `${entry.table} (${index.get(entry.table)?.rows ?? 0} → ${entry.rows})`);
}

beforeAll(async () => {
  console.log(`Fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
  copyUrl = await cloneDatabase(process.env.DATABASE_URL!);
  server = await startAppServer(copyUrl);
  await allowMoreSignIns(copyUrl);
  const accounts = ["admin", "bantochuc", "lanhdao", "phuong-bo-de", "chibo-lb-bd-01"];
  sessions = [{ label: "anonymous" }];
  for (const username of accounts) sessions.push({ label: username, cookie: await signIn(server.baseUrl, username) });
  // An API token of the district (as PUT /stats/handbook expects), written straight into the copy.
  const secret = generateTokenSecret();
  const [admin] = await query<{ id: number }>(`SELECT id FROM "User" WHERE username = 'admin'`);
  const [district] = await query<{ id: number }>(`SELECT id FROM "OrgUnit" WHERE code = 'LB'`);
  await query(`INSERT INTO "ApiToken" (name, "tokenPrefix", "tokenHash", role, "orgUnitId", "createdById") VALUES ('fuzz', $1, $2, 'BOARD_REVIEWER', $3, $4)`, [TOKEN_PREFIX, hashTokenSecret(secret), district.id, admin.id]);
  sessions.push({ label: "token", token: secret });
  await fetch(`${server.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${secret}` } }); // first use stamps lastUsedAt

  const [branch] = await query<{ id: number; parentId: number }>(`SELECT id, "parentId" FROM "OrgUnit" WHERE code = 'LB-BD-01'`);
  const [draft] = await query<{ id: number }>(`SELECT id FROM "Draft" WHERE "branchId" = $1 ORDER BY id DESC LIMIT 1`, [branch.id]);
  const [comment] = await query<{ id: number }>(`SELECT id FROM "DraftComment" WHERE "draftId" = $1 ORDER BY id LIMIT 1`, [draft?.id ?? 0]);
  const [feedback] = await query<{ id: number }>(`SELECT id FROM "Feedback" WHERE "branchId" = $1 ORDER BY id DESC LIMIT 1`, [branch.id]);
  const [meeting] = await query<{ id: number }>(`SELECT id FROM "Meeting" WHERE "branchId" = $1 ORDER BY id DESC LIMIT 1`, [branch.id]);
  ids = { draftId: draft?.id ?? 1, commentId: comment?.id ?? 1, feedbackId: feedback?.id ?? 1, meetingId: meeting?.id ?? 1, branchId: branch.id, unitId: branch.parentId };
  await installChangeLog();
  baseline = await checksums();
}, 300_000);

afterAll(async () => {
  console.log(
    `Fuzz: FUZZ_SEED=${SEED}, ${tally.requests} requests, statuses ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort()))}, ` +
      `${tally.acceptedWrites} accepted writes (${[...tally.changedByAccepted].join("; ") || "none"}), ${tally.checksums} full database checksums`,
  );
  await server?.stop();
  if (copyUrl) await dropDatabase(copyUrl);
});

type Sent = { status: number; text: string; description: string };

async function send(method: Method, url: string, session: (typeof sessions)[number], body: string | null, contentType: string): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (session.cookie) headers.cookie = session.cookie;
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (contentType && body !== null) headers["content-type"] = contentType;
  const response = await fetch(url, { method, headers, body: method === "GET" || method === "DELETE" ? undefined : body, redirect: "manual" });
  const text = await response.text();
  tally.requests++;
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
  return { status: response.status, text, description: `${method} ${url} as ${session.label} (${contentType || "no content-type"}) body=${body === null ? "∅" : JSON.stringify(body.slice(0, 300))}` };
}

/** After each request: a rejected one (or any GET) must have changed no domain table. */
async function checkDatabase(sent: Sent, acceptedWrite: boolean, bookkeeping: string[] = []) {
  const changes = (await changesSinceLastCheck()).filter((change) => !bookkeeping.includes(change.split(" ")[1]));
  if (!changes.length) return;
  if (acceptedWrite) {
    tally.acceptedWrites++;
    tally.changedByAccepted.add(changes.join(", "));
    return;
  }
  throw new Error(`Yêu cầu bị từ chối (${sent.status}) nhưng dữ liệu đã đổi: ${changes.join(", ")}\n${sent.description}`);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\[[^\]]+\]/g, (segment) => values[segment] ?? "1");
}

describe("fuzzing every API endpoint and every import", () => {
  it("covers every route of app/api (a new endpoint must be added to the fuzzer)", () => {
    expect(discoverEndpoints()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  it.each(Object.keys(ENDPOINTS).sort())("%s: random and malformed input → never 5xx, a rejected write changes nothing", async (endpoint) => {
    const [method, template] = endpoint.split(" ") as [Method, string];
    const segments = template.match(/\[[^\]]+\]/g) ?? [];
    const unsafe = method !== "GET";
    let failure: Sent | undefined;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(sessions.length - 1),
        queryArb,
        bodyArb,
        contentTypeArb,
        fc.array(fc.option(segmentArb, { freq: 2 }), { minLength: segments.length, maxLength: segments.length }),
        async (who, queryPairs, body, contentType, fuzzedSegments) => {
          const real = ENDPOINTS[endpoint](ids);
          const values: Record<string, string> = {};
          segments.forEach((segment, index) => (values[segment] = fuzzedSegments[index] ?? real[segment]));
          const search = new URLSearchParams(queryPairs).toString();
          const url = `${server.baseUrl}${fill(template, values)}${search ? `?${search}` : ""}`;
          const sent = await send(method, url, sessions[who], body, contentType);
          if (sent.status >= 500) {
            failure = sent;
            return false;
          }
          // A sign-in attempt updates the account's lock-out counters (User.failedLoginCount, lockedUntil, lastLoginAt) by design.
          await checkDatabase(sent, unsafe && sent.status < 400 && !template.startsWith("/api/auth"), template.startsWith("/api/auth") ? ["User"] : []);
          return true;
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${error.cause instanceof Error ? error.cause.message : ""}\n${failure ? `${failure.status} ${failure.description}\n${failure.text.slice(0, 500)}` : ""}\nTái hiện: FUZZ_SEED=${SEED}`);
    });
  });

  it.each(IMPORT_DEFINITIONS.map((definition) => definition.kind))("import %s: random CSV files → never 5xx, nothing written unless a row was accepted", async (kind) => {
    let failure: Sent | undefined;
    await fc.assert(
      fc.asyncProperty(fc.nat(sessions.length - 1), csvArb(), fc.constantFrom("", "?dryRun=1", "?dryRun=0", "?dryRun=maybe", "?jobId=x", "?fileName=" + "a".repeat(300)), async (who, csv, search) => {
        const sent = await send("POST", `${server.baseUrl}/api/v1/imports/${kind}${search}`, sessions[who], csv, "text/csv; charset=utf-8");
        if (sent.status >= 500) {
          failure = sent;
          return false;
        }
        let accepted = 0;
        try {
          accepted = Number((JSON.parse(sent.text) as { accepted?: number }).accepted ?? 0);
        } catch {
          // an error body
        }
        await checkDatabase(sent, sent.status < 400 && accepted > 0 && !search.includes("dryRun=1"));
        return true;
      }),
      { seed: SEED, numRuns: RUNS * 3, endOnFailure: true },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${error.cause instanceof Error ? error.cause.message : ""}\n${failure ? `${failure.status} ${failure.description}\n${failure.text.slice(0, 500)}` : ""}\nTái hiện: FUZZ_SEED=${SEED}`);
    });
  });

  it("row counts and content checksums of every table: unchanged unless an accepted write changed them", async () => {
    const changed = changedTables(baseline, await checksums());
    if (tally.acceptedWrites === 0) expect(changed).toEqual([]);
    else console.log(`Bảng đổi do ${tally.acceptedWrites} yêu cầu ghi hợp lệ: ${changed.join(", ")}`);
  });
});
