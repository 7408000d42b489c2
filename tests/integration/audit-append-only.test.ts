import { testDb, closeTestDb } from "../support/db";

afterAll(closeTestDb);

describe("audit events", () => {
  it("cannot be changed or deleted once written", async () => {
    const event = await testDb().auditEvent.create({ data: { actorLabel: "kiểm thử", action: "test.written", entityType: "Test" } });
    await expect(testDb().auditEvent.update({ where: { id: event.id }, data: { action: "test.changed" } })).rejects.toThrow();
    await expect(testDb().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    const stored = await testDb().auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(stored.action).toBe("test.written");
  });
});
