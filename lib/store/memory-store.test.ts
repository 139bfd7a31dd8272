import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryStore, type MemoryStore } from "@/lib/store/memory-store";
import { describeStoreContract } from "@/lib/store/store.contract";

describeStoreContract("memory", () => {
  let t = 1_000_000;
  const stores = new Map<string, MemoryStore>();
  return {
    // One store per prefix: callers of one instance share its memory; prefixes stand for instances.
    open(prefix) {
      const store = stores.get(prefix) ?? createMemoryStore({ now: () => t, sweepEveryMs: 0 });
      stores.set(prefix, store);
      return store;
    },
    async advance(ms) {
      t += ms;
    },
  };
});

describe("memory store: expiry sweep", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forgets expired values and leases on sweep, keeping live ones", async () => {
    let t = 0;
    const store = createMemoryStore({ now: () => t, sweepEveryMs: 0 });
    for (let i = 0; i < 100; i++) await store.set(`old-${i}`, "v", 1);
    await store.acquire("lease", "a", 500);
    await store.set("live", "v", 60);
    t = 1_000;
    expect(store.sweep()).toBe(101);
    expect(store.sweep()).toBe(0);
    expect(await store.get("live")).toBe("v");
    await store.close();
  });

  it("sweeps on its own timer, which does not keep the process alive", async () => {
    vi.useFakeTimers();
    let t = 0;
    const store = createMemoryStore({ now: () => t, sweepEveryMs: 1_000 });
    const unswept = createMemoryStore({ now: () => t, sweepEveryMs: 0 });
    for (const s of [store, unswept]) await s.set("k", "v", 1);
    t = 2_000;
    vi.advanceTimersByTime(1_000);
    expect(store.sweep()).toBe(0);
    expect(unswept.sweep()).toBe(1);
    await store.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("unrefs its timer", () => {
    const spy = vi.spyOn(globalThis, "setInterval");
    const store = createMemoryStore();
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
    void store.close();
  });
});
