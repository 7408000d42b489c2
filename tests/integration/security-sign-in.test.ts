// Sign-in under attack, at the level of lib/auth: a parallel burst against one
// account, what a failure tells an outsider, guesses through "change password",
// device cookies against a throttled address, and the owner's notice of a lock.
// The same over HTTP against the running server: tests/e2e/security-sign-in-office.test.ts.
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-for-device-cookies-0123456789";

import { createTestWard, createUser, actorOf, TEST_PASSWORD, uniqueSuffix } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { CLIENT_FAILURES_PER_WINDOW, MAX_FAILED_LOGINS, signInWithPassword } from "@/lib/auth/sign-in";
import { SIGN_IN_FAILED_MESSAGE } from "@/lib/auth/sign-in-messages";
import { deviceCookieAfterSignIn } from "@/lib/auth/device-cookie";
import { burnPasswordCheck } from "@/lib/auth/password";
import { changeOwnPassword, listUsers } from "@/lib/users/users";
import { ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

const address = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const count = (userId: number, action: string) => testDb().auditEvent.count({ where: { actorUserId: userId, action } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Uses up an address's failures in the current window. */
async function throttle(ip: string) {
  const windowStart = new Date(Math.floor(Date.now() / 600_000) * 600_000);
  await testDb().rateLimitBucket.upsert({
    where: { key_windowStart: { key: `login:fail:${ip}`, windowStart } },
    create: { key: `login:fail:${ip}`, windowStart, count: CLIENT_FAILURES_PER_WINDOW },
    update: { count: CLIENT_FAILURES_PER_WINDOW },
  });
}

describe("a parallel burst against one account", () => {
  it("evaluates at most five wrong passwords, and the right one sent while the burst is still answered gets no session", async () => {
    const { wardUser } = await createTestWard();
    await burnPasswordCheck("warm up");
    const wrong = Array.from({ length: 7 }, (_, i) => signInWithPassword({ username: wardUser.username, password: `đoán song song ${i}`, ip: address() }));
    // As soon as the burst has locked the account (how long five checks take varies with the machine).
    for (let i = 0; i < 400 && !(await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).lockedUntil; i++) await sleep(10);
    const right = signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: address() });
    const results = await Promise.all([...wrong, right]);

    expect(results.every((result) => !result.ok)).toBe(true);
    expect(await testDb().authSession.count({ where: { userId: wardUser.id } })).toBe(0);
    // Each evaluated wrong password leaves one "failed" event; the rest were refused unevaluated.
    expect(await count(wardUser.id, "auth.login.failed")).toBe(MAX_FAILED_LOGINS);
    expect(await count(wardUser.id, "auth.account.locked")).toBe(1);
    expect(await count(wardUser.id, "auth.login.refused_locked")).toBe(3);
    const user = await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The counter does not start again while the lock lasts.
    expect(user.failedLoginCount).toBe(MAX_FAILED_LOGINS);
  });

  it("after the lock runs out a new period allows five more, and the owner hears of the lock at the next sign-in", async () => {
    const { wardUser } = await createTestWard();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword({ username: wardUser.username, password: `sai ${i} rồi`, ip: address() });
    expect(await count(wardUser.id, "auth.account.locked")).toBe(1);
    await testDb().user.update({ where: { id: wardUser.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    // One more wrong password after the lock: a new period (1 of 5), not an instant re-lock.
    await signInWithPassword({ username: wardUser.username, password: "lại sai", ip: address() });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).failedLoginCount).toBe(1);

    const signedIn = await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: address() });
    expect(signedIn.ok).toBe(true);
    const notices = await testDb().notification.findMany({ where: { userId: wardUser.id, kind: "account.locked" } });
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toMatch(/đã bị tạm khóa lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} vì nhập sai mật khẩu 5 lần/);
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: address() })).toMatchObject({ ok: true });
    expect(await testDb().notification.count({ where: { userId: wardUser.id, kind: "account.locked" } })).toBe(1);
  });

  it("the administrator's user list shows the locked account", async () => {
    const { wardUser } = await createTestWard();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword({ username: wardUser.username, password: `sai ${i} nữa`, ip: address() });
    const admin = await actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
    const { users } = await listUsers(admin, { status: "locked", q: wardUser.username });
    expect(users.map((user) => [user.id, user.locked])).toEqual([[wardUser.id, true]]);
  });
});

describe("one answer for every failure", () => {
  it("unknown user, wrong password, locked and disabled accounts are answered alike", async () => {
    const { ward, wardUser } = await createTestWard();
    const locked = await createUser("WARD_COMMITTEE", ward.id);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword({ username: locked.username, password: `sai ${i} mà`, ip: address() });
    const disabled = await createUser("WARD_COMMITTEE", ward.id);
    await testDb().user.update({ where: { id: disabled.id }, data: { active: false } });

    const answers = [
      await signInWithPassword({ username: `khong-co-${uniqueSuffix().toLowerCase()}`, password: "đoán thử 1", ip: address() }),
      ...(await Promise.all(Array.from({ length: MAX_FAILED_LOGINS - 1 }, (_, i) => signInWithPassword({ username: wardUser.username, password: `đoán thử ${i}`, ip: address() })))),
      await signInWithPassword({ username: locked.username, password: TEST_PASSWORD, ip: address() }),
      await signInWithPassword({ username: disabled.username, password: TEST_PASSWORD, ip: address() }),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, code: "CredentialsSignin", message: SIGN_IN_FAILED_MESSAGE });
    expect(SIGN_IN_FAILED_MESSAGE).not.toMatch(/Còn \d|tạm khóa đến|vô hiệu/);
  });
});

describe("change password counts wrong current passwords like sign-in failures", () => {
  it("five wrong guesses lock the account; then even the right one is refused, on this form and at sign-in", async () => {
    const { wardUser } = await createTestWard();
    const actor = await actorOf(await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id }, include: { orgUnit: true } }));
    const change = (currentPassword: string) =>
      changeOwnPassword(actor, { currentPassword, newPassword: "Mật khẩu mới hoàn toàn 7", confirmPassword: "Mật khẩu mới hoàn toàn 7" }).then(
        () => "changed",
        (error: unknown) => (error instanceof ValidationError ? error.message : `unexpected ${String(error)}`),
      );
    const answers: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) answers.push(await change(`đoán mật khẩu ${i}`));
    expect(answers.slice(0, MAX_FAILED_LOGINS - 1)).toEqual(Array(MAX_FAILED_LOGINS - 1).fill("Mật khẩu hiện tại không đúng."));
    expect(answers[MAX_FAILED_LOGINS - 1]).toMatch(/tạm khóa/);
    expect(await count(wardUser.id, "auth.login.failed")).toBe(MAX_FAILED_LOGINS);
    expect(await change(TEST_PASSWORD)).toMatch(/tạm khóa/);
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: address() })).toMatchObject({ ok: false });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).passwordHash).toBe(wardUser.passwordHash);
  });

  it("parallel guesses are serialized too", async () => {
    const { wardUser } = await createTestWard();
    const actor = await actorOf(await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id }, include: { orgUnit: true } }));
    await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => changeOwnPassword(actor, { currentPassword: `đoán ${i} song song`, newPassword: "Mật khẩu mới hoàn toàn 8", confirmPassword: "Mật khẩu mới hoàn toàn 8" })),
    );
    expect(await count(wardUser.id, "auth.login.failed")).toBe(MAX_FAILED_LOGINS);
    expect(await count(wardUser.id, "auth.login.refused_locked")).toBe(3);
  });
});

describe("per-address limit with device cookies", () => {
  it("successful sign-ins never use up the address's limit", async () => {
    const { ward } = await createTestWard();
    const ip = address();
    const users = await Promise.all(Array.from({ length: CLIENT_FAILURES_PER_WINDOW + 5 }, () => createUser("WARD_COMMITTEE", ward.id)));
    for (const user of users) expect((await signInWithPassword({ username: user.username, password: TEST_PASSWORD, ip })).ok).toBe(true);
    const bucket = await testDb().rateLimitBucket.findMany({ where: { key: `login:fail:${ip}` } });
    expect(bucket.reduce((sum, row) => sum + row.count, 0)).toBe(0);
  }, 120_000);

  it("a throttled address refuses new browsers, but a browser that signed in to the account before gets in", async () => {
    const { wardUser, ward } = await createTestWard();
    const other = await createUser("WARD_COMMITTEE", ward.id);
    const ip = address();
    const first = await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip });
    if (!first.ok || !first.deviceCookie) throw new Error("expected a device cookie");
    await throttle(ip);

    expect(await signInWithPassword({ username: other.username, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, code: "TooManyAttempts" });
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip })).toMatchObject({ ok: false, code: "TooManyAttempts" });
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip, deviceCookie: first.deviceCookie })).toMatchObject({ ok: true });
    // The cookie names one account: it does not open the address for another.
    expect(await signInWithPassword({ username: other.username, password: TEST_PASSWORD, ip, deviceCookie: first.deviceCookie })).toMatchObject({ ok: false, code: "TooManyAttempts" });
    // A forged or altered cookie is worth nothing.
    const forged = first.deviceCookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip, deviceCookie: forged })).toMatchObject({ ok: false, code: "TooManyAttempts" });
    const otherSecret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-another-secret-another-secret";
    const minted = deviceCookieAfterSignIn(undefined, other.username)!;
    process.env.NEXTAUTH_SECRET = otherSecret;
    expect(await signInWithPassword({ username: other.username, password: TEST_PASSWORD, ip, deviceCookie: minted })).toMatchObject({ ok: false, code: "TooManyAttempts" });
    // The account's own limit still holds for the trusted browser.
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword({ username: wardUser.username, password: `sai ${i} đấy`, ip, deviceCookie: first.deviceCookie });
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip, deviceCookie: first.deviceCookie })).toMatchObject({ ok: false, code: "CredentialsSignin" });
  });

  it("one browser keeps cookies for several accounts (a shared office computer)", async () => {
    const { ward } = await createTestWard();
    const [a, b] = await Promise.all([createUser("WARD_COMMITTEE", ward.id), createUser("WARD_COMMITTEE", ward.id)]);
    const ip = address();
    const first = await signInWithPassword({ username: a.username, password: TEST_PASSWORD, ip });
    if (!first.ok) throw new Error("sign-in a");
    const second = await signInWithPassword({ username: b.username, password: TEST_PASSWORD, ip, deviceCookie: first.deviceCookie! });
    if (!second.ok) throw new Error("sign-in b");
    await throttle(ip);
    for (const user of [a, b]) expect(await signInWithPassword({ username: user.username, password: TEST_PASSWORD, ip, deviceCookie: second.deviceCookie! })).toMatchObject({ ok: true });
  });
});
