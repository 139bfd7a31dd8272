import { expect, it } from "vitest";
import { StoreArgumentError } from "@/lib/store/checks";
import type { ContractContext } from "@/lib/store/store.contract";

export function sortedSetsContract(ctx: ContractContext) {
  it("lists due members lowest score first, up to a limit, the max score included", async () => {
    const store = ctx.open();
    await store.zadd("s", "a", 30);
    await store.zadd("s", "b", 10);
    await store.zadd("s", "c", 20);
    expect(await store.zdue("s", 100, 10)).toEqual(["b", "c", "a"]);
    expect(await store.zdue("s", 20, 10)).toEqual(["b", "c"]);
    expect(await store.zdue("s", 100, 2)).toEqual(["b", "c"]);
    expect(await store.zdue("s", 9, 10)).toEqual([]);
    expect(await store.zdue("s", 100, 0)).toEqual([]);
    await expect(store.zdue("s", 100, -1)).rejects.toBeInstanceOf(StoreArgumentError);
  });

  it("orders equal scores by member", async () => {
    const store = ctx.open();
    for (const member of ["x", "y", "w"]) await store.zadd("s", member, 5);
    expect(await store.zdue("s", 5, 10)).toEqual(["w", "x", "y"]);
  });

  it("moves a member on zadd; onlyIfLower keeps the smaller score and still adds new members", async () => {
    const store = ctx.open();
    await store.zadd("s", "a", 1_700_000_000_123);
    expect(await store.zscore("s", "a")).toBe(1_700_000_000_123);
    await store.zadd("s", "a", 40);
    await store.zadd("s", "a", 50, { onlyIfLower: true });
    expect(await store.zscore("s", "a")).toBe(40);
    await store.zadd("s", "a", 2.5, { onlyIfLower: true });
    expect(await store.zscore("s", "a")).toBe(2.5);
    await store.zadd("s", "new", 99, { onlyIfLower: true });
    expect(await store.zscore("s", "new")).toBe(99);
    await expect(store.zadd("s", "a", Number.NaN)).rejects.toBeInstanceOf(StoreArgumentError);
  });

  it("onlyIfAbsent adds a new member and never moves one already there", async () => {
    const store = ctx.open();
    await store.zadd("s", "a", 40);
    await store.zadd("s", "a", 10, { onlyIfAbsent: true });
    await store.zadd("s", "a", 90, { onlyIfAbsent: true });
    expect(await store.zscore("s", "a")).toBe(40);
    await store.zadd("s", "b", 7, { onlyIfAbsent: true });
    expect(await store.zscore("s", "b")).toBe(7);
  });

  it("removes members one by one and by score, counting them", async () => {
    const store = ctx.open();
    expect(await store.zcard("s")).toBe(0);
    expect(await store.zscore("s", "a")).toBeNull();
    for (const [member, score] of Object.entries({ a: 10, b: 20, c: 30, d: 5 })) await store.zadd("s", member, score);
    expect(await store.zcard("s")).toBe(4);
    await store.zrem("s", "c");
    await store.zrem("s", "missing");
    expect(await store.zscore("s", "c")).toBeNull();
    expect(await store.ztrim("s", 20)).toBe(2);
    expect(await store.zdue("s", 100, 10)).toEqual(["b"]);
    expect(await store.zcard("s")).toBe(1);
    expect(await store.ztrim("missing", 20)).toBe(0);
  });
}
