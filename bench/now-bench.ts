// The Now page at the size of a real estate: the simulator at --scale 10 (20 projects, 1,000
// clusters) with 150 ms on every Atlas call and one project the credential cannot read. Cold start to
// the first complete picture, warm loads (server and browser), filtering and scrolling thousands of
// rows, and the steady state's Atlas calls against the budget share. Every figure has a baseline
// measured in this run.
import { startSimulator, type RunningSimulator } from "../lib/simulator";
import { SimulatorClient, type Fixtures } from "../lib/simulator/testing/simulator-client";
import type { NowResponse } from "../lib/now/dto";
import { benchNowBrowser, type NowBrowser } from "./now-browser";
import { callsOutsideProjects, callsPerList, callsPerProject, listKey } from "./now-upstream";
import type { Table } from "./read-model-bench";
import { startApps, type AppInstance } from "./stack";
import { figure, percentile, timeRuns, type BenchFigure } from "./stats";

const LATENCY_MS = 150;
const UNREADABLE = 1;
const COLD_LIMIT_MS = 90_000;
const STEADY_MS = 120_000;
// The read model's settings, written out so the figures can name them (they are the defaults).
const ENV = {
  BACKWATCH_FRESH_BUSY_SECONDS: "10",
  BACKWATCH_FRESH_IDLE_SECONDS: "60",
  BACKWATCH_BUDGET_SHARE: "0.5",
  BACKWATCH_BUDGET_CAPACITY: "1200",
  BACKWATCH_BUDGET_REFILL_PER_MINUTE: "500",
};
const SHARE = Number(ENV.BACKWATCH_BUDGET_SHARE);
const SUSTAINED = Math.floor(Number(ENV.BACKWATCH_BUDGET_REFILL_PER_MINUTE) * SHARE);
const BURST = Math.floor(
  (Number(ENV.BACKWATCH_BUDGET_CAPACITY) - Number(ENV.BACKWATCH_BUDGET_REFILL_PER_MINUTE)) * SHARE,
);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface NowAnswer {
  status: number;
  ms: number;
  /** ms since the cold start's first request when the answer was in. */
  at: number;
  body?: NowResponse;
}

async function now(app: AppInstance, cookie: string, query: string, since = 0): Promise<NowAnswer> {
  const t0 = performance.now();
  const res = await fetch(`${app.url}/api/now?${query}`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) });
  const body = res.ok ? ((await res.json()) as NowResponse) : undefined;
  if (!res.ok) await res.text();
  const end = performance.now();
  return { status: res.status, ms: end - t0, at: end - since, body };
}

/** Every list read, and every project either read or listed as failing (the one it cannot read). */
function complete(body: NowResponse): boolean {
  const c = body.coverage;
  const failing = c.gaps.filter((g) => g.clusterName === undefined && g.state === "failing").length;
  return c.lists.unread === 0 && c.projectsRead + failing >= c.projects && c.projects > 0;
}

interface Cold {
  firstRows?: NowAnswer;
  done?: NowAnswer;
  last?: NowAnswer;
  requests: number;
}

async function coldStart(app: AppInstance, cookie: string): Promise<Cold> {
  const t0 = performance.now();
  const out: Cold = { requests: 0 };
  while (performance.now() - t0 < COLD_LIMIT_MS) {
    const answer = await now(app, cookie, "window=24h", t0);
    out.requests++;
    if (answer.body) {
      out.last = answer;
      if (!out.firstRows && answer.body.rows.length > 0) out.firstRows = answer;
      if (complete(answer.body)) {
        out.done = answer;
        break;
      }
    }
    await sleep(250);
  }
  return out;
}

/** One direct Atlas read of a small job list through the injected latency: the unit every walk pays. */
async function directReadMs(sim: RunningSimulator, client: SimulatorClient, fx: Fixtures): Promise<number[]> {
  const token = await client.bearerToken(sim.credentials);
  const path = `/groups/${fx.showcase.groupId}/clusters/${fx.showcase.exportCluster}/backup/exports`;
  return timeRuns(10, 1, async () => {
    const res = await fetch(`${sim.url}/api/atlas/v2${path}?itemsPerPage=500`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.atlas.2023-01-01+json" },
    });
    if (!res.ok) throw new Error(`direct read ${res.status}`);
    await res.arrayBuffer();
  });
}

function coldFigures(
  cold: Cold,
  direct: number[],
  calls: Map<string, number>,
  outside: number,
  fx: Fixtures,
): BenchFigure[] {
  const unreadableId = fx.projects.at(-UNREADABLE)!.id;
  const readable = [...calls.entries()].filter(([id]) => id !== unreadableId).map(([, n]) => n);
  const totalCalls = [...calls.values()].reduce((a, b) => a + b, 0) + outside;
  const unit = percentile(direct, 50);
  const body = cold.done?.body ?? cold.last?.body;
  const lists = body?.coverage.lists.total ?? 0;
  const gap = body?.coverage.gaps.find((g) => g.groupId === unreadableId && g.clusterName === undefined);
  const note = `simulator --scale 10, ${LATENCY_MS} ms on every Atlas call, --unreadable-projects ${UNREADABLE}`;
  return [
    figure(
      "(1) cold start to the first complete picture",
      (cold.done?.at ?? Number.NaN) / 1000,
      (totalCalls * unit) / 1000,
      "s",
      `${note}; baseline: a sequential walk (Atlas CLI style) of the same ${totalCalls} calls at the measured ${unit.toFixed(0)} ms of one direct read; goal 15 s${cold.done ? "" : `; NOT complete within ${COLD_LIMIT_MS / 1000} s`}`,
    ),
    figure(
      "(1) cold start to the first rows on screen",
      (cold.firstRows?.at ?? Number.NaN) / 1000,
      unit / 1000,
      "s",
      "baseline: one direct Atlas read of one job list; goal within 1 s",
    ),
    figure(
      "(1) Atlas calls per readable project, max",
      Math.max(...readable),
      SUSTAINED + BURST,
      "calls",
      `baseline: the budget share's first minute (${SHARE} x capacity: ${SUSTAINED} sustained + ${BURST} burst)`,
    ),
    figure(
      "(1) Atlas calls per readable project, median",
      percentile(readable, 50),
      SUSTAINED + BURST,
      "calls",
      "baseline: as above",
    ),
    figure(
      "(1) Atlas calls per job list",
      (totalCalls - outside) / Math.max(1, lists),
      1,
      "calls",
      `baseline: one call per list (${lists} lists; the 1,200-job showcase list takes 3 pages)`,
    ),
    figure(
      "(1) Atlas calls to the unreadable project",
      calls.get(unreadableId) ?? 0,
      readable.length > 0 ? percentile(readable, 50) : Number.NaN,
      "calls",
      `baseline: a readable project's median; coverage lists it as ${gap ? `${gap.state} ${gap.status ?? ""} ${gap.errorCode ?? ""}` : "MISSING"}`,
    ),
    figure(
      "(1) /api/now requests while cold",
      cold.requests,
      1,
      "req",
      "one every 250 ms after the last answer; baseline: one",
    ),
  ];
}

async function warmServer(app: AppInstance, cookie: string): Promise<BenchFigure[]> {
  const health = await timeRuns(30, 3, async () => void (await (await fetch(`${app.url}/api/health`)).arrayBuffer()));
  const figures: BenchFigure[] = [];
  for (const window of ["24h", "7d"]) {
    let rows = 0;
    const ms = await timeRuns(30, 3, async () => {
      const answer = await now(app, cookie, `window=${window}`);
      if (answer.status !== 200) throw new Error(`/api/now answered ${answer.status}`);
      rows = answer.body?.rows.length ?? 0;
    });
    for (const p of [50, 95])
      figures.push(
        figure(
          `(2) warm GET /api/now?window=${window} (${rows} rows), p${p}`,
          percentile(ms, p),
          percentile(health, p),
          "ms",
          `30 sequential; baseline: GET /api/health, p${p}; goal 300 ms to the first row`,
        ),
      );
  }
  return figures;
}

function steadyFigures(
  calls: Map<string, number>,
  perList: Map<string, number>,
  busy: Set<string>,
  fx: Fixtures,
  minutes: number,
): BenchFigure[] {
  const unreadableId = fx.projects.at(-UNREADABLE)!.id;
  const perMinute = [...calls.entries()].filter(([id]) => id !== unreadableId).map(([, n]) => n / minutes);
  const rate = (keys: string[]) =>
    keys.reduce((sum, k) => sum + (perList.get(k) ?? 0), 0) / Math.max(1, keys.length) / minutes;
  const all = [...perList.keys()];
  const busyKeys = all.filter((k) => busy.has(k));
  const idleKeys = all.filter((k) => !busy.has(k));
  const note = `${(minutes * 60).toFixed(0)} s with the Now page open`;
  return [
    figure(
      "(4) Atlas calls per minute per readable project, max",
      Math.max(...perMinute),
      SUSTAINED,
      "calls/min",
      `${note}; baseline: the budget share (${SHARE} x ${ENV.BACKWATCH_BUDGET_REFILL_PER_MINUTE}/min)`,
    ),
    figure(
      "(4) Atlas calls per minute per readable project, median",
      percentile(perMinute, 50),
      SUSTAINED,
      "calls/min",
      "baseline: as above",
    ),
    figure(
      "(4) Atlas calls per minute to the unreadable project",
      (calls.get(unreadableId) ?? 0) / minutes,
      SUSTAINED,
      "calls/min",
      "baseline: the budget share",
    ),
    figure(
      `(4) refreshes per minute of a busy list (${busyKeys.length} lists with a running job)`,
      rate(busyKeys),
      rate(idleKeys),
      "calls/min",
      `baseline: an idle list (${idleKeys.length}); windows ${ENV.BACKWATCH_FRESH_BUSY_SECONDS} s busy, ${ENV.BACKWATCH_FRESH_IDLE_SECONDS} s idle, so about 6x`,
    ),
  ];
}

/** Lists that hold a running job, as the picture names them. */
function busyLists(body: NowResponse | undefined): Set<string> {
  const out = new Set<string>();
  for (const row of body?.rows ?? [])
    if (row.section === "running") out.add(listKey(row.job.groupId, row.job.clusterName, row.job.kind));
  return out;
}

export async function benchNow(): Promise<Table[]> {
  const sim = await startSimulator({ port: 0, quiet: true, control: true, scale: 10, unreadableProjects: UNREADABLE });
  const client = new SimulatorClient(sim.url);
  let apps: Awaited<ReturnType<typeof startApps>> | undefined;
  let browser: NowBrowser | undefined;
  try {
    const fx = await client.fixtures();
    await client.addFault({ path: "^/api/(atlas|oauth)/", latencyMs: LATENCY_MS });
    const direct = await directReadMs(sim, client, fx);
    await client.resetCounters();
    apps = await startApps(sim, { env: ENV });
    const app = apps.apps[0]!;
    const cookie = await app.cookie();
    const cold = await coldStart(app, cookie);
    const counters = await client.counters();
    const tables: Table[] = [
      {
        title: "Now: cold start at scale 10 (1)",
        figures: coldFigures(cold, direct, callsPerProject(counters), callsOutsideProjects(counters), fx),
      },
    ];
    tables.push({ title: "Now: warm load, server (2)", figures: await warmServer(app, cookie) });
    browser = await benchNowBrowser(app.url, cookie);
    tables.push({ title: "Now: warm load and interaction, browser (2, 3)", figures: browser.figures });

    const busy = busyLists((await now(app, cookie, "window=24h")).body);
    await client.resetCounters();
    const t0 = performance.now();
    await browser.keepOpen(STEADY_MS);
    const minutes = (performance.now() - t0) / 60_000;
    const steady = await client.counters();
    tables.push({
      title: "Now: steady state (4)",
      figures: steadyFigures(callsPerProject(steady), callsPerList(steady), busy, fx, minutes),
    });
    return tables;
  } finally {
    await browser?.close();
    await apps?.close();
    await sim.close();
  }
}
