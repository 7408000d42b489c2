// A cookie-authenticated write must come from our own pages. X-Forwarded-Host
// names our host only behind a reverse proxy that sets it (TRUST_PROXY=1).
import { sameOrigin } from "@/lib/api/handler";

function request(headers: Record<string, string>) {
  return { headers: new Headers(headers) };
}

describe("sameOrigin", () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  });

  it("compares Origin with Host", () => {
    expect(sameOrigin(request({ origin: "http://app.test", host: "app.test" }))).toBe(true);
    expect(sameOrigin(request({ origin: "http://evil.test", host: "app.test" }))).toBe(false);
  });

  it("without TRUST_PROXY, a caller's X-Forwarded-Host does not make another origin ours", () => {
    delete process.env.TRUST_PROXY;
    expect(sameOrigin(request({ origin: "http://evil.test", host: "app.test", "x-forwarded-host": "evil.test" }))).toBe(false);
  });

  it("with TRUST_PROXY=1, the proxy's X-Forwarded-Host names the host", () => {
    process.env.TRUST_PROXY = "1";
    expect(sameOrigin(request({ origin: "https://sotay.example", host: "127.0.0.1:3000", "x-forwarded-host": "sotay.example" }))).toBe(true);
    expect(sameOrigin(request({ origin: "http://evil.test", host: "127.0.0.1:3000", "x-forwarded-host": "sotay.example" }))).toBe(false);
  });
});
