import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientRateLimitedMessage, clientSignInAllowance } from "@/lib/auth/sign-in";
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

/**
 * A client that has used up its sign-in attempts gets 429 with Retry-After
 * before any password is hashed. The body also carries next-auth's `url`
 * with the message, so the sign-in form shows it.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  try {
    if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
      const allowance = await clientSignInAllowance(clientAddress(request.headers));
      if (!allowance.allowed) {
        const message = clientRateLimitedMessage(allowance.retryAfterSeconds);
        const url = new URL("/login", request.nextUrl.origin);
        url.searchParams.set("error", message);
        return NextResponse.json({ error: { code: "RATE_LIMITED", message }, url: url.toString() }, { status: 429, headers: { "Retry-After": String(allowance.retryAfterSeconds) } });
      }
    }
  } catch (error) {
    return errorResponse(error, request);
  }
  return guarded(request, context);
}

export { guarded as GET, POST };
