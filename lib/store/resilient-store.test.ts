import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { StoreArgumentError } from "@/lib/store/checks";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createRedisStore } from "@/lib/store/redis-store";
import { createResilientStore, type PrimaryStore } from "@/lib/store/resilient-store";
import { hammer } from "@/lib/store/testing/hammer";
import { startRedis, type RedisServer } from "@/lib/store/testing/redis-server";

const fakeLog = () => ({ warn: vi.fn(), info: vi.fn() });

describe("resilient store over a real Redis", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers from memory when Redis dies mid-run, logs the outage once, rejoins when it returns", async () => {
    const prefix = `resilient-${randomUUID()}`;
    const raw = new Redis(server.url);
    raw.on("error", () => undefined); // it goes down with the server; the store under test is what reports
    const fallback = createMemoryStore();
    const log = fakeLog();
    const store = createResilientStore(createRedisStore({ url: server.url, prefix }), fallback, log);

    await store.set("before", "v", 60);
    expect(await raw.get(`${prefix}:before`)).toBe("v");
    expect(store.health()).toEqual({ state: "ok" });

    const load = hammer(store);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.kill();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await store.acquire("lease", "me", 10_000)).toBe(true);
    expect(await store.acquire("lease", "you", 10_000)).toBe(false);
    const health = store.health();
    expect(health).toMatchObject({ state: "degraded", reason: expect.stringMatching(/\S/) });
    expect(Date.now() - Date.parse((health as { since: string }).since)).toBeLessThan(1_000);

    await server.restart();
    await vi.waitFor(() => expect(store.health()).toEqual({ state: "ok" }), { timeout: 5_000, interval: 50 });
    await load.stop();
    expect(load.failures).toEqual([]);
    expect(load.misses()).toBeLessThanOrEqual(10); // at most the ten keys written to memory while Redis was away
    expect(load.calls()).toBeGreaterThan(20);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[1]).toMatch(/degraded/);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls[0]?.[1]).toMatch(/rejoined/);

    // Back on Redis, and what memory held during the outage is gone.
    await store.set("after", "v", 60);
    expect(await raw.get(`${prefix}:after`)).toBe("v");
    expect(await fallback.get("lease")).toBeNull();
    await store.close();
    await raw.quit();
  });
});

describe("resilient store", () => {
  /** A Redis that stays connected but stops answering (a hung server): only calls can tell. */
  function hungPrimary() {
    const inner = createMemoryStore();
    const state = { hung: false, calls: 0 };
    const guard =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        state.calls += 1;
        if (state.hung) throw new Error("Command timed out");
        return fn(...args);
      };
    const primary: PrimaryStore = {
      ...inner,
      kind: "redis",
      status: () => "ready",
      get: guard(inner.get),
      set: guard(inner.set),
    };
    return { primary, state };
  }

  it("after a failed call, tries the primary once per retry period, and rejoins when it answers", async () => {
    let t = 0;
    const { primary, state } = hungPrimary();
    const log = fakeLog();
    const store = createResilientStore(primary, createMemoryStore(), log, { now: () => t, retryEveryMs: 1_000 });
    await store.set("k", "redis", 60);

    state.hung = true;
    await store.set("k", "memory", 60);
    expect(store.health()).toEqual({
      state: "degraded",
      reason: "Command timed out",
      since: new Date(0).toISOString(),
    });
    const callsSoFar = state.calls;
    for (let i = 0; i < 10; i++) expect(await store.get("k")).toBe("memory");
    expect(state.calls).toBe(callsSoFar);

    t = 1_000;
    state.hung = false;
    expect(await store.get("k")).toBe("redis");
    expect(state.calls).toBe(callsSoFar + 1);
    expect(store.health()).toEqual({ state: "ok" });
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls[0]?.[0]).toMatchObject({ downForMs: 1_000 });
  });

  it("passes a caller's bad argument on without calling it an outage", async () => {
    const { primary } = hungPrimary();
    const log = fakeLog();
    const store = createResilientStore(primary, createMemoryStore(), log);
    await expect(store.set("k", "v", 0)).rejects.toBeInstanceOf(StoreArgumentError);
    expect(store.health()).toEqual({ state: "ok" });
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("is degraded as soon as the primary is known down, before any call", () => {
    const { primary } = hungPrimary();
    const store = createResilientStore(
      { ...primary, status: () => "down", downReason: () => "connect ECONNREFUSED" },
      createMemoryStore(),
      fakeLog(),
    );
    expect(store.health()).toMatchObject({ state: "degraded", reason: "connect ECONNREFUSED" });
  });
});
