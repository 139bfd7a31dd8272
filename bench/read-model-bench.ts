// The read model under load, against the simulator at Atlas's real Cloud Backup limits: many viewers
// of one list (one instance, then two on one Redis), warm latency next to a direct Atlas read, a
// closed-loop crowd, a 429 storm and a Redis outage; memory is in store-memory-bench.ts.
import { startSimulator, type RunningSimulator } from "../lib/simulator";
import { exactAtlasPath, SimulatorClient, type Fixtures } from "../lib/simulator/testing/simulator-client";
import { startRedis } from "../lib/store/testing/redis-server";
import { closedLoop, errors, every, get, latencies, pollViewers, type Answer, type Viewer } from "./load";
import { directAll } from "./proxy-bench";
import { startApps, type AppInstance } from "./stack";
import { figure, percentile, timeRuns, type BenchFigure } from "./stats";
import { benchStoreMemory } from "./store-memory-bench";

export interface Table {
  title: string;
  figures: BenchFigure[];
}

const ITEMS_PER_PAGE = 500;
const BUSY_SECONDS = 10; // BACKWATCH_FRESH_BUSY_SECONDS's default, set explicitly below
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ctx {
  sim: RunningSimulator;
  client: SimulatorClient;
  showcase: Fixtures["showcase"];
  /** Atlas's path of the showcase list, after /api/atlas/v2. */
  upstream: string;
  /** Our route for page 1 of that list. */
  ours: string;
  pagesPerRead: number;
  /** Calls to exactly that Atlas path (any page, any status) so far, or with this status. */
  calls(status?: number): Promise<number>;
}

const viewersOf = async (apps: AppInstance[], n: number, path: string): Promise<Viewer[]> => {
  const cookies = await Promise.all(apps.map((a) => a.cookie()));
  return Array.from({ length: n }, (_, i) => ({
    url: `${apps[i % apps.length]!.url}${path}`,
    cookie: cookies[i % apps.length]!,
  }));
};

async function mustRead(app: AppInstance, path: string): Promise<Answer> {
  const answer = await get(`${app.url}${path}`, await app.cookie());
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
  return answer;
}

/** (3), (1) and (4): one instance, memory store. */
async function oneInstance(ctx: Ctx): Promise<{ tables: Table[]; calls: number }> {
  const { apps, close } = await startApps(ctx.sim, { env: { BACKWATCH_FRESH_BUSY_SECONDS: String(BUSY_SECONDS) } });
  try {
    const app = apps[0]!;
    const cookie = await app.cookie();
    const token = await ctx.client.bearerToken(ctx.sim.credentials);

    const ours = await timeRuns(200, 5, async () => void (await mustRead(app, ctx.ours)));
    const direct = await timeRuns(200, 5, () => directAll(ctx.sim.url, token, ctx.upstream));
    const directNote = `baseline: a direct simulator read of the whole list (${ctx.pagesPerRead} pages of 500, Bearer auth), 200 sequential`;
    const warm: Table = {
      title: "Store: warm read latency (3)",
      figures: [50, 99].map((p) =>
        figure(
          `(3) warm list read, ${ctx.showcase.bigRestoreCluster}, p${p}, 200 sequential`,
          percentile(ours, p),
          percentile(direct, p),
          "ms",
          directNote,
        ),
      ),
    };

    await ctx.client.resetCounters();
    const viewers = await pollViewers(await viewersOf(apps, 100, ctx.ours), BUSY_SECONDS * 1000, 60_000);
    const calls = await ctx.calls();
    const requests = viewers.length;
    const lat = latencies(viewers);
    const windows = 60 / BUSY_SECONDS;
    const one: Table = {
      title: "Store: 100 viewers of one list, one instance (1)",
      figures: [
        figure(
          "(1) upstream calls to the list's Atlas path",
          calls,
          requests * ctx.pagesPerRead,
          "calls",
          `baseline: computed, one list read (${ctx.pagesPerRead} pages) per request as before the read model, ${requests} requests; store warm from (3)`,
        ),
        figure(
          "(1) list reads from Atlas (page-sets)",
          calls / ctx.pagesPerRead,
          windows,
          "reads",
          `baseline: freshness windows in 60 s (busy list, ${BUSY_SECONDS} s); goal 1x to 2x`,
        ),
        figure("(1) requests with errors", errors(viewers), requests, "req", "baseline: all requests; goal 0"),
        figure(
          "(1) latency p50",
          percentile(lat, 50),
          percentile(direct, 50),
          "ms",
          "baseline: the direct simulator read of (3), p50",
        ),
        figure(
          "(1) latency p99",
          percentile(lat, 99),
          percentile(direct, 99),
          "ms",
          `baseline: the direct simulator read of (3), p99; ${viewers.filter((a) => a.ms > 1000).length} answers took over 1 s`,
        ),
      ],
    };

    const rssBefore = app.rssMiB();
    const crowd = await closedLoop(200, 30_000, () => ({ url: `${app.url}${ctx.ours}`, cookie }));
    const rssAfter = app.rssMiB();
    const crowdLat = latencies(crowd);
    const closed: Table = {
      title: "Store: 200 closed-loop clients for 30 s, one instance (4)",
      figures: [
        figure(
          "(4) requests with errors",
          errors(crowd),
          crowd.length,
          "req",
          `baseline: all requests (${(crowd.length / 30).toFixed(0)}/s); goal 0`,
        ),
        figure(
          "(4) latency p50",
          percentile(crowdLat, 50),
          percentile(ours, 50),
          "ms",
          "baseline: warm single-client p50 of (3)",
        ),
        figure(
          "(4) latency p99",
          percentile(crowdLat, 99),
          percentile(ours, 99),
          "ms",
          "baseline: warm single-client p99 of (3)",
        ),
        figure(
          "(4) latency p99 after each client's first answer",
          percentile(latencies(crowd.filter((a) => (a.seq ?? 0) > 0)), 99),
          percentile(ours, 99),
          "ms",
          "baseline: warm single-client p99 of (3); leaves out the 200 first requests, whose connections open at once",
        ),
        figure(
          "(4) next-server RSS after",
          rssAfter,
          rssBefore,
          "MiB",
          "baseline: RSS before the 30 s (after (1) and (3))",
        ),
      ],
    };
    return { tables: [warm, one, closed], calls };
  } finally {
    await close();
  }
}

type Probe = { at: number; states: string[] };

async function health(app: AppInstance): Promise<string> {
  try {
    const res = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
    const body = (await res.json()) as { store?: { state?: string } };
    return res.ok ? (body.store?.state ?? "unknown") : `http ${res.status}`;
  } catch {
    return "no answer";
  }
}

/** (2) and (6): two instances on one Redis. */
async function twoInstances(ctx: Ctx, oneInstanceCalls: number): Promise<Table[]> {
  const redis = await startRedis();
  const { apps, close } = await startApps(ctx.sim, {
    instances: 2,
    env: { REDIS_URL: redis.url, BACKWATCH_FRESH_BUSY_SECONDS: String(BUSY_SECONDS) },
  });
  try {
    await mustRead(apps[0]!, ctx.ours); // warm, as (1) was
    await ctx.client.resetCounters();
    const viewers = await pollViewers(await viewersOf(apps, 100, ctx.ours), BUSY_SECONDS * 1000, 60_000);
    const calls = await ctx.calls();
    const shared: Table = {
      title: "Store: 100 viewers of one list, two instances on one Redis (2)",
      figures: [
        figure(
          "(2) upstream calls to the list's Atlas path",
          calls,
          oneInstanceCalls,
          "calls",
          "baseline: the one-instance figure of (1); viewers split 50/50; store warm",
        ),
        figure("(2) requests with errors", errors(viewers), viewers.length, "req", "baseline: all requests; goal 0"),
      ],
    };

    const stop = new AbortController();
    const probes: Probe[] = [];
    const polling = pollViewers(await viewersOf(apps, 10, ctx.ours), 1_000, 90_000, stop.signal);
    const probing = every(100, 90_000, stop.signal, async () => {
      const states = await Promise.all(apps.map(health));
      probes.push({ at: Date.now(), states });
    });
    let outage: { killAt: number; restartAt: number; upAt: number; rejoinAt?: number; callsDuring: number };
    try {
      await sleep(8_000);
      const before = await ctx.calls();
      const killAt = Date.now();
      await redis.kill();
      await sleep(10_000);
      const callsDuring = (await ctx.calls()) - before;
      const restartAt = Date.now();
      await redis.restart();
      const upAt = Date.now();
      const deadline = upAt + 30_000;
      let rejoin: Probe | undefined;
      while (
        !(rejoin = probes.find((p) => p.at > restartAt && p.states.every((s) => s === "ok"))) &&
        Date.now() < deadline
      )
        await sleep(100);
      outage = { killAt, restartAt, upAt, rejoinAt: rejoin?.at, callsDuring };
      await sleep(5_000);
    } finally {
      stop.abort();
    }
    const answers = await polling;
    await probing;

    const during = probes.filter((p) => p.at > outage.killAt && p.at <= outage.restartAt).flatMap((p) => p.states);
    const degraded = during.filter((s) => s === "degraded").length;
    const firstDegraded = probes.find((p) => p.at > outage.killAt && p.states.every((s) => s === "degraded"));
    const rejoinMs = outage.rejoinAt === undefined ? Number.NaN : outage.rejoinAt - outage.restartAt;
    const outageTable: Table = {
      title: "Store: Redis SIGKILLed for 10 s under 10 viewers polling every 1 s, two instances (6)",
      figures: [
        figure(
          "(6) requests with errors",
          errors(answers),
          answers.length,
          "req",
          `baseline: all requests over the run; goal 0; ${outage.callsDuring} upstream calls to the list during the outage (each instance on its own memory)`,
        ),
        figure(
          "(6) health probes degraded during the outage",
          degraded,
          during.length,
          "probes",
          `baseline: probes of both instances between SIGKILL and restart, every 100 ms; both degraded ${firstDegraded ? firstDegraded.at - outage.killAt : "never"} ms after the kill`,
        ),
        figure(
          "(6) time to rejoin (health ok on both) after restart",
          rejoinMs,
          outage.upAt - outage.restartAt,
          "ms",
          `baseline: restarted redis-server answering PING; ${outage.rejoinAt === undefined ? "did not rejoin within 30 s" : "measured from the restart"}`,
        ),
      ],
    };
    return [shared, outageTable];
  } finally {
    await close();
    await redis.stop();
  }
}

/** (5): Atlas answers 429 on the list's path for 20 s while 20 viewers poll every 2 s. */
async function storm(ctx: Ctx): Promise<Table> {
  const RETRY_AFTER = 5;
  const STORM_MS = 20_000;
  const { apps, close } = await startApps(ctx.sim, { env: { BACKWATCH_FRESH_BUSY_SECONDS: "2" } });
  try {
    await mustRead(apps[0]!, ctx.ours);
    await ctx.client.resetCounters();
    const fault = await ctx.client.addFault({
      method: "GET",
      path: exactAtlasPath(ctx.upstream),
      status: 429,
      errorCode: "RATE_LIMITED_TOKEN_BUCKET",
      retryAfterSeconds: RETRY_AFTER,
    });
    const stop = new AbortController();
    let removedAt: number | undefined;
    let recoveredAt: number | undefined;
    const stormStart = Date.now();
    const polling = pollViewers(await viewersOf(apps, 20, ctx.ours), 2_000, 60_000, stop.signal, (a) => {
      if (
        removedAt !== undefined &&
        recoveredAt === undefined &&
        a.status === 200 &&
        !a.stale &&
        (a.fetchedAt ?? 0) > removedAt
      )
        recoveredAt = a.endedAt;
    });
    let stormCalls: number;
    try {
      await sleep(STORM_MS);
      await ctx.client.removeFault(fault);
      removedAt = Date.now();
      stormCalls = await ctx.calls(429);
      for (const deadline = Date.now() + 25_000; recoveredAt === undefined && Date.now() < deadline;) await sleep(50);
    } finally {
      stop.abort();
      await ctx.client.removeFault(fault);
    }
    const answers = (await polling).filter((a) => a.startedAt >= stormStart && a.startedAt < removedAt!);
    const ok = answers.filter((a) => a.status === 200);
    const stale = ok.filter((a) => a.stale);
    const firstStale = Math.min(...stale.map((a) => a.startedAt));
    const freshAfter = ok.filter((a) => !a.stale && a.startedAt > firstStale).length;
    return {
      title: `Store: 429 storm (Retry-After ${RETRY_AFTER} s) on the list's path for 20 s, 20 viewers every 2 s (5)`,
      figures: [
        figure(
          "(5) upstream calls during the storm",
          stormCalls,
          STORM_MS / 1000 / RETRY_AFTER,
          "calls",
          `baseline: one per Retry-After in 20 s; BACKWATCH_FRESH_BUSY_SECONDS=2 for this part`,
        ),
        figure(
          "(5) viewer answers that were 200",
          ok.length,
          answers.length,
          "req",
          "baseline: every request started during the storm; goal all",
        ),
        figure(
          "(5) 200s with stale set",
          stale.length,
          ok.length,
          "req",
          `baseline: every 200; the first stale came ${Number.isFinite(firstStale) ? firstStale - stormStart : "never"} ms into the storm (the list was fresh until then); ${freshAfter} answers without stale after it`,
        ),
        figure(
          "(5) recovery after the fault is removed",
          recoveredAt === undefined ? Number.NaN : recoveredAt - removedAt!,
          RETRY_AFTER * 1000,
          "ms",
          `baseline: Retry-After; until an answer has no stale and a fetchedAt after the removal${recoveredAt === undefined ? " (not within 25 s)" : ""}`,
        ),
      ],
    };
  } finally {
    await close();
  }
}

export async function benchStore(): Promise<Table[]> {
  // Atlas's real Cloud Backup bucket per project: capacity 1200, 500 a minute.
  const sim = await startSimulator({
    port: 0,
    quiet: true,
    control: true,
    rateLimit: { backupCapacity: 1200, backupRefillPerMinute: 500 },
  });
  const tables: Table[] = [];
  try {
    const client = new SimulatorClient(sim.url);
    const { showcase } = await client.fixtures();
    const upstream = `/groups/${showcase.groupId}/clusters/${showcase.bigRestoreCluster}/backup/restoreJobs`;
    const route = new RegExp(`^GET ${exactAtlasPath(upstream).slice(1)}`);
    const ctx: Ctx = {
      sim,
      client,
      showcase,
      upstream,
      ours: `/api/projects/${showcase.groupId}/clusters/${showcase.bigRestoreCluster}/restore-jobs?page=1&pageSize=50`,
      pagesPerRead: Math.ceil(showcase.restoreJobCount / ITEMS_PER_PAGE),
      calls: (status) => client.count(route, status),
    };
    const one = await oneInstance(ctx);
    tables.push(...one.tables);
    tables.push(...(await twoInstances(ctx, one.calls)));
    tables.push(await storm(ctx));
  } finally {
    await sim.close();
  }
  tables.push(await benchStoreMemory());
  return tables;
}
