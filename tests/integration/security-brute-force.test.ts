// Rotating X-Real-IP / X-Forwarded-For does not give a brute-forcer fresh
// rate-limit buckets unless the operator said a trusted proxy sets them
// (TRUST_PROXY=1). Exercised through next-auth's credentials authorize(),
// i.e. the code the sign-in endpoint runs with the request's headers.
import { authOptions } from "@/lib/auth/options";
import { CLIENT_FAILURES_PER_WINDOW } from "@/lib/auth/sign-in";
import { clientAddress, stampsSocketAddress, UNTRUSTED_CLIENT } from "@/lib/http/client-address";
import { uniqueSuffix } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";

afterAll(closeTestDb);

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const WINDOW_MS = 600_000;
/** The limit counts in fixed 10-minute windows: start well inside one so the test cannot straddle two. */
async function awayFromWindowEdge() {
  const left = WINDOW_MS - (Date.now() % WINDOW_MS);
  if (left < 30_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

async function attempt(headers: Record<string, string>): Promise<string> {
  try {
    await authorize({ username: `khong-co-${uniqueSuffix().toLowerCase()}`, password: "đoán mò 123456" }, { headers });
    return "ok";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("per-client sign-in limit vs. spoofed address headers", () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(async () => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
    await testDb().rateLimitBucket.deleteMany({ where: { key: `login:fail:${UNTRUSTED_CLIENT}` } });
  });

  it("without TRUST_PROXY: every attempt counts for the same client, however X-Real-IP rotates", async () => {
    delete process.env.TRUST_PROXY;
    await testDb().rateLimitBucket.deleteMany({ where: { key: `login:fail:${UNTRUSTED_CLIENT}` } });
    await awayFromWindowEdge();
    const messages: string[] = [];
    // This process is not scripts/serve.mjs: an X-Client-Address header here was written by the client.
    expect(stampsSocketAddress()).toBe(false);
    for (let i = 0; i <= CLIENT_FAILURES_PER_WINDOW; i++) {
      messages.push(await attempt({ "x-real-ip": `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}`, "x-client-address": `192.0.2.${i}` }));
    }
    expect(messages.slice(0, CLIENT_FAILURES_PER_WINDOW).every((message) => message === "CredentialsSignin")).toBe(true);
    expect(messages[CLIENT_FAILURES_PER_WINDOW]).toBe("TooManyAttempts");
  });

  it("with TRUST_PROXY=1 the proxy's X-Real-IP (else the last X-Forwarded-For hop) names the client", () => {
    delete process.env.TRUST_PROXY;
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" }))).toBe(UNTRUSTED_CLIENT);
    process.env.TRUST_PROXY = "1";
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" }))).toBe("203.0.113.7");
    // A client-written first hop is ignored: the proxy appended the real one last.
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.9" }))).toBe("198.51.100.9");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.9" })).toBe("198.51.100.9");
    expect(clientAddress(new Headers({ "x-client-address": "192.0.2.1" }))).toBe(UNTRUSTED_CLIENT);
  });
});
