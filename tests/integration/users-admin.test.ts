import { actorOf, createTestWard, createUser, TEST_PASSWORD } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { changeOwnPassword, createUser as createUserAsAdmin, listUsers, resetUserPassword, setUserActive, unlockUser } from "@/lib/users/users";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { passwordProblems } from "@/lib/auth/password";

afterAll(closeTestDb);

async function admin() {
  return actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
}

describe("password policy", () => {
  it("refuses short, overlong and common passwords, accepts Vietnamese passphrases", () => {
    expect(passwordProblems("ngắn")).toHaveLength(1);
    expect(passwordProblems("a".repeat(129))[0]).toContain("tối đa 128");
    expect(passwordProblems("password123")[0]).toContain("phổ biến");
    expect(passwordProblems("matkhau123")[0]).toContain("phổ biến");
    expect(passwordProblems("Qwerty@123")).not.toHaveLength(0);
    expect(passwordProblems("Đêm nay trăng sáng quá")).toEqual([]);
    expect(passwordProblems("LongBien@2026")).toEqual([]);
  });
});

describe("user administration", () => {
  it("creates a user who must change the temporary password, audited in the same transaction", async () => {
    const { branches } = await createTestWard();
    const username = `bt-${Date.now()}`;
    const { id } = await createUserAsAdmin(await admin(), { username, displayName: "Nguyễn Văn Thử", role: "BRANCH_SECRETARY", orgUnitCode: branches[1].code, password: "Mật khẩu tạm 2026" });
    const user = await testDb().user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ username, mustChangePassword: true, orgUnitId: branches[1].id });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const events = await testDb().auditEvent.findMany({ where: { entityType: "User", entityId: String(id) } });
    expect(events.map((event) => event.action)).toEqual(["user.created"]);
  });

  it("refuses bad input with field messages and writes nothing", async () => {
    const { ward } = await createTestWard();
    const actor = await admin();
    const stamp = Date.now();
    await expect(createUserAsAdmin(actor, { username: "A B", displayName: "x", role: "ROOT", orgUnitCode: "", password: "1" })).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ field: "username" }), expect.objectContaining({ field: "role" }), expect.objectContaining({ field: "password" })]),
    });
    await expect(createUserAsAdmin(actor, { username: "admin", displayName: "Trùng tên", role: "LEADER", orgUnitCode: ward.code, password: "Mật khẩu tạm 2026" })).rejects.toThrow("Tên đăng nhập đã được dùng");
    await expect(createUserAsAdmin(actor, { username: `x-${stamp}`, displayName: "Sai cấp", role: "BRANCH_SECRETARY", orgUnitCode: ward.code, password: "Mật khẩu tạm 2026" })).rejects.toBeInstanceOf(ValidationError);
    await expect(createUserAsAdmin(actor, { username: `y-${stamp}`, displayName: "Mật khẩu yếu", role: "LEADER", orgUnitCode: ward.code, password: "password123" })).rejects.toThrow("phổ biến");
    await expect(createUserAsAdmin(actor, { username: `z-${stamp}`, displayName: "Không có đơn vị", role: "LEADER", orgUnitCode: "KHONG-CO", password: "Mật khẩu tạm 2026" })).rejects.toBeInstanceOf(ValidationError);
    expect(await testDb().user.count({ where: { username: { in: [`x-${stamp}`, `y-${stamp}`, `z-${stamp}`, "a b"] } } })).toBe(0);
    expect((await testDb().user.findUniqueOrThrow({ where: { username: "admin" } })).displayName).toBe("Quản trị hệ thống");
    expect(await testDb().auditEvent.count({ where: { action: "user.created", details: { path: ["username"], string_contains: String(stamp) } } })).toBe(0);
  });

  it("is refused to everyone but administrators", async () => {
    const { wardActor, secretary } = await createTestWard();
    await expect(listUsers(wardActor, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserActive(wardActor, secretary.id, false)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserPassword(wardActor, { userId: secretary.id, password: "Mật khẩu mới 2026" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("disabling a user ends their sessions and blocks sign-in; enabling restores it", async () => {
    const { wardUser } = await createTestWard();
    const signedIn = await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: "10.9.9.1" });
    if (!signedIn.ok) throw new Error("sign-in failed");
    await setUserActive(await admin(), wardUser.id, false);
    expect((await testDb().authSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })).revokedAt).not.toBeNull();
    expect((await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: "10.9.9.1" })).ok).toBe(false);
    await setUserActive(await admin(), wardUser.id, true);
    expect((await signInWithPassword({ username: wardUser.username, password: TEST_PASSWORD, ip: "10.9.9.1" })).ok).toBe(true);
  });

  it("reset clears a lock-out and forces a change; unlock works on its own", async () => {
    const { wardUser } = await createTestWard();
    await testDb().user.update({ where: { id: wardUser.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    await unlockUser(await admin(), wardUser.id);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } })).lockedUntil).toBeNull();
    await resetUserPassword(await admin(), { userId: wardUser.id, password: "Mật khẩu tạm mới 99" });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: wardUser.id } });
    expect(user.mustChangePassword).toBe(true);
    expect((await signInWithPassword({ username: wardUser.username, password: "Mật khẩu tạm mới 99", ip: "10.9.9.2" })).ok).toBe(true);
  });

  it("a user changes their own password only with the current one", async () => {
    const { wardUser, ward } = await createTestWard();
    const actor = await actorOf(wardUser);
    await expect(changeOwnPassword(actor, { currentPassword: "sai", newPassword: "Mật khẩu mới tinh 1", confirmPassword: "Mật khẩu mới tinh 1" })).rejects.toThrow("Mật khẩu hiện tại không đúng");
    await expect(changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "Mật khẩu mới tinh 1", confirmPassword: "khác" })).rejects.toBeInstanceOf(ValidationError);
    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "Mật khẩu mới tinh 1", confirmPassword: "Mật khẩu mới tinh 1" });
    expect((await signInWithPassword({ username: wardUser.username, password: "Mật khẩu mới tinh 1", ip: "10.9.9.3" })).ok).toBe(true);
    expect(ward).toBeDefined();
  });

  it("an administrator of a district cannot reach users outside it", async () => {
    const district = await testDb().orgUnit.findUniqueOrThrow({ where: { code: "LB" } });
    const otherDistrict = await testDb().orgUnit.create({ data: { code: `Q-${Date.now()}`, name: "Quận Khác", level: "DISTRICT", parentId: district.parentId, path: "/", depth: 1, validFrom: new Date() } });
    await testDb().orgUnit.update({ where: { id: otherDistrict.id }, data: { path: `/${district.parentId}/${otherDistrict.id}/` } });
    const outsider = await createUser("LEADER", otherDistrict.id);
    const districtAdmin = await createUser("ADMIN", district.id);
    // Administrators manage everything (scope "/") by design (docs/product.md, roles).
    expect((await actorOf(districtAdmin)).scopePath).toBe("/");
    await expect(setUserActive(await actorOf(await createUser("BOARD_REVIEWER", district.id)), outsider.id, false)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserActive(await admin(), 99_999_999, false)).rejects.toBeInstanceOf(NotFoundError);
  });
});
