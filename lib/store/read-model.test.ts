import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AtlasError } from "@/lib/atlas/errors";
import { createBudget } from "./budget";
import { createMemoryStore } from "./memory-store";
import { createReadModel, type Resource } from "./read-model";
import { createScheduler } from "./scheduler";
import type { Store } from "./store";

// A clock the test moves; Atlas is a function that counts its calls and can be told to fail.
function world(options: { share?: number; capacity?: number; refill?: number } = {}) {
  let clock = Date.UTC(2026, 11, 1, 9);
  const now = () => clock;
  const store = createMemoryStore({ now });
  const warnings: Array<{ obj: object; msg: string }> = [];
  const log = { warn: (obj: object, msg: string) => warnings.push({ obj, msg }) };
  const budget = createBudget({
    capacity: options.capacity ?? 1200,
    refillPerMinute: options.refill ?? 500,
    share: options.share ?? 0.5,
  });
  const model = (owner: string, s: Store = store) =>
    createReadModel({
      store: s,
      budget,
      owner,
      now,
      log,
      leaseMs: 30_000,
      waitMs: 2_000,
      failureRetryMs: 5_000,
      maxStaleMs: 30_000,
      retentionSeconds: 86_400,
    });
  return { now, advance: (ms: number) => (clock += ms), store, warnings, budget, model };
}

function atlasList(w: { now: () => number }, key = "jobs:restore:g1:c1", scope = "g1") {
  const state = { calls: 0, version: 0, fail: null as AtlasError | null, busy: true, delayMs: 0 };
  const res: Resource<{ version: number }> = {
    key,
    scope,
    shape: 1,
    schema: z.object({ version: z.number() }),
    url: "https://atlas.example/x",
    async load() {
      state.calls += 1;
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.fail) throw state.fail;
      state.version += 1;
      return { value: { version: state.version }, receivedAt: new Date(w.now()), calls: 1 };
    },
    freshForMs: () => (state.busy ? 10_000 : 60_000),
    expectedCalls: () => 1,
  };
  return { res, state };
}

const http = (status: number, errorCode: string, retryAfterSeconds?: number) =>
  new AtlasError({
    kind: "http",
    status,
    errorCode,
    detail: errorCode,
    method: "GET",
    url: "https://atlas.example/x",
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  });

describe("read model", () => {
  it("a cold miss waits for one Atlas call, however many readers ask at once", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    state.delayMs = 20;
    const model = w.model("a");
    const snaps = await Promise.all(Array.from({ length: 50 }, () => model.read(res)));
    expect(state.calls).toBe(1);
    expect(new Set(snaps.map((s) => s.value.version))).toEqual(new Set([1]));
  });

  it("serves a fresh value from the store, and a stale one at once while one refresh runs", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    const model = w.model("a");
    await model.read(res);
    w.advance(9_000);
    expect((await model.read(res)).value.version).toBe(1);
    expect(state.calls).toBe(1);
    w.advance(2_000);
    const stale = await model.read(res);
    expect(stale.value.version).toBe(1); // answered without waiting
    await new Promise((r) => setTimeout(r, 10));
    expect(state.calls).toBe(2);
    expect((await model.read(res)).value.version).toBe(2);
  });

  it("a value long past its window (nobody kept it fresh) is refreshed before it is shown", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    const model = w.model("a");
    await model.read(res);
    w.advance(10_000 + 30_001);
    expect((await model.read(res)).value.version).toBe(2);
    state.fail = http(503, "SERVICE_UNAVAILABLE");
    w.advance(10_000 + 30_001);
    const fallback = await model.read(res);
    expect(fallback.value.version).toBe(2);
    expect(fallback.failure).toMatchObject({ status: 503 });
  });

  it("windows follow what the data is doing: an idle list waits longer", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    state.busy = false;
    const model = w.model("a");
    await model.read(res);
    w.advance(30_000);
    await model.read(res);
    await new Promise((r) => setTimeout(r, 10));
    expect(state.calls).toBe(1);
  });

  it("keeps the last good value through a failure, marked with Atlas's code, and clears the mark on recovery", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    const model = w.model("a");
    await model.read(res);
    state.fail = http(503, "SERVICE_UNAVAILABLE");
    w.advance(11_000);
    await model.refreshInBackground(res);
    const stale = await model.read(res);
    expect(stale.value.version).toBe(1);
    expect(stale.failure).toMatchObject({ status: 503, errorCode: "SERVICE_UNAVAILABLE" });
    const since = stale.failure!.at;
    w.advance(11_000);
    await model.refreshInBackground(res);
    expect((await model.read(res)).failure?.at).toBe(since); // the outage's start, not its latest try
    state.fail = null;
    w.advance(11_000);
    await model.refreshInBackground(res);
    const fresh = await model.read(res);
    expect(fresh.value.version).toBe(2);
    expect(fresh.failure).toBeUndefined();
  });

  it("with nothing ever read, a failure is the error itself (a 404 stays a 404), answered from the store for a few seconds", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    state.fail = http(404, "CLUSTER_NOT_FOUND");
    const model = w.model("a");
    await expect(model.read(res)).rejects.toMatchObject({ status: 404, errorCode: "CLUSTER_NOT_FOUND" });
    await expect(model.read(res)).rejects.toMatchObject({ status: 404, errorCode: "CLUSTER_NOT_FOUND" });
    expect(state.calls).toBe(1);
    w.advance(5_001);
    await expect(model.read(res)).rejects.toMatchObject({ status: 404 });
    expect(state.calls).toBe(2);
  });

  it("a 429 pauses every refresh of that project until Retry-After, and no other project", async () => {
    const w = world();
    const a = atlasList(w, "jobs:restore:g1:c1", "g1");
    const b = atlasList(w, "jobs:restore:g1:c2", "g1");
    const other = atlasList(w, "jobs:restore:g2:c1", "g2");
    const model = w.model("a");
    await Promise.all([model.read(a.res), model.read(b.res), model.read(other.res)]);
    a.state.fail = http(429, "RATE_LIMITED_TOKEN_BUCKET", 5);
    w.advance(11_000);
    await model.refreshInBackground(a.res);
    await model.refreshInBackground(b.res);
    await model.refreshInBackground(other.res);
    expect([a.state.calls, b.state.calls, other.state.calls]).toEqual([2, 1, 2]);
    const snap = await model.read(b.res);
    expect(snap.value.version).toBe(1);
    expect(snap.failure).toMatchObject({ status: 429, retryAfterSeconds: 5 });
    await new Promise((r) => setTimeout(r, 10)); // the read's own background refresh, held back too
    expect(b.state.calls).toBe(1);
    w.advance(5_001);
    a.state.fail = null;
    await model.refreshInBackground(b.res);
    expect(b.state.calls).toBe(2);
  });

  it("spends at most the project's share of Atlas's bucket, then serves what it has", async () => {
    const w = world({ capacity: 20, refill: 10, share: 0.5 }); // 5 a minute sustained + 5 burst
    const lists = Array.from({ length: 12 }, (_, i) => atlasList(w, `jobs:restore:g1:c${i}`, "g1"));
    const model = w.model("a");
    const results = await Promise.allSettled(lists.map((l) => model.read(l.res)));
    const calls = lists.reduce((n, l) => n + l.state.calls, 0);
    expect(calls).toBe(10);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(2);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ status: 429, errorCode: "BACKWATCH_BUDGET" });
  });

  it("treats garbage and entries of an older shape as misses, logged, never served", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    await w.store.set(`v:${res.key}`, "{not json", 60);
    const model = w.model("a");
    expect((await model.read(res)).value.version).toBe(1);
    await w.store.set(`v:${res.key}`, JSON.stringify({ shape: 0, fetchedAt: w.now(), value: { version: 99 } }), 60);
    expect((await model.read(res)).value.version).toBe(2);
    await w.store.set(`v:${res.key}`, JSON.stringify({ shape: 1, fetchedAt: w.now(), value: { version: "x" } }), 60);
    expect((await model.read(res)).value.version).toBe(3);
    expect(w.warnings.map((x) => (x.obj as { miss: string }).miss)).toEqual(["garbage", "shape", "invalid"]);
    expect(state.calls).toBe(3);
  });

  it("two instances on one store make the calls of one", async () => {
    const w = world();
    const { res, state } = atlasList(w);
    state.delayMs = 30;
    const [a, b] = [w.model("a"), w.model("b")];
    await Promise.all([
      ...Array.from({ length: 10 }, () => a.read(res)),
      ...Array.from({ length: 10 }, () => b.read(res)),
    ]);
    expect(state.calls).toBe(1);
    w.advance(11_000);
    await Promise.all([a.refreshInBackground(res), b.refreshInBackground(res)]);
    expect(state.calls).toBe(2);
  });

  it("property: with the scheduler running, what a viewer receives is never older than its window plus one refresh", async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let scenario = 0; scenario < 20; scenario++) {
      const w = world();
      const { res, state } = atlasList(w);
      const model = w.model("a");
      const tickMs = 1_000;
      const scheduler = createScheduler({
        store: w.store,
        readModel: model,
        resolve: () => res as Resource<unknown>,
        watchMs: 300_000,
        tickMs,
        concurrency: 2,
        batch: 10,
        now: w.now,
        log: { warn() {} },
      });
      state.busy = random() < 0.5;
      await model.read(res);
      let worst = 0;
      for (let step = 0; step < 300; step++) {
        const dt = Math.floor(random() * 800);
        w.advance(dt);
        if (step % 2 === 0) await scheduler.tick();
        const snap = await model.read(res);
        const window = res.freshForMs(snap.value);
        worst = Math.max(worst, w.now() - snap.fetchedAt.getTime() - window);
      }
      // The window, its jitter (a tenth of it), and the tick that notices it came due.
      expect(worst).toBeLessThanOrEqual(res.freshForMs({ version: 0 }) / 10 + 2 * tickMs);
    }
  });
});

describe("stored entries", () => {
  it("are deflated: a list of jobs takes a fraction of its JSON", async () => {
    const { encodeEntry, decodeEntry } = await import("./entry");
    const jobs = Array.from({ length: 200 }, (_, i) => ({
      id: `6b0e${String(i).padStart(20, "0")}`,
      status: i % 7 ? "completed" : "failed",
      startedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      target: "payments-prod",
    }));
    const entry = { shape: 1, fetchedAt: 1, value: { jobs } };
    const raw = encodeEntry(entry);
    expect(raw.startsWith("z1:")).toBe(true);
    expect(raw.length).toBeLessThan(JSON.stringify(entry).length / 4);
    expect(decodeEntry(raw, 1, z.object({ jobs: z.array(z.object({ id: z.string() }).loose()) }))).toEqual({ entry });
  });
});

describe("digests", () => {
  // A digest that remembers since when the version has been the same: it needs the previous digest.
  function withDigest(w: ReturnType<typeof world>) {
    const list = atlasList(w);
    const res: Resource<{ version: number }> = {
      ...list.res,
      digest: {
        shape: 1,
        schema: z.object({ version: z.number(), since: z.number(), makes: z.number() }),
        make: (value, previous: { version: number; since: number; makes: number } | undefined, at) => ({
          version: value.version,
          since: previous && previous.version === value.version ? previous.since : at,
          makes: (previous?.makes ?? 0) + 1,
        }),
      },
    };
    return { ...list, res };
  }

  it("is written beside each fresh value, from the previous digest, and read many at a time", async () => {
    const w = world();
    const { res } = withDigest(w);
    const m = w.model("a");
    expect(await m.peekDigests([res])).toEqual([null]);
    await m.read(res);
    const [first] = await m.peekDigests<{ version: number; since: number; makes: number }>([res]);
    expect(first?.value).toEqual({ version: 1, since: w.now(), makes: 1 });
    expect(first?.fetchedAt).toBe(w.now());
    w.advance(11_000);
    await m.refreshInBackground(res);
    const [second] = await m.peekDigests<{ makes: number; version: number }>([res]);
    expect(second?.value).toMatchObject({ version: 2, makes: 2 });
    // A resource without a digest answers null beside one with.
    const plain = atlasList(w, "jobs:restore:g1:c2").res;
    const both = await m.peekDigests([plain, res]);
    expect(both[0]).toBeNull();
    expect(both[1]?.value).toMatchObject({ version: 2 });
  });

  it("keeps its value and takes the failure when a refresh fails", async () => {
    const w = world();
    const { res, state } = withDigest(w);
    const m = w.model("a");
    await m.read(res);
    const fetchedAt = w.now();
    w.advance(11_000);
    state.fail = http(503, "SERVICE_UNAVAILABLE");
    await m.refreshInBackground(res);
    const [stale] = await m.peekDigests<{ version: number; makes: number }>([res]);
    expect(stale?.value).toEqual({ version: 1, since: fetchedAt, makes: 1 });
    expect(stale?.fetchedAt).toBe(fetchedAt);
    expect(stale?.failure).toMatchObject({ status: 503, errorCode: "SERVICE_UNAVAILABLE" });
    // The value is served with the same failure, so the two always agree.
    expect((await m.peek(res))?.failure?.errorCode).toBe("SERVICE_UNAVAILABLE");
  });
});

describe("scheduler", () => {
  it("takes the next batch at once while a full batch was due (a cold estate), not a tick later", async () => {
    const w = world();
    const model = w.model("a");
    const lists = Array.from({ length: 7 }, (_, i) => atlasList(w, `jobs:restore:g1:c${i}`));
    const byKey = new Map(lists.map((l) => [l.res.key, l.res as Resource<unknown>]));
    const scheduler = createScheduler({
      store: w.store,
      readModel: model,
      resolve: (key) => byKey.get(key) ?? null,
      watchMs: 300_000,
      tickMs: 60_000,
      concurrency: 2,
      batch: 2,
      now: w.now,
      log: { warn() {} },
      pinned: () => [...byKey.keys()],
    });
    for (const key of byKey.keys()) await w.store.zadd("due", key, w.now());
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      scheduler.start();
      await vi.advanceTimersByTimeAsync(60_000);
      // One interval: four full batches and the last key, not two keys.
      await expect.poll(() => lists.every((l) => l.state.calls === 1)).toBe(true);
    } finally {
      await scheduler.stop();
      vi.useRealTimers();
    }
  });
});
