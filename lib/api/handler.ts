import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { getSessionActor } from "@/lib/auth/session";
import { resolveApiToken } from "@/lib/tokens/api-tokens";
import { AppError, ForbiddenError, isDatabaseUnavailable, PayloadTooLargeError, RateLimitedError, ServiceUnavailableError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { clientAddress, userAgentOf } from "@/lib/http/client-address";
import { assertStorableText, parseInput } from "@/lib/validation/parse";
import { logError } from "@/lib/log";
import { primaryUntilCookie, replicaUrls } from "@/lib/db/read-replicas";
import { trustProxy } from "@/lib/env";
import { PaginationSchema } from "@/lib/validation/pagination";
import { parseRecordId } from "@/lib/validation/page-params";

const MAX_JSON_BYTES = 1024 * 1024;

type RouteContext<P> = { params: Promise<P> };
type ApiContext<P> = { request: NextRequest; actor: Actor; params: P };
type ApiOptions = { permission?: Permission };

/**
 * Every /api/v1 route goes through here: who is calling (bearer token or
 * session cookie), what they may do, and errors mapped to the JSON error
 * shape of docs/api.md. Scope is enforced further down, in lib/.
 */
export function apiRoute<P = Record<string, never>>(options: ApiOptions, handler: (context: ApiContext<P>) => Promise<unknown>) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await resolveRequestActor(request);
      if (!actor) throw new UnauthenticatedError();
      if (options.permission) assertCan(actor, options.permission);
      const params = await context.params;
      // Every query parameter and path segment, also those a route reads without readQuery.
      const query: Record<string, string[]> = {};
      for (const [key, value] of request.nextUrl.searchParams) (query[key] ??= []).push(value);
      assertStorableText({ ...params, ...query }, "Tham số truy vấn không hợp lệ.");
      const result = await handler({ request, actor, params });
      const response = result instanceof Response ? result : NextResponse.json(result);
      if (UNSAFE_METHODS.has(request.method) && response.ok && replicaUrls().length) {
        // Read-your-own-write with read replicas: this client's next reads go to the primary for a few seconds.
        const cookie = primaryUntilCookie();
        response.headers.append("set-cookie", `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAge}; HttpOnly; SameSite=Lax`);
      }
      return response;
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** For the few routes anyone may call (health, OpenAPI). */
export function publicRoute(handler: (request: NextRequest) => Promise<unknown>) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      const result = await handler(request);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

async function resolveRequestActor(request: NextRequest): Promise<Actor | null> {
  const meta = { ip: clientAddress(request.headers), userAgent: userAgentOf(request.headers) };
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    // A bad token is refused outright, never silently replaced by a cookie session.
    return match ? resolveApiToken(match[1], meta) : null;
  }
  if (UNSAFE_METHODS.has(request.method) && !sameOrigin(request)) {
    throw new ForbiddenError("Yêu cầu ghi từ nguồn khác bị từ chối.");
  }
  return getSessionActor();
}

/** Cookie-authenticated writes must come from our own pages. */
export function sameOrigin(request: Pick<NextRequest, "headers">): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  try {
    // The forwarded host is believed only from a reverse proxy that sets it (TRUST_PROXY=1); a caller could write it.
    const host = (trustProxy() && request.headers.get("x-forwarded-host")) || request.headers.get("host");
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function errorResponse(error: unknown, request?: NextRequest): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
    const body: { error: { code: string; message: string; details?: unknown[] } } = { error: { code: error.code, message: error.message } };
    if (error.details.length) body.error.details = error.details;
    return NextResponse.json(body, { status: error.status, headers });
  }
  if (isNumberOutOfRange(error)) {
    // A number from the request too large for its column: the input is wrong, not the server.
    return NextResponse.json({ error: { code: "VALIDATION_FAILED", message: "Một giá trị số trong yêu cầu vượt quá giới hạn cho phép." } }, { status: 400 });
  }
  if (isDatabaseUnavailable(error)) {
    const unavailable = new ServiceUnavailableError();
    return NextResponse.json({ error: { code: unavailable.code, message: unavailable.message } }, { status: 503, headers: { "Retry-After": "5" } });
  }
  logError("api", error, { method: request?.method, path: request?.nextUrl.pathname });
  return NextResponse.json({ error: { code: "INTERNAL", message: "Lỗi hệ thống. Sự cố đã được ghi lại, vui lòng thử lại sau." } }, { status: 500 });
}

/** PostgreSQL 22003 (numeric_value_out_of_range), wherever the driver put it. */
function isNumberOutOfRange(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === "22003" || candidate.originalCode === "22003") return true;
    if (typeof candidate.message === "string" && /out of range for type (integer|smallint|bigint)/.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}

/**
 * Reads a JSON body of at most `maxBytes` (413 beyond), refusing one that is
 * missing, not JSON, or holds text PostgreSQL cannot store (400). Its shape is
 * not checked here: the lib/ function the route hands it to parses it with its
 * schema, the one forms go through too.
 */
export async function readJson(request: NextRequest, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const text = await readText(request, maxBytes);
  let parsed: unknown;
  try {
    parsed = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    throw new ValidationError("Nội dung không phải JSON hợp lệ.");
  }
  if (parsed === undefined) throw new ValidationError("Thiếu nội dung JSON.");
  assertStorableText(parsed);
  return parsed;
}

export async function readText(request: NextRequest, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

/** Query string → object (first value of each key), validated. */
export function readQuery<S extends z.ZodType>(request: NextRequest, schema: S): z.infer<S> {
  const query: Record<string, string> = {};
  for (const [key, value] of request.nextUrl.searchParams) if (!(key in query)) query[key] = value;
  return parseInput(schema, query, "Tham số truy vấn không hợp lệ.");
}

export { PaginationSchema };

export function paged<T>(items: T[], total: number, page: number, pageSize: number) {
  return { items, total, page, pageSize };
}

/** Path ids are positive integers (read as pages read them); anything else is simply not found. */
export function idParam(value: string): number {
  return parseRecordId(value) ?? -1;
}
