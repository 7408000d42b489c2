// HTTP helpers of the security suites: classify answers into the matrix's
// outcomes, and call a server action by its id the way React does.
import fs from "node:fs";
import path from "node:path";
import { baseUrl, type Session } from "./http";
import type { Outcome, ScopeIds } from "./route-matrix";

export type Observed = Outcome | "invalid" | `error:${number}`;

// (The not-found page's text is in every page's RSC payload, so a 404 is told by its status only.)
const FORBIDDEN_PAGE_TEXT = "Không có quyền truy cập";

export async function requestPage(pathname: string, session: Session | null): Promise<Observed> {
  const response = await fetch(`${baseUrl()}${pathname}`, { redirect: "manual", headers: session ? { cookie: session.cookie } : {} });
  const text = await response.text();
  if (response.status >= 300 && response.status < 400) return (response.headers.get("location") ?? "").includes("/login") && !pathname.startsWith("/login") ? "sign-in" : "ok";
  if (response.status === 404) return "not-found";
  if (response.status !== 200) return `error:${response.status}`;
  if (text.includes(FORBIDDEN_PAGE_TEXT)) return "forbidden";
  return "ok";
}

export async function requestApi(method: string, pathname: string, session: Session | null, body?: unknown): Promise<Observed> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = typeof body === "string" ? "text/csv" : "application/json";
  }
  if (method !== "GET") headers.origin = new URL(baseUrl()).origin;
  const response = await fetch(`${baseUrl()}${pathname}`, { method, headers, body: payload, redirect: "manual" });
  await response.arrayBuffer();
  return apiOutcome(response.status);
}

function apiOutcome(status: number): Observed {
  if (status >= 200 && status < 300) return "ok";
  if (status === 400 || status === 409) return "invalid";
  if (status === 401) return "sign-in";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  return `error:${status}`;
}

export function matches(expected: Outcome, observed: Observed): boolean {
  if (expected === "accepted") return observed === "ok" || observed === "invalid";
  return expected === observed;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

// ── Server actions ─────────────────────────────────────────────────────────

export type ManifestAction = { id: string; filename: string; exportedName: string; workers: string[] };

/** Action ids of the production build (`.next/server/server-reference-manifest.json`). */
export function serverActionsOfBuild(root = process.cwd()): ManifestAction[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }> };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, filename: entry.filename, exportedName: entry.exportedName, workers: Object.keys(entry.workers) }));
}

/** A page that loads the action, with own-scope ids filled in: app/(app)/drafts/[id]/page → /drafts/123. */
export function pageForAction(action: ManifestAction, ids: ScopeIds): string {
  const worker = [...action.workers].sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))[0];
  const route = worker.replace(/^app/, "").replace(/\/page$/, "").split("/").filter((part) => part && !/^\(.*\)$/.test(part));
  const filled = route.map((part) => {
    if (part === "[branchId]") return String(ids.branch);
    if (part === "[period]") return route[0] === "meetings" ? ids.meetingPeriod : ids.period;
    if (part === "[id]") return String(route[0] === "drafts" ? ids.draft : route[0] === "admin" ? ids.user : ids.ward);
    return part;
  });
  return `/${filled.join("/")}`;
}

/**
 * Calls a server action over HTTP as React's client does: POST to a page with
 * `Next-Action: <id>` and the arguments encoded by `encodeReply` — here
 * `(previousState, formData)`, i.e. a root `[{…}, "$K1"]` and the form's fields as `_1_<name>` (React 19.3's prefix).
 */
export async function callServerAction(action: ManifestAction, pagePath: string, fields: Record<string, string>, session: Session | null, extraHeaders: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  // The root goes last, as React sends it: the server decodes the stream in order.
  form.set("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const headers: Record<string, string> = { "next-action": action.id, accept: "text/x-component", origin: new URL(baseUrl()).origin, ...extraHeaders };
  if (session) headers.cookie = session.cookie;
  const response = await fetch(`${baseUrl()}${pagePath}`, { method: "POST", headers, body: form, redirect: "manual" });
  return { status: response.status, text: await response.text() };
}

export const SIGNED_OUT_ACTION_TEXT = "Phiên đăng nhập đã hết hạn";
export const FORBIDDEN_ACTION_TEXT = "không có quyền thực hiện thao tác này";
