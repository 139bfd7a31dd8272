import "server-only";
import { describe, expect, it } from "vitest";
import { createAtlasClient } from "@/lib/atlas/client";
import { createServiceDeps } from "@/lib/atlas/service-deps";
import type { Job } from "@/lib/jobs/dto";
import { DEFAULT_STUCK } from "@/lib/jobs/stuck";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createBudget } from "@/lib/store/budget";
import { createMemoryStore } from "@/lib/store/memory-store";
import { DUE, VIEWED, createReadModel } from "@/lib/store/read-model";
import { MAX_WATCHES } from "@/lib/watches/dto";
import { watchMember } from "@/lib/watches/state";
import { jobListResource, type StoredJobList } from "./resources";
import type { BackupsDeps } from "./service";
import { WATCHED, WATCH_TTL_MS, addWatch, listWatches, markNotified, removeWatch, type WatchDeps } from "./watches";

// Watches over a real read model filled from a real simulator: what they report must be what the
// store holds, and reading them must never reach Atlas.
const upstream = simulatorPerFile();
const randomHex = (n: number) => [...Array(n)].map(() => Math.floor(Math.random() * 16).toString(16)).join("");

async function world() {
  let clock = Date.now();
  const c = upstream.sim.credentials;
  const client = createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId: c.clientId, clientSecret: c.clientSecret },
    timeoutMs: 5_000,
    maxRetries: 0,
  });
  const store = createMemoryStore({ now: () => clock });
  const readModel = createReadModel({
    store,
    budget: createBudget({ capacity: 1200, refillPerMinute: 500, share: 0.5 }),
    owner: "test",
    now: () => clock,
    log: { warn: () => undefined },
    leaseMs: 30_000,
    waitMs: 5_000,
    failureRetryMs: 5_000,
    maxStaleMs: 30_000,
    retentionSeconds: 3600,
  });
  const backups: BackupsDeps = {
    atlas: createServiceDeps(client, { projectAllowlist: [] }),
    readModel,
    freshness: { busyMs: 10_000, idleMs: 60_000, catalogMs: 300_000 },
    stuck: DEFAULT_STUCK,
  };
  const d: WatchDeps = { backups, store, now: () => clock };
  const { groupId, bigRestoreCluster: clusterName } = upstream.fx.showcase;
  const list = jobListResource(backups, "restore", groupId, clusterName);
  const { value } = await readModel.read(list);
  const pick = (p: (j: Job) => boolean) => {
    const job = value.jobs.find(p);
    if (!job) throw new Error("the showcase has no such job");
    return { groupId, clusterName, kind: "restore" as const, jobId: job.id };
  };
  return {
    d,
    /** The same store read by a dashboard whose allowlist has only `allow`. */
    fenced: (allow: string[]): WatchDeps => ({
      ...d,
      backups: { ...backups, atlas: createServiceDeps(client, { projectAllowlist: allow }) },
    }),
    store,
    list,
    advance: (ms: number) => (clock += ms),
    now: () => clock,
    running: pick((j) => j.status === "running"),
    completed: pick((j) => j.status === "completed"),
    value: value as StoredJobList,
  };
}

describe("watches", () => {
  it("reports each watched job's state from the store, and reading them never calls Atlas", async () => {
    const w = await world();
    const user = `u-${randomHex(8)}`;
    await addWatch(w.d, user, w.running);
    await addWatch(w.d, user, w.completed);
    await upstream.ctl.resetCounters();
    const list = await listWatches(w.d, user);
    expect((await upstream.ctl.counters()).total).toBe(0);

    const byId = new Map(list.items.map((i) => [i.jobId, i]));
    const done = w.value.jobs.find((j) => j.id === w.completed.jobId)!;
    expect(byId.get(w.completed.jobId)).toMatchObject({
      outcome: "completed",
      notified: null,
      state: { read: true, status: "completed", endedAt: done.finishedAt },
    });
    expect(byId.get(w.running.jobId)?.state.status).toBe("running");
    // No download URL in any form reaches the answer.
    expect(JSON.stringify(list)).not.toMatch(/https?:\/\/|deliveryUrl|snapshotUrl/i);
    expect(list.max).toBe(MAX_WATCHES);
  });

  it("tells a running job flagged stuck by Now's rule, and keeps polling it", async () => {
    const w = await world();
    const user = `u-${randomHex(8)}`;
    // Every running job is past a limit of zero: the same rule, thresholds that always bite.
    const strict: WatchDeps = {
      ...w.d,
      backups: {
        ...w.d.backups,
        stuck: {
          ...DEFAULT_STUCK,
          factor: 0,
          floorMs: 0,
          fallbackMs: { restore: 0, export: 0, "tenant-restore": 0, "flex-restore": 0, "collection-restore": 0 },
        },
      },
    };
    await addWatch(strict, user, w.running);
    const [item] = (await listWatches(strict, user)).items;
    expect(item?.outcome).toBe("stuck");
    expect(item?.state.stuck?.reason).toBe("overdue");
    expect((await listWatches(w.d, user)).items[0]?.outcome).toBeNull();
  });

  it("keeps the lists of jobs still going on the collector's schedule", async () => {
    const w = await world();
    const user = `u-${randomHex(8)}`;
    await addWatch(w.d, user, w.running);
    await w.store.zrem(DUE, w.list.key);
    await w.store.zrem(VIEWED, w.list.key);
    w.advance(1_000);
    await listWatches(w.d, user);
    expect(await w.store.zscore(VIEWED, w.list.key)).toBe(w.now());
    expect(await w.store.zscore(DUE, w.list.key)).not.toBeNull();
  });

  it("records every watch in the shared `watched` set with its expiry, kept after the watcher stops", async () => {
    const w = await world();
    const [ann, bob] = [`u-${randomHex(8)}`, `u-${randomHex(8)}`];
    const member = watchMember(w.running);
    await addWatch(w.d, ann, w.running);
    expect(await w.store.zscore(WATCHED, member)).toBe(w.now() + WATCH_TTL_MS);
    w.advance(60_000);
    await addWatch(w.d, bob, w.running);
    expect(await w.store.zscore(WATCHED, member)).toBe(w.now() + WATCH_TTL_MS);
    await removeWatch(w.d, bob, w.running);
    expect((await listWatches(w.d, bob)).items).toEqual([]);
    expect((await listWatches(w.d, ann)).items.map((i) => i.jobId)).toEqual([w.running.jobId]);
    expect(await w.store.zscore(WATCHED, member)).toBe(w.now() + WATCH_TTL_MS);
  });

  it("remembers what was shown, so a reload or another tab does not show it again", async () => {
    const w = await world();
    const user = `u-${randomHex(8)}`;
    await addWatch(w.d, user, w.completed);
    const after = await markNotified(w.d, user, { ...w.completed, outcome: "completed" });
    expect(after.items[0]?.notified).toEqual({ outcome: "completed", at: new Date(w.now()).toISOString() });
    // Watching it again keeps what was shown.
    await addWatch(w.d, user, w.completed);
    expect((await listWatches(w.d, user)).items[0]?.notified?.outcome).toBe("completed");
    await expect(
      markNotified(w.d, `u-${randomHex(8)}`, { ...w.completed, outcome: "completed" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps one user's watches from another's, and ends them at their expiry", async () => {
    const w = await world();
    const [ann, bob] = [`u-${randomHex(8)}`, `u-${randomHex(8)}`];
    await addWatch(w.d, ann, w.completed);
    expect((await listWatches(w.d, bob)).items).toEqual([]);
    w.advance(WATCH_TTL_MS + 1);
    expect((await listWatches(w.d, ann)).items).toEqual([]);
  });

  it("refuses a job its list does not have, a project off the allowlist, and one watch past the cap", async () => {
    const w = await world();
    const user = `u-${randomHex(8)}`;
    await expect(addWatch(w.d, user, { ...w.running, jobId: randomHex(24) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(addWatch(w.fenced([randomHex(24)]), user, w.running)).rejects.toMatchObject({ status: 404 });

    const ids = w.value.jobs.slice(0, MAX_WATCHES + 1).map((j) => j.id);
    for (const jobId of ids.slice(0, MAX_WATCHES)) await addWatch(w.d, user, { ...w.running, jobId });
    await expect(addWatch(w.d, user, { ...w.running, jobId: ids[MAX_WATCHES]! })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Watching one already watched again is a renewal, not one more.
    await addWatch(w.d, user, { ...w.running, jobId: ids[0]! });
    expect((await listWatches(w.d, user)).items).toHaveLength(MAX_WATCHES);
  });
});
