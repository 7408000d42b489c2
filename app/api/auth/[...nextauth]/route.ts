import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clientRateLimitedMessage, clientSignInAllowance } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/http/client-address";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * A client that has used up its sign-in attempts gets 429 with Retry-After
 * before any password is hashed. The body also carries next-auth's `url`
 * with the message, so the sign-in form shows it.
 */
async function POST(request: NextRequest, context: Context): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const allowance = await clientSignInAllowance(clientAddress(request.headers));
    if (!allowance.allowed) {
      const message = clientRateLimitedMessage(allowance.retryAfterSeconds);
      const url = new URL("/login", request.nextUrl.origin);
      url.searchParams.set("error", message);
      return NextResponse.json({ error: { code: "RATE_LIMITED", message }, url: url.toString() }, { status: 429, headers: { "Retry-After": String(allowance.retryAfterSeconds) } });
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
