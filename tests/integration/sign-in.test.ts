import { createTestWard, createUser, TEST_PASSWORD, uniqueSuffix } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { MAX_FAILED_LOGINS, signInWithPassword, revokeSession, CLIENT_FAILURES_PER_WINDOW } from "@/lib/auth/sign-in";
import { SIGN_IN_FAILED_MESSAGE, TOO_MANY_ATTEMPTS_MESSAGE } from "@/lib/auth/sign-in-messages";

afterAll(closeTestDb);

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function auditActions(userId: number) {
  const events = await testDb().auditEvent.findMany({ where: { actorUserId: userId }, orderBy: { id: "asc" } });
  return events.map((event) => event.action);
}

describe("sign-in with username and password", () => {
  it("accepts the right password, case-insensitive username, opens a session and audits it", async () => {
    const { wardUser } = await createTestWard();
    const result = await signInWithPassword({ username: ` ${wardUser.username.toUpperCase()} `, password: TEST_PASSWORD, ip: ip() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await testDb().authSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.userId).toBe(wardUser.id);
    expect(await auditActions(wardUser.id)).toContain("auth.login.succeeded");
  });

  it("refuses a wrong password with a generic Vietnamese message and counts it", async () => {
    const { wardUser } = await createTestWard();
    const result = await signInWithPassword({ username: wardUser.username, password: "sai mật khẩu", ip: ip() });
    expect(result).toEqual({ ok: false, code: "CredentialsSignin", message: SIGN_IN_FAILED_MESSAGE });
    expect(SIGN_IN_FAILED_MESSAGE).toContain("Tên đăng nhập hoặc mật khẩu không đúng");
    expect((await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).failedLoginCount).toBe(1);
    expect(await auditActions(wardUser.id)).toEqual(["auth.login.failed"]);
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password, and audits the lock", async () => {
    const { wardUser } = await createTestWard();
    const address = ip();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword({ username: wardUser.username, password: `sai-${i}-mật-khẩu`, ip: address });
    const locked = await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } });
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    // Refused with the same answer as any failure (the lock is not announced to whoever asks), and no session.
    const sessionsBefore = await testDb().authSession.count({ where: { userId: wardUser.id } });
    const refused = await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: address });
    expect(refused).toEqual({ ok: false, code: "CredentialsSignin", message: SIGN_IN_FAILED_MESSAGE });
    expect(await testDb().authSession.count({ where: { userId: wardUser.id } })).toBe(sessionsBefore);
    expect(await auditActions(wardUser.id)).toEqual([...Array(MAX_FAILED_LOGINS).fill("auth.login.failed"), "auth.account.locked", "auth.login.refused_locked"]);
    // When the lock expires the right password works again.
    await testDb().user.update({ where: { id: wardUser.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: address })).ok).toBe(true);
  });

  it("counts parallel wrong guesses without losing any", async () => {
    const { wardUser } = await createTestWard();
    await Promise.all(Array.from({ length: 4 }, (_, i) => signInWithPassword({ username: wardUser.username, password: `đoán-${i}-xxxx`, ip: ip() })));
    expect((await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).failedLoginCount).toBe(4);
  });

  it("refuses disabled and unknown accounts with the same answer as a wrong password", async () => {
    const { wardUser } = await createTestWard();
    await testDb().user.update({ where: { id: wardUser.id }, data: { active: false } });
    expect(await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: ip() })).toEqual({ ok: false, code: "CredentialsSignin", message: SIGN_IN_FAILED_MESSAGE });
    expect(await auditActions(wardUser.id)).toEqual(["auth.login.refused_disabled"]);
    const unknown = await signInWithPassword({ username: `khong-co-${uniqueSuffix()}`, password: TEST_PASSWORD, ip: ip() });
    expect(unknown).toEqual({ ok: false, code: "CredentialsSignin", message: SIGN_IN_FAILED_MESSAGE });
  });

  it("slows down one client address failing on many accounts", async () => {
    const address = ip();
    let last;
    for (let i = 0; i <= CLIENT_FAILURES_PER_WINDOW; i++) last = await signInWithPassword({ username: `khong-co-${i}-${uniqueSuffix()}`, password: "x", ip: address });
    expect(last).toEqual({ ok: false, code: "TooManyAttempts", message: TOO_MANY_ATTEMPTS_MESSAGE });
  }, 60_000);

  it("signing out revokes the session and is audited", async () => {
    const { wardUser } = await createTestWard();
    const result = await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: ip() });
    if (!result.ok) throw new Error("sign-in failed");
    await revokeSession(result.sessionId);
    expect((await testDb().authSession.findUniqueOrThrow({ where: { id: result.sessionId } })).revokedAt).not.toBeNull();
    expect(await auditActions(wardUser.id)).toContain("auth.logout");
  });

  it("compares long Vietnamese passphrases whole, without truncation", async () => {
    const { ward } = await createTestWard();
    const base = "Chi bộ chúng tôi luôn đoàn kết, thống nhất và gương mẫu trong mọi công việc của tổ dân phố số năm";
    expect(Buffer.byteLength(base)).toBeGreaterThan(72);
    const user = await createUser("WARD_COMMITTEE", ward.id);
    const { hashPassword } = await import("@/lib/auth/password");
    await testDb().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(`${base} A`) } });
    expect((await signInWithPassword({ username: user.username, password: `${base} B`, ip: ip() })).ok).toBe(false);
    expect((await signInWithPassword({ username: user.username, password: `${base} A`, ip: ip() })).ok).toBe(true);
  });
});
