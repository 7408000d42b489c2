// A mixed workload of simulated users (reviewers, ward committees, branch
// secretaries, leaders) against one or more app instances sharing one
// database: reads (queue, detail, compliance, dashboards, pages) and writes
// (comments, autosaved working copies), then a check in the database that
// every acknowledged write is there. Used by `npm run test:load` (scripts/load/mixed.ts)
// and, in a short form, by tests/e2e/reliability-load.test.ts.
import crypto from "node:crypto";
import pg from "pg";
import { allowMoreSignIns, signIn } from "@/scripts/lib/app-server";
import { percentile } from "@/scripts/lib/bench";
import { addMonths, currentPeriod } from "@/lib/periods/period";

export type LoadOptions = {
  /** One or more instances; user i talks to baseUrls[(request number) % n]: requests alternate between instances. */
  baseUrls: string[];
  databaseUrl: string;
  users?: number;
  durationMs: number;
  log?: (message: string) => void;
};

export type LoadFigures = {
  instances: number;
  users: number;
  durationS: number;
  requests: number;
  rps: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  unexpected: { what: string; status: number; body: string }[];
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  writesAcknowledged: number;
  writesFound: number;
  lostWrites: string[];
  byRole: Record<string, { requests: number; p50Ms: number; p95Ms: number }>;
};

type Role = "reviewer" | "ward" | "secretary" | "leader";
type Account = { role: Role; username: string; cookie?: string };
type Call = { what: string; method: string; path: string; body?: unknown; expect: number[] };

const WARDS = ["bd", "ck", "dg", "gt", "gb", "lb", "nl", "nt", "pd", "pl", "sd", "tb", "tt", "vh"];
const WARD_ACCOUNTS: Record<string, string> = { bd: "phuong-bo-de", ck: "phuong-cu-khoi", dg: "phuong-duc-giang", gt: "phuong-gia-thuy", gb: "phuong-giang-bien", lb: "phuong-long-bien", nl: "phuong-ngoc-lam", nt: "phuong-ngoc-thuy", pd: "phuong-phuc-dong", pl: "phuong-phuc-loi", sd: "phuong-sai-dong", tb: "phuong-thach-ban", tt: "phuong-thuong-thanh", vh: "phuong-viet-hung" };

/** The simulated users: about a quarter of each role; each user has their own account where the demo has one per unit. */
function planUsers(count: number): Account[] {
  const users: Account[] = [];
  for (let i = 0; i < count; i++) {
    const slot = i % 4;
    if (slot === 0) users.push({ role: "secretary", username: `chibo-lb-${WARDS[i % WARDS.length]}-${String(1 + Math.floor(i / WARDS.length)).padStart(2, "0")}` });
    else if (slot === 1) users.push({ role: "ward", username: WARD_ACCOUNTS[WARDS[i % WARDS.length]] });
    else if (slot === 2) users.push({ role: "reviewer", username: "bantochuc" });
    else users.push({ role: "leader", username: i % 8 === 3 ? "lanhdao" : "lanhdao-thanhpho" });
  }
  return users;
}

/** Whole milliseconds at a percentile; 0 without samples. */
function percentileMs(samples: number[], p: number): number {
  return samples.length ? Math.round(percentile(samples, p)) : 0;
}

function hanoiPeriod(offsetMonths = 0): string {
  return addMonths(currentPeriod(), offsetMonths);
}

export async function runMixedLoad(options: LoadOptions): Promise<LoadFigures> {
  const log = options.log ?? (() => undefined);
  const userCount = options.users ?? 50;
  const runId = crypto.randomBytes(4).toString("hex");
  const users = planUsers(userCount);

  // Sign in each distinct account once (on alternating instances: a session made by one instance must work on the other).
  const cookies = new Map<string, string>();
  const distinct = [...new Set(users.map((user) => user.username))];
  for (const [index, username] of distinct.entries()) {
    if (index % 20 === 0) await allowMoreSignIns(options.databaseUrl);
    cookies.set(username, await signIn(options.baseUrls[index % options.baseUrls.length], username));
  }
  for (const user of users) user.cookie = cookies.get(user.username);
  log(`Đã đăng nhập ${distinct.length} tài khoản cho ${users.length} người dùng mô phỏng; chạy ${Math.round(options.durationMs / 1000)} giây trên ${options.baseUrls.length} phiên bản ...`);

  const latencies: number[] = [];
  const roleLatencies = new Map<Role, number[]>();
  const byStatus: Record<string, number> = {};
  const unexpected: LoadFigures["unexpected"] = [];
  const acknowledgedComments = new Set<string>();
  const lastSavedCopy = new Map<string, { period: string; body: string }>();
  let requestNo = 0;

  async function call(user: Account, spec: Call): Promise<{ status: number; json: unknown }> {
    const baseUrl = options.baseUrls[requestNo++ % options.baseUrls.length];
    const started = performance.now();
    let status = 0;
    let text = "";
    try {
      const response = await fetch(`${baseUrl}${spec.path}`, {
        method: spec.method,
        headers: { cookie: user.cookie!, ...(spec.body === undefined ? {} : { "content-type": "application/json" }) },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        redirect: "manual",
        signal: AbortSignal.timeout(60_000),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      text = String(error);
    }
    const elapsed = performance.now() - started;
    latencies.push(elapsed);
    if (!roleLatencies.has(user.role)) roleLatencies.set(user.role, []);
    roleLatencies.get(user.role)!.push(elapsed);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (!spec.expect.includes(status) && unexpected.length < 50) unexpected.push({ what: `${user.username} ${spec.what} ${spec.method} ${spec.path}`, status, body: text.slice(0, 300) });
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // a page
    }
    return { status, json };
  }

  const deadline = Date.now() + options.durationMs;
  const period = hanoiPeriod(0);
  const previous = hanoiPeriod(-1);
  const writePeriod = hanoiPeriod(2);

  async function simulate(user: Account, index: number) {
    // What this user may open: drafts of their scope (from the queue).
    const queue = await call(user, { what: "queue", method: "GET", path: `/api/v1/drafts?pageSize=50&period=${previous}`, expect: [200] });
    const draftIds = ((queue.json as { items?: { id: number }[] })?.items ?? []).map((item) => item.id);
    let step = 0;
    while (Date.now() < deadline) {
      step++;
      const pick = draftIds.length ? draftIds[(index * 7 + step) % draftIds.length] : undefined;
      const marker = `tải-${runId}-${index}-${step}`;
      let spec: Call;
      switch (user.role) {
        case "reviewer":
          spec = [
            { what: "queue", method: "GET", path: `/api/v1/drafts?period=${previous}&pageSize=20&page=${1 + (step % 5)}`, expect: [200] },
            { what: "detail", method: "GET", path: `/api/v1/drafts/${pick ?? 1}`, expect: [200, 404] },
            { what: "comment", method: "POST", path: `/api/v1/drafts/${pick ?? 1}/comments`, body: { body: marker }, expect: [201, 200] },
            { what: "page", method: "GET", path: `/drafts?period=${previous}`, expect: [200] },
          ][step % 4];
          break;
        case "ward":
          spec = [
            { what: "feedback", method: "GET", path: "/api/v1/feedback?status=open", expect: [200] },
            { what: "compliance", method: "GET", path: `/api/v1/meetings/compliance?period=${previous}`, expect: [200] },
            { what: "comment", method: "POST", path: `/api/v1/drafts/${pick ?? 1}/comments`, body: { body: marker }, expect: [201, 200] },
            { what: "page", method: "GET", path: "/meetings", expect: [200] },
            { what: "notifications", method: "GET", path: "/api/v1/notifications/count", expect: [200] },
          ][step % 5];
          break;
        case "secretary":
          spec = [
            { what: "autosave", method: "PUT", path: "/api/v1/drafts/working-copy", body: { period: writePeriod, title: "", body: marker }, expect: [200] },
            { what: "meetings", method: "GET", path: `/api/v1/meetings?period=${previous}`, expect: [200] },
            { what: "own drafts", method: "GET", path: `/api/v1/drafts?pageSize=10`, expect: [200] },
            { what: "page", method: "GET", path: "/", expect: [200] },
          ][step % 4];
          break;
        default:
          spec = [
            { what: "handbook", method: "GET", path: `/api/v1/stats/handbook?period=${previous}`, expect: [200] },
            { what: "series", method: "GET", path: `/api/v1/stats/handbook/series?from=${hanoiPeriod(-12)}&to=${previous}`, expect: [200] },
            { what: "compliance", method: "GET", path: `/api/v1/meetings/compliance?period=${period}`, expect: [200] },
            { what: "page", method: "GET", path: "/", expect: [200] },
          ][step % 4];
      }
      const result = await call(user, spec);
      if (spec.what === "comment" && (result.status === 201 || result.status === 200)) acknowledgedComments.add(marker);
      if (spec.what === "autosave" && result.status === 200) lastSavedCopy.set(user.username, { period: writePeriod, body: marker });
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 200)));
    }
  }

  const started = Date.now();
  await Promise.all(users.map((user, index) => simulate(user, index)));
  const durationS = (Date.now() - started) / 1000;

  // Every acknowledged write must be in the database.
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const lostWrites: string[] = [];
  let writesFound = 0;
  try {
    const { rows } = await client.query<{ body: string }>(`SELECT body FROM "DraftComment" WHERE body LIKE $1`, [`tải-${runId}-%`]);
    const stored = new Set(rows.map((row) => row.body));
    for (const marker of acknowledgedComments) {
      if (stored.has(marker)) writesFound++;
      else lostWrites.push(`comment ${marker}`);
    }
    for (const [username, saved] of lastSavedCopy) {
      const { rows: copies } = await client.query<{ body: string }>(
        `SELECT w.body FROM "DraftWorkingCopy" w JOIN "OrgUnit" b ON b.id = w."branchId" JOIN "User" u ON u."orgUnitId" = b.id WHERE u.username = $1 AND w.period = $2`,
        [username, saved.period],
      );
      if (copies[0]?.body === saved.body) writesFound++;
      else lostWrites.push(`working copy of ${username}: expected ${saved.body}, found ${copies[0]?.body ?? "nothing"}`);
    }
  } finally {
    await client.end();
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const byRole: LoadFigures["byRole"] = {};
  for (const [role, values] of roleLatencies) {
    const roleSorted = [...values].sort((a, b) => a - b);
    byRole[role] = { requests: values.length, p50Ms: percentileMs(roleSorted, 50), p95Ms: percentileMs(roleSorted, 95) };
  }
  return {
    instances: options.baseUrls.length,
    users: users.length,
    durationS: Math.round(durationS),
    requests: latencies.length,
    rps: Math.round((latencies.length / durationS) * 10) / 10,
    byStatus,
    serverErrors: Object.entries(byStatus).filter(([status]) => Number(status) >= 500 || Number(status) === 0).reduce((sum, [, count]) => sum + count, 0),
    unexpected,
    p50Ms: percentileMs(sorted, 50),
    p95Ms: percentileMs(sorted, 95),
    p99Ms: percentileMs(sorted, 99),
    writesAcknowledged: acknowledgedComments.size + lastSavedCopy.size,
    writesFound,
    lostWrites,
    byRole,
  };
}

export function describeFigures(figures: LoadFigures): string {
  return (
    `${figures.instances} phiên bản, ${figures.users} người dùng, ${figures.durationS} s: ${figures.requests} yêu cầu (${figures.rps}/s), ` +
    `p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms, lỗi 5xx ${figures.serverErrors}, mã trả về ${JSON.stringify(figures.byStatus)}, ` +
    `ghi được xác nhận ${figures.writesAcknowledged}, tìm thấy ${figures.writesFound}, mất ${figures.lostWrites.length}; theo vai trò ${JSON.stringify(figures.byRole)}`
  );
}
