import { actorOf, createTestWard } from "../support/factories";
import { closeTestDb, testDb } from "../support/db";
import { issueApiToken, listApiTokens, resolveApiToken, revokeApiToken } from "@/lib/tokens/api-tokens";
import { hashTokenSecret } from "@/lib/tokens/token-secret";
import { ForbiddenError, ValidationError } from "@/lib/errors";

afterAll(closeTestDb);

async function admin() {
  return actorOf(await testDb().user.findUniqueOrThrow({ where: { username: "admin" }, include: { orgUnit: true } }));
}

describe("API tokens", () => {
  it("are stored hashed, act within their unit's scope, and stop working when revoked", async () => {
    const { ward } = await createTestWard();
    const { id, secret } = await issueApiToken(await admin(), { name: "Ứng dụng Sổ tay", orgUnitCode: ward.code, role: "WARD_COMMITTEE", expiresInDays: 30 });
    const stored = await testDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).toBe(hashTokenSecret(secret));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const actor = await resolveApiToken(secret);
    expect(actor).toMatchObject({ kind: "token", role: "WARD_COMMITTEE", orgUnitId: ward.id, scopePath: ward.path });
    expect((await listApiTokens(await admin())).find((token) => token.id === id)).not.toHaveProperty("tokenHash");
    await revokeApiToken(await admin(), id);
    expect(await resolveApiToken(secret)).toBeNull();
    const events = await testDb().auditEvent.findMany({ where: { entityType: "ApiToken", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["token.issued", "token.revoked"]);
  });

  it("expired and unknown tokens resolve to nobody", async () => {
    const { ward } = await createTestWard();
    const { id, secret } = await issueApiToken(await admin(), { name: "Hết hạn", orgUnitCode: ward.code, role: "LEADER" });
    await testDb().apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveApiToken(secret)).toBeNull();
    expect(await resolveApiToken("stdv_khongtontai")).toBeNull();
    expect(await resolveApiToken("x".repeat(500))).toBeNull();
  });

  it("can be issued only by administrators and only with a role that fits the unit", async () => {
    const { ward, branches, wardActor } = await createTestWard();
    await expect(issueApiToken(wardActor, { name: "Tự cấp", orgUnitCode: ward.code, role: "WARD_COMMITTEE" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueApiToken(await admin(), { name: "Sai cấp", orgUnitCode: branches[0].code, role: "WARD_COMMITTEE" })).rejects.toBeInstanceOf(ValidationError);
    await expect(issueApiToken(await admin(), { name: "Quản trị", orgUnitCode: ward.code, role: "ADMIN" })).rejects.toBeInstanceOf(ValidationError);
  });
});
