// (7) What the store holds at scale 10: every job list of the simulator's world (20 projects of 50
// clusters and their Flex clusters) read once through our API, then the server's RSS, and the same
// walk against Redis for its used_memory. The budget and the simulator's backup limits are lifted so
// the walk is not refused; the walk is bounded in concurrency and time.
import { Redis } from "ioredis";
import pLimit from "p-limit";
import { jobsPath } from "../lib/api-client";
import type { JobKind } from "../lib/jobs/dto";
import { startSimulator, type RunningSimulator } from "../lib/simulator";
import { startRedis } from "../lib/store/testing/redis-server";
import { get } from "./load";
import { startApps, type AppInstance } from "./stack";
import { figure, type BenchFigure } from "./stats";

const CONCURRENCY = 8;
const WALK_MS = 150_000;
const mib = (bytes: number) => bytes / 1024 / 1024;

interface Walk {
  lists: number;
  errors: number;
  skipped: number;
  ms: number;
}

async function json<T>(app: AppInstance, path: string): Promise<T> {
  const res = await fetch(`${app.url}${path}`, { headers: { cookie: await app.cookie() } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Every project's clusters, then every kind's list of every cluster, page 1 of 50. */
async function walk(app: AppInstance): Promise<Walk> {
  const start = Date.now();
  const cookie = await app.cookie();
  const { items: projects } = await json<{ items: Array<{ id: string }> }>(app, "/api/projects");
  const limit = pLimit(CONCURRENCY);
  const lists = (
    await Promise.all(
      projects.map((p) =>
        limit(async () => {
          const { items } = await json<{ items: Array<{ name: string; jobKinds: JobKind[] }> }>(
            app,
            `/api/projects/${p.id}/clusters`,
          );
          return items.flatMap((c) => c.jobKinds.map((kind) => jobsPath({ kind, groupId: p.id, clusterName: c.name })));
        }),
      ),
    )
  ).flat();
  let errors = 0;
  let skipped = 0;
  await Promise.all(
    lists.map((path) =>
      limit(async () => {
        if (Date.now() - start > WALK_MS) return void skipped++;
        if ((await get(`${app.url}${path}?page=1&pageSize=50`, cookie)).status !== 200) errors++;
      }),
    ),
  );
  return { lists: lists.length, errors, skipped, ms: Date.now() - start };
}

async function usedMemory(url: string): Promise<number> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const used = /^used_memory:(\d+)/m.exec(await client.info("memory"))?.[1];
    if (used === undefined) throw new Error("no used_memory in INFO memory");
    return Number(used);
  } finally {
    client.disconnect();
  }
}

const walked = (w: Walk) =>
  `${w.lists} lists in ${(w.ms / 1000).toFixed(0)} s, ${w.errors} errors${w.skipped > 0 ? `, ${w.skipped} skipped past the time bound` : ""}`;

async function withApp<T>(
  sim: RunningSimulator,
  env: Record<string, string>,
  fn: (app: AppInstance) => Promise<T>,
): Promise<T> {
  const { apps, close } = await startApps(sim, { env, traceGc: true });
  try {
    return await fn(apps[0]!);
  } finally {
    await close();
  }
}

/** The live heap after a full GC that ended after `since`, waiting up to `maxMs` for one; else the last one. */
async function liveHeapAfter(app: AppInstance, since: number, maxMs: number): Promise<{ mib: number; fresh: boolean }> {
  for (const end = Date.now() + maxMs; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const gc = app.liveHeap();
    if (gc && gc.at > since) return { mib: gc.mib, fresh: true };
  }
  return { mib: app.liveHeap()?.mib ?? Number.NaN, fresh: false };
}

export async function benchStoreMemory(): Promise<{ title: string; figures: BenchFigure[] }> {
  const lifted = { backupCapacity: 1_000_000, backupRefillPerMinute: 1_000_000 };
  const sim = await startSimulator({ port: 0, quiet: true, scale: 10, rateLimit: lifted });
  const env = { BACKWATCH_BUDGET_SHARE: "1" };
  const figures: BenchFigure[] = [];
  try {
    // Redis first: its used_memory is the size of what the walk stores, which the memory store's figures are read against.
    const redis = await startRedis();
    let stored: number;
    try {
      const empty = await usedMemory(redis.url);
      await withApp(sim, { ...env, REDIS_URL: redis.url }, async (app) => {
        const before = app.rssMiB();
        const w = await walk(app);
        const used = await usedMemory(redis.url);
        stored = mib(used - empty);
        figures.push(
          figure(
            "(7) Redis used_memory, every job list at scale 10 with REDIS_URL",
            mib(used),
            mib(empty),
            "MiB",
            `baseline: used_memory of the empty Redis; ${walked(w)}`,
          ),
          figure(
            "(7) next-server RSS, the same walk with REDIS_URL",
            app.rssMiB(),
            before,
            "MiB",
            "baseline: RSS after start, nothing read",
          ),
        );
      });
    } finally {
      await redis.stop();
    }
    await withApp(sim, env, async (app) => {
      const before = { rss: app.rssMiB(), heap: app.liveHeap()?.mib ?? Number.NaN };
      const w = await walk(app);
      const done = Date.now();
      const rss = app.rssMiB();
      const heap = await liveHeapAfter(app, done, 30_000);
      figures.push(
        figure(
          "(7) next-server RSS, the same walk in the memory store",
          rss,
          before.rss,
          "MiB",
          `baseline: RSS after start, nothing read; ${walked(w)}; goal under 300 MiB`,
        ),
        figure(
          "(7) next-server live heap after a full GC, memory store",
          heap.mib,
          before.heap,
          "MiB",
          `baseline: the same at start; ${heap.fresh ? "first mark-compact after the walk" : "last mark-compact during the walk (none within 30 s after)"}; the stored values alone take ${stored!.toFixed(0)} MiB in Redis`,
        ),
      );
    });
  } finally {
    await sim.close();
  }
  return { title: "Store: memory at scale 10 (7)", figures };
}
