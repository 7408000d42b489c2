import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
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

export { guarded as GET, guarded as POST };
