// Sign-in that fits an office behind one address, against the production
// server as `npm start` runs it: no TRUST_PROXY, client addresses from the
// socket (scripts/serve.mjs). Each "machine" below is a loopback address of its
// own (tests/support/client-address.ts). The last block starts a second server
// with TRUST_PROXY=1 and plays the reverse proxy in front of it.
import { chromiumForFile } from "../support/browser";
import { api, baseUrl, signInOverHttp } from "../support/http";
import { createTestWard, TEST_PASSWORD, uniqueSuffix } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { fetchFrom, freshLoopbackAddress, startAddressProxy } from "../support/client-address";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILED_LOGINS } from "@/lib/auth/sign-in";
import { TOO_MANY_ATTEMPTS_MESSAGE } from "@/lib/auth/sign-in-messages";

const OFFICERS = 300;
const AT_ONCE = 10;
const SPRAYED_ACCOUNTS = 60;

const chromium = chromiumForFile();
let officers: string[] = [];
beforeAll(async () => {
  const { ward } = await createTestWard("Văn phòng");
  // One Argon2id hash for all: hashing 300 passwords would take minutes on 2 cores, and is not what is tested.
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const prefix = `canbo-${uniqueSuffix().toLowerCase()}`;
  officers = Array.from({ length: OFFICERS }, (_, i) => `${prefix}-${i}`);
  await testDb().user.createMany({ data: officers.map((username) => ({ username, displayName: `Cán bộ ${username}`, role: "WARD_COMMITTEE" as const, orgUnitId: ward.id, passwordHash })) });
}, 120_000);
afterAll(closeTestDb);

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

describe("an office behind one address, no TRUST_PROXY", () => {
  it(`${OFFICERS} officers sign in within 5 minutes from one address, ${AT_ONCE} at a time: all get in, typos included`, async () => {
    const from = fetchFrom(freshLoopbackAddress());
    const started = Date.now();
    const results = await inParallel(officers, AT_ONCE, async (username, index) => {
      // One in fifteen mistypes first, as people do on a Monday morning.
      if (index % 15 === 0) expect((await signInOverHttp(username, "sai mật khẩu rồi", {}, { from })).error).toBe("CredentialsSignin");
      return signInOverHttp(username, TEST_PASSWORD, {}, { from });
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`${OFFICERS} sign-ins (${OFFICERS / 15} typos) from one address, ${AT_ONCE} at a time: ${seconds.toFixed(1)} s`);
    expect(results.filter((result) => result.error !== undefined).map((result) => `${result.status} ${result.error}`)).toEqual([]);
    expect(seconds).toBeLessThan(300);
    for (const result of [results[0], results[OFFICERS - 1]]) expect((await api("/api/v1/me", { session: result.session })).status).toBe(200);
  }, 400_000);

  it(`a sprayer trying one password on ${SPRAYED_ACCOUNTS} accounts from one address is throttled before attempt 50, whatever address headers it writes`, async () => {
    const from = fetchFrom(freshLoopbackAddress());
    const answers: { status: number; error?: string }[] = [];
    for (let i = 0; i < SPRAYED_ACCOUNTS; i++) {
      answers.push(await signInOverHttp(officers[i], "Matkhau@2026", { "x-real-ip": `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}`, "x-client-address": `192.0.2.${i}` }, { from }));
    }
    const firstRefused = answers.findIndex((answer) => answer.error === "TooManyAttempts");
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused + 1).toBeLessThan(50);
    expect(answers.slice(firstRefused).every((answer) => answer.status === 429 && answer.error === "TooManyAttempts")).toBe(true);
    // No account got near its own lock from this.
    expect(await testDb().user.count({ where: { username: { in: officers.slice(0, SPRAYED_ACCOUNTS) }, lockedUntil: { not: null } } })).toBe(0);
  }, 300_000);

  it(`${MAX_FAILED_LOGINS} failures still lock one account; the answers match an unknown user's, and a burst evaluates at most ${MAX_FAILED_LOGINS}`, async () => {
    const from = fetchFrom(freshLoopbackAddress());
    const username = officers[OFFICERS - 1];
    const unknown = await signInOverHttp(`khong-co-${uniqueSuffix().toLowerCase()}`, "đoán thử", {}, { from });
    // Seven wrong passwords at once, and the right one as soon as the account is locked (while the
    // burst's last answers are still on their way): how long the first five take varies with the machine.
    const wrong = Array.from({ length: 7 }, (_, i) => signInOverHttp(username, `đoán song song ${i}`, {}, { from }));
    for (let i = 0; i < 200 && !(await testDb().user.findUniqueOrThrow({ where: { username } })).lockedUntil; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const right = signInOverHttp(username, TEST_PASSWORD, {}, { from });
    const answers = await Promise.all([...wrong, right]);
    for (const answer of answers) expect({ status: answer.status, error: answer.error }).toEqual({ status: unknown.status, error: unknown.error });
    expect((await api("/api/v1/me", { session: (await right).session })).status).toBe(401);
    const user = await testDb().user.findUniqueOrThrow({ where: { username } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await testDb().auditEvent.count({ where: { actorUserId: user.id, action: "auth.login.failed", occurredAt: { gte: new Date(Date.now() - 120_000) } } })).toBe(MAX_FAILED_LOGINS);
  }, 120_000);

  it("a browser that signed in before gets in while its address is throttled; a new browser there does not", async () => {
    const address = freshLoopbackAddress();
    const proxy = await startAddressProxy(address);
    const known = await chromium.browser().newContext({ locale: "vi-VN", proxy: { server: proxy.server } });
    const stranger = await chromium.browser().newContext({ locale: "vi-VN", proxy: { server: proxy.server } });
    const [mine, theirs] = await Promise.all([officers[290], officers[291]].map((username) => testDb().user.findUniqueOrThrow({ where: { username } })));
    const submit = async (page: Awaited<ReturnType<typeof known.newPage>>, username: string) => {
      await page.goto(`${baseUrl()}/login`);
      await page.getByLabel("Tên đăng nhập").fill(username);
      await page.getByLabel("Mật khẩu").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await Promise.race([page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 }), page.locator(".alert-error").waitFor({ timeout: 30_000 })]);
    };
    try {
      await testDb().user.updateMany({ where: { id: { in: [mine.id, theirs.id] } }, data: { lockedUntil: null, failedLoginCount: 0 } });
      const page = await known.newPage();
      await submit(page, mine.username);
      expect(new URL(page.url()).pathname).toBe("/");
      expect((await known.cookies()).some((cookie) => cookie.name === "so-tay.device" && cookie.httpOnly)).toBe(true);
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL("**/login**");

      // Someone at the same address uses up its failures.
      const from = fetchFrom(address);
      let refused = false;
      for (let i = 0; i < 60 && !refused; i++) refused = (await signInOverHttp(`khong-co-${i}-${uniqueSuffix().toLowerCase()}`, "đoán mò", {}, { from })).status === 429;
      expect(refused).toBe(true);

      const other = await stranger.newPage();
      await submit(other, theirs.username);
      expect(await other.locator(".alert-error").textContent()).toBe(TOO_MANY_ATTEMPTS_MESSAGE);
      await submit(page, mine.username);
      expect(new URL(page.url()).pathname).toBe("/");
    } finally {
      await known.close();
      await stranger.close();
      await proxy.close();
    }
  }, 180_000);
});

describe("behind a reverse proxy (TRUST_PROXY=1)", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer(process.env.DATABASE_URL!, { TRUST_PROXY: "1", NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET! });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** Every request comes from 127.0.0.1 (the proxy); X-Real-IP is what the proxy says the client is. */
  const behindProxy = (clientIp: string) => (input: string, init: RequestInit = {}) => {
    const url = String(input).replace(baseUrl(), server.baseUrl);
    return fetch(url, { ...init, redirect: "manual", headers: { ...Object.fromEntries(new Headers(init.headers)), "x-real-ip": clientIp, "x-forwarded-for": clientIp } });
  };

  it("an office's officers all get in through the proxy, a sprayer there is throttled, another client is not, and a known browser still gets in", async () => {
    const office = behindProxy(`198.51.100.${Math.floor(Math.random() * 200) + 20}`);
    const crowd = officers.slice(100, 160);
    const results = await inParallel(crowd, AT_ONCE, (username) => signInOverHttp(username, TEST_PASSWORD, {}, { from: office }));
    expect(results.filter((result) => result.error !== undefined)).toEqual([]);

    // A device cookie from that office, before the sprayer arrives.
    const jar = new Map<string, string>();
    expect((await signInOverHttp(officers[200], TEST_PASSWORD, {}, { from: office, jar })).error).toBeUndefined();

    const answers: { status: number; error?: string }[] = [];
    for (let i = 0; i < SPRAYED_ACCOUNTS; i++) answers.push(await signInOverHttp(officers[i + 220], "Matkhau@2026", {}, { from: office }));
    const firstRefused = answers.findIndex((answer) => answer.error === "TooManyAttempts");
    expect(firstRefused).toBeGreaterThan(0);
    expect(firstRefused + 1).toBeLessThan(50);

    expect((await signInOverHttp(officers[201], TEST_PASSWORD, {}, { from: office })).status).toBe(429);
    expect((await signInOverHttp(officers[200], TEST_PASSWORD, {}, { from: office, jar })).error).toBeUndefined();
    expect((await signInOverHttp(officers[201], TEST_PASSWORD, {}, { from: behindProxy("203.0.113.77") })).error).toBeUndefined();
  }, 300_000);
});
