// HTTP helpers for tests against the running production build.
export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL chưa có: chạy qua `npm test` (dự án e2e).");
  return url;
};

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "LongBien@2026";

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair.indexOf("=");
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}

export type Session = { cookie: string; jar: Map<string, string> };

/**
 * Signs in through next-auth's credentials endpoints, as the API contract describes.
 * `from`: the client's own fetch (tests/support/client-address.ts); `jar`: cookies the client
 * already holds (a device cookie), updated in place.
 */
export async function signInOverHttp(
  username: string,
  password = DEMO_PASSWORD,
  headers: Record<string, string> = {},
  options: { from?: (input: string, init?: RequestInit) => Promise<Response>; jar?: Map<string, string> } = {},
): Promise<{ session: Session; status: number; error?: string; retryAfter?: string | null }> {
  const send = options.from ?? fetch;
  const jar = options.jar ?? new Map<string, string>();
  const csrfResponse = await send(`${baseUrl()}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  cookiesFrom(csrfResponse, jar);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await send(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), ...headers },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  cookiesFrom(response, jar);
  let error: string | undefined;
  const location = response.headers.get("location");
  if (location && location.includes("error=")) error = new URL(location, baseUrl()).searchParams.get("error") ?? undefined;
  if (response.headers.get("content-type")?.includes("json")) {
    const body = (await response.json()) as { url?: string };
    if (body.url?.includes("error=")) error = new URL(body.url, baseUrl()).searchParams.get("error") ?? undefined;
  }
  return { session: { cookie: cookieHeader(jar), jar }, status: response.status, error, retryAfter: response.headers.get("retry-after") };
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar.entries()].map(([name, value]) => `${name}=${value}`).join("; ");
}

export async function api(path: string, init: RequestInit & { session?: Session; token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.session) headers.set("cookie", init.session.cookie);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  const response = await fetch(`${baseUrl()}${path}`, { ...init, headers, redirect: "manual" });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as Record<string, unknown> & { error?: { code: string; message: string } }, headers: response.headers };
}
