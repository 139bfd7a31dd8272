import { expect, it } from "vitest";
import { StoreArgumentError } from "@/lib/store/checks";
import type { ContractContext } from "@/lib/store/store.contract";

export function leasesContract(ctx: ContractContext) {
  it("is exclusive: a second owner, or the holder again, does not get it", async () => {
    const store = ctx.open();
    expect(await store.acquire("lease", "a", 10_000)).toBe(true);
    expect(await store.acquire("lease", "b", 10_000)).toBe(false);
    expect(await store.acquire("lease", "a", 10_000)).toBe(false);
    expect(await store.get("lease")).toBe("a");
  });

  it("frees itself when its time runs out", async () => {
    const store = ctx.open();
    expect(await store.acquire("lease", "a", 300)).toBe(true);
    await ctx.advance(450);
    expect(await store.acquire("lease", "b", 10_000)).toBe(true);
    expect(await store.get("lease")).toBe("b");
  });

  it("is released by its owner only", async () => {
    const store = ctx.open();
    await store.acquire("lease", "a", 10_000);
    await store.release("lease", "b");
    expect(await store.acquire("lease", "b", 10_000)).toBe(false);
    await store.release("lease", "a");
    expect(await store.acquire("lease", "b", 10_000)).toBe(true);
  });

  it("is not released by a former holder whose lease ran out and was taken", async () => {
    const store = ctx.open();
    await store.acquire("lease", "a", 300);
    await ctx.advance(450);
    await store.acquire("lease", "b", 10_000);
    await store.release("lease", "a");
    expect(await store.get("lease")).toBe("b");
  });

  it("goes to exactly one of many callers acquiring at once", async () => {
    const callers = Array.from({ length: 25 }, () => ctx.open());
    const wins = await Promise.all(callers.map((store, i) => store.acquire("lease", `owner-${i}`, 10_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await callers[0]!.get("lease")).toBe(`owner-${wins.indexOf(true)}`);
  });

  it("rejects a lease time that is not a whole number of ms >= 1", async () => {
    await expect(ctx.open().acquire("lease", "a", 0)).rejects.toBeInstanceOf(StoreArgumentError);
  });
}
