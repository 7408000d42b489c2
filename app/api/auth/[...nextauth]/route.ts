import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientRateLimitedMessage, clientSignInAllowance } from "@/lib/auth/sign-in";
import { deviceCookieFrom } from "@/lib/auth/device-cookie";
import { clientAddress } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/api/handler";
import { ValidationError } from "@/lib/errors";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's handler, guarded: it parses a JSON body itself and throws on a
 * malformed one (a 500); that is a 400 here, and a database outage a 503
 * (found by tests/e2e/reliability-fuzz.test.ts).
 */
async function guarded(request: NextRequest, context: Context): Promise<Response> {
  try {
    if (request.method === "POST" && request.headers.get("content-type")?.includes("application/json")) {
      try {
        JSON.parse(await request.clone().text());
      } catch {
        throw new ValidationError("Nội dung không phải JSON hợp lệ.");
      }
    }
    return await handler(request, context);
  } catch (error) {
    return errorResponse(error, request);
  }
}

/** The username a credentials sign-in names (form or JSON body), "" when there is none. */
async function usernameOf(request: NextRequest): Promise<string> {
  try {
    if (request.headers.get("content-type")?.includes("application/json")) {
      const body = (await request.clone().json()) as { username?: unknown };
      return typeof body?.username === "string" ? body.username : "";
    }
    return String((await request.clone().formData()).get("username") ?? "");
  } catch {
    return "";
  }
}

/**
 * A client address that has used up its failed sign-ins gets 429 with
 * Retry-After before any password is hashed, unless the browser's device
 * cookie names the account it signs in to. The body also carries next-auth's
 * `url` with the error code, so the sign-in form shows its message.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  try {
    if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
      const allowance = await clientSignInAllowance(clientAddress(request.headers), await usernameOf(request), deviceCookieFrom(request.headers.get("cookie")));
      if (!allowance.allowed) {
        const message = clientRateLimitedMessage(allowance.retryAfterSeconds);
        const url = new URL("/login", request.nextUrl.origin);
        url.searchParams.set("error", "TooManyAttempts");
        return NextResponse.json({ error: { code: "RATE_LIMITED", message }, url: url.toString() }, { status: 429, headers: { "Retry-After": String(allowance.retryAfterSeconds) } });
      }
    }
  } catch (error) {
    return errorResponse(error, request);
  }
  return guarded(request, context);
}

export { guarded as GET, POST };
