import { hitRateLimit } from "@/lib/security/rate-limit";
import { closeTestDb } from "../support/db";

afterAll(closeTestDb);

describe("database rate limit", () => {
  it("counts concurrent hits exactly and refuses past the limit", async () => {
    const key = `test:${Date.now()}:${Math.random()}`;
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(key, 20, 60, now)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(results.filter((r) => !r.allowed)).toHaveLength(5);
    expect(Math.max(...results.map((r) => r.retryAfterSeconds))).toBeLessThanOrEqual(60);
  });
});
