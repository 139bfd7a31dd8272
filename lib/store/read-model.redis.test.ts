import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AtlasError } from "@/lib/atlas/errors";
import { createBudget } from "./budget";
import { createReadModel, type Resource } from "./read-model";
import { createRedisStore, type RedisStore } from "./redis-store";
import { startRedis, type RedisServer } from "./testing/redis-server";

// Two "instances" (two read models, each with its own Redis connection and budget limiter) on one
// real redis-server, as two `next start` processes behind a load balancer would be.
let server: RedisServer;
const stores: RedisStore[] = [];
beforeAll(async () => {
  server = await startRedis();
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await server?.stop();
});

function instance(prefix: string, budget = { capacity: 1200, refillPerMinute: 500, share: 0.5 }) {
  const store = createRedisStore({ url: server.url, prefix });
  stores.push(store);
  return createReadModel({
    store,
    budget: createBudget(budget, { client: store.client as never, prefix }),
    owner: randomUUID(),
    log: { warn() {} },
    leaseMs: 10_000,
    waitMs: 3_000,
    failureRetryMs: 5_000,
    maxStaleMs: 30_000,
    retentionSeconds: 3600,
  });
}

function list(scope = "g1") {
  const state = { calls: 0, fail: null as AtlasError | null };
  const res: Resource<{ n: number }> = {
    key: `jobs:restore:${scope}:c1`,
    scope,
    shape: 1,
    schema: z.object({ n: z.number() }),
    url: "https://atlas.example/x",
    async load() {
      state.calls += 1;
      await new Promise((r) => setTimeout(r, 50));
      if (state.fail) throw state.fail;
      return { value: { n: state.calls }, receivedAt: new Date(), calls: 1 };
    },
    freshForMs: () => 60_000,
    expectedCalls: () => 1,
  };
  return { res, state };
}

describe("read model on a shared Redis", () => {
  it("two instances reading at once make one Atlas call and serve the same value", async () => {
    const prefix = `{bw-${randomUUID()}}`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const { res, state } = list();
    const snaps = await Promise.all([
      ...Array.from({ length: 20 }, () => a.read(res)),
      ...Array.from({ length: 20 }, () => b.read(res)),
    ]);
    expect(state.calls).toBe(1);
    expect(new Set(snaps.map((s) => s.value.n))).toEqual(new Set([1]));
  });

  it("a 429 seen by one instance holds back the other's refreshes of that project", async () => {
    const prefix = `{bw-${randomUUID()}}`;
    const [a, b] = [instance(prefix), instance(prefix)];
    const { res, state } = list("g-paused");
    state.fail = new AtlasError({
      kind: "http",
      status: 429,
      errorCode: "RATE_LIMITED_TOKEN_BUCKET",
      detail: null,
      method: "GET",
      url: "https://atlas.example/x",
      retryAfterSeconds: 30,
    });
    await expect(a.read(res)).rejects.toMatchObject({ status: 429 });
    state.fail = null;
    const other = list("g-paused");
    other.res.key = "jobs:export:g-paused:c1";
    await expect(b.read(other.res)).rejects.toMatchObject({ status: 429, errorCode: "RATE_LIMITED" });
    expect(other.state.calls).toBe(0);
  });

  it("the budget is shared: two instances together spend one share", async () => {
    const prefix = `{bw-${randomUUID()}}`;
    const tiny = { capacity: 8, refillPerMinute: 4, share: 0.5 }; // 2 a minute + 2 burst
    const [a, b] = [instance(prefix, tiny), instance(prefix, tiny)];
    const lists = Array.from({ length: 6 }, (_, i) => {
      const l = list("g-budget");
      l.res.key = `jobs:restore:g-budget:c${i}`;
      return l;
    });
    const results = await Promise.allSettled(lists.map((l, i) => (i % 2 ? a : b).read(l.res)));
    expect(lists.reduce((n, l) => n + l.state.calls, 0)).toBe(4);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(2);
  });
});
