// Security headers and a per-request CSP nonce for every response, and a
// redirect to the sign-in page when there is no session cookie at all.
// This is a convenience, never the guard: pages, actions and API routes check
// the session and the scope themselves (lib/auth).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PAGES = ["/login"];

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and React set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The offline service worker (public/sw.js) and the install manifest.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// A NUL character can only arrive in a URL as %00 (an invalid UTF-8 sequence decodes to U+FFFD,
// never to a lone surrogate). PostgreSQL cannot store it and no address of ours holds one, so a
// URL with one is refused here, for every page and endpoint at once; API bodies, forms and files
// are checked where they are parsed (lib/validation/parse.ts).
const URL_NUL = /%00/;
const UNSTORABLE_URL_MESSAGE = "Địa chỉ có ký tự không hợp lệ (ký tự NUL). Kiểm tra lại đường dẫn.";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  if (URL_NUL.test(pathname) || URL_NUL.test(search)) {
    const refused = isApi
      ? NextResponse.json({ error: { code: "VALIDATION_FAILED", message: UNSTORABLE_URL_MESSAGE } }, { status: 400 })
      : new NextResponse(UNSTORABLE_URL_MESSAGE, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    return withSecurityHeaders(refused, null);
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!isApi && !hasSession && !PUBLIC_PAGES.includes(pathname)) {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(login), null);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-pathname", pathname);
  // X-Client-Address stays: scripts/serve.mjs wrote it from the socket, over anything the client sent
  // (lib/http/client-address.ts believes it only in a process that server runs).
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  return withSecurityHeaders(response, isApi ? null : csp);
}

function withSecurityHeaders(response: NextResponse, csp: string | null): NextResponse {
  if (csp) response.headers.set("Content-Security-Policy", csp);
  else response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  response.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  // The manifest, icons and service worker are public files fetched without a session (install, worker updates).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|fonts/|icons/|manifest.webmanifest|sw.js).*)"],
};
