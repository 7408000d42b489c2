import { rememberedValues } from "@/lib/db/remembered";

describe("remembered values", () => {
  it("keeps at most its limit, dropping the oldest written first", () => {
    const values = rememberedValues<number>(3);
    for (const [key, value] of [["a", 1], ["b", 2], ["c", 3]] as const) values.set(key, value);
    values.set("a", 10); // written again: now the newest
    values.set("d", 4);
    expect(values.size).toBe(3);
    expect(values.get("b")).toBeUndefined();
    expect([values.get("a"), values.get("c"), values.get("d")]).toEqual([10, 3, 4]);
    values.set("e", 5);
    expect(values.get("c")).toBeUndefined();
    expect(values.get("a")).toBe(10);
  });
});
