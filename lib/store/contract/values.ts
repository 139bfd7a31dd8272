import { expect, it } from "vitest";
import { StoreArgumentError } from "@/lib/store/checks";
import type { ContractContext } from "@/lib/store/store.contract";

export function valuesContract(ctx: ContractContext) {
  it("returns null for a missing key, the last value set otherwise", async () => {
    const store = ctx.open();
    expect(await store.get("k")).toBeNull();
    await store.set("k", "one", 60);
    await store.set("k", "two", 60);
    expect(await store.get("k")).toBe("two");
  });

  it("reads many keys at once in their order, null for the missing ones", async () => {
    const store = ctx.open();
    expect(await store.mget([])).toEqual([]);
    await store.set("a", "1", 60);
    await store.set("c", "3", 60);
    expect(await store.mget(["c", "b", "a", "c"])).toEqual(["3", null, "1", "3"]);
    const many = Array.from({ length: 1_203 }, (_, i) => `k${i}`);
    for (const key of many.filter((_, i) => i % 100 === 0)) await store.set(key, key.toUpperCase(), 60);
    const got = await store.mget(many);
    expect(got).toHaveLength(1_203);
    expect(got.filter((v) => v !== null)).toEqual(many.filter((_, i) => i % 100 === 0).map((k) => k.toUpperCase()));
  });

  it("expires a value after its TTL", async () => {
    const store = ctx.open();
    await store.set("k", "v", 1);
    await ctx.advance(500);
    expect(await store.get("k")).toBe("v");
    await ctx.advance(700);
    expect(await store.get("k")).toBeNull();
  });

  it("rejects a TTL that is not a whole number of seconds >= 1, storing nothing", async () => {
    const store = ctx.open();
    await expect(store.set("k", "v", 0)).rejects.toBeInstanceOf(StoreArgumentError);
    await expect(store.set("k", "v", 1.5)).rejects.toBeInstanceOf(StoreArgumentError);
    expect(await store.get("k")).toBeNull();
  });

  it("deletes a key whatever it holds, and deleting a missing key is fine", async () => {
    const store = ctx.open();
    await store.set("k", "v", 60);
    await store.acquire("lease", "a", 10_000);
    await store.zadd("s", "m", 1);
    for (const key of ["k", "lease", "s", "never-set"]) await store.del(key);
    expect(await store.get("k")).toBeNull();
    expect(await store.acquire("lease", "b", 10_000)).toBe(true);
    expect(await store.zcard("s")).toBe(0);
  });
}
