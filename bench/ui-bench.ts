// What a browser pays: first-load JavaScript per route (gzipped) and main-thread work of filtering
// and paging a cluster's jobs, read from Chromium traces of the renderer's main thread.
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { SimulatorClient } from "../lib/simulator/testing/simulator-client";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../e2e/support/chromium";
import { figure, percentile, type BenchFigure } from "./stats";
import type { Stack } from "./stack";

async function authedContext(browser: Browser, stack: Stack): Promise<BrowserContext> {
  const context = await browser.newContext();
  const url = new URL(stack.appUrl);
  const cookies = (await stack.cookie()).split("; ").map((pair) => {
    const [name, ...rest] = pair.split("=");
    return { name: name ?? "", value: rest.join("="), domain: url.hostname, path: "/" };
  });
  await context.addCookies(cookies);
  return context;
}

/**
 * Gzipped bytes of every script the route requests before its load event (what the first render
 * and hydration need), largest chunks first; `later` is what it fetches after load, while idle
 * (Next's prefetches of the routes it links to), reported apart.
 */
async function firstLoadJs(
  context: BrowserContext,
  url: string,
): Promise<{ total: number; chunks: Array<[string, number]>; later: number }> {
  const page = await context.newPage();
  let loaded = false;
  page.once("load", () => void (loaded = true));
  const before: Array<Promise<[string, number]>> = [];
  const after: Array<Promise<[string, number]>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    const size = response.body().then(
      (body): [string, number] => [new URL(response.url()).pathname.split("/").pop() ?? "", gzipSync(body).length],
      // A prefetch still arriving when the page closes: not part of the first load, and not a crash.
      (): [string, number] => ["", 0],
    );
    (loaded ? after : before).push(size);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const chunks = (await Promise.all(before)).sort((a, b) => b[1] - a[1]);
  const later = (await Promise.all(after)).reduce((sum, [, size]) => sum + size, 0);
  await page.close();
  return { total: chunks.reduce((sum, [, size]) => sum + size, 0), chunks, later };
}

type ClickMode = "dom" | "mouse";

/** What the click asked for: the pager showing this page, this status chip (or event chip) pressed, this tab selected. */
interface Shown {
  pagerPage?: number;
  pressedChip?: number;
  pressedEventChip?: number;
  selectedTab?: string;
}

/**
 * Settled means the view shows what the click asked for: `shown` holds in the page, nothing is
 * aria-busy, the pager no longer says "loading…", and two frames have painted. (Waiting for
 * network idle is not enough: it can resolve before the click's fetch has even started.)
 */
async function settle(page: Page, shown: Shown): Promise<void> {
  await page.waitForFunction(
    ({ pagerPage, pressedChip, pressedEventChip, selectedTab }) => {
      const pager = document.querySelector('nav[aria-label="Pagination"]')?.textContent ?? "";
      // No named functions in here: tsx's keepNames would wrap them in a helper the page does not have.
      const chipGroup = pressedChip !== undefined ? "Filter by status" : "Show events";
      const chip = document.querySelectorAll(`[aria-label="${chipGroup}"] button`)[
        pressedChip ?? pressedEventChip ?? -1
      ];
      const tab = document.querySelector('[role="tab"][aria-selected="true"]');
      const asked =
        pagerPage !== undefined
          ? pager.includes(`page ${pagerPage} of`)
          : pressedChip !== undefined || pressedEventChip !== undefined
            ? chip?.getAttribute("aria-pressed") === "true"
            : tab?.textContent === selectedTab &&
              document.querySelector('[role="tabpanel"] table, [role="tabpanel"] p[role="status"]') !== null;
      return asked && !document.querySelector('[aria-busy="true"]') && !pager.includes("loading…");
    },
    shown,
    { polling: "raf" },
  );
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** One click's cost on the page's main thread: CPU time it ran, and wall time of its tasks. */
export interface Sample {
  cpu: number;
  wall: number;
}

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { frames?: Array<{ url?: string; processId?: number }> } };
}

/**
 * Sums the page renderer's top-level main-thread tasks in a Chromium trace. `cpu` (thread time) is
 * the work itself; `wall` also counts the time the thread was runnable but off the CPU, which on
 * this 2-core machine includes the dashboard server and the simulator answering the click's fetch.
 */
export function mainThreadCost(events: TraceEvent[], pageUrl: string): Sample {
  const frames = events.find((e) => e.name === "TracingStartedInBrowser")?.args?.data?.frames ?? [];
  const pid = frames.find((f) => f.url === pageUrl)?.processId;
  if (pid === undefined) throw new Error(`no frame for ${pageUrl} in the trace`);
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && e.pid === pid);
  if (!main) throw new Error("no renderer main thread in the trace");
  const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask" && e.pid === main.pid && e.tid === main.tid);
  const sum = (key: "dur" | "tdur") => tasks.reduce((total, e) => total + (e[key] ?? 0), 0) / 1000;
  return { cpu: sum("tdur"), wall: sum("dur") };
}

/**
 * Main-thread cost (from a Chromium trace) of a click, until the view has settled.
 * "dom": a plain `el.click()` on the element found beforehand: the app's work alone.
 * "mouse": a real mouse click (trusted input through the browser: hit testing, pointer, mouse and
 * focus events) at the element's centre, scrolled into view beforehand: what a user's click costs.
 * Neither counts Playwright's locator engine, whose role-and-name queries walk the whole DOM in the
 * page (about 30 to 50 ms here) and are the harness's work, not the dashboard's.
 */
async function mainThreadMs(page: Page, target: Locator, mode: ClickMode, shown: Shown): Promise<Sample> {
  const element = await target.elementHandle();
  if (!element) throw new Error("click target not found");
  let click: () => Promise<void> = () => element.evaluate((el) => (el as HTMLElement).click());
  if (mode === "mouse") {
    await element.scrollIntoViewIfNeeded();
    const box = await element.boundingBox();
    if (!box) throw new Error("click target has no box");
    click = () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser to trace");
  const pageUrl = page.url(); // as the trace's frame list has it: the click changes the query
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await click();
  await settle(page, shown);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  return mainThreadCost(trace.traceEvents, pageUrl);
}

interface Costs {
  /** Each status chip in turn, then All again: every filter but the last is a first visit. */
  filter: Sample[];
  /** The timeline's event-group chips in turn, then All events again (the picture redraws, the table does not). */
  events: Sample[];
  /** To the second tab and back, three times (the timeline above stays as it is). */
  tab: Sample[];
  /** Next page, five times: pages not seen before. */
  next: Sample[];
  /** Previous page, back over those same pages. */
  previous: Sample[];
}

async function interactionCosts(context: BrowserContext, url: string, mode: ClickMode): Promise<Costs> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const chips = page.getByRole("group", { name: "Filter by status" }).getByRole("button");
  const costs: Costs = { filter: [], events: [], tab: [], next: [], previous: [] };
  const chipCount = await chips.count();
  for (const i of [...Array.from({ length: chipCount - 1 }, (_, k) => k + 1), 0]) {
    costs.filter.push(await mainThreadMs(page, chips.nth(i), mode, { pressedChip: i }));
  }
  const eventChips = page.getByRole("group", { name: "Show events" }).getByRole("button");
  await eventChips.first().waitFor();
  const eventCount = await eventChips.count();
  for (const i of [...Array.from({ length: eventCount - 1 }, (_, k) => k + 1), 0]) {
    costs.events.push(await mainThreadMs(page, eventChips.nth(i), mode, { pressedEventChip: i }));
  }
  const tabs = page.getByRole("tab");
  if ((await tabs.count()) > 1) {
    const names = [(await tabs.nth(1).textContent()) ?? "", (await tabs.nth(0).textContent()) ?? ""];
    for (let i = 0; i < 6; i++) {
      const name = names[i % 2]!;
      costs.tab.push(await mainThreadMs(page, tabs.nth(i % 2 === 0 ? 1 : 0), mode, { selectedTab: name }));
    }
  }
  let current = 1;
  for (const [name, step, samples] of [
    ["Next page", 1, costs.next],
    ["Previous page", -1, costs.previous],
  ] as const) {
    for (let i = 0; i < 5; i++) {
      const button = page.getByRole("button", { name });
      if (!(await button.isEnabled())) break;
      current += step;
      samples.push(await mainThreadMs(page, button, mode, { pagerPage: current }));
    }
  }
  await page.close();
  return costs;
}

function interactionFigures(cluster: string, big: Costs, small: Costs, mode: ClickMode): BenchFigure[] {
  const how =
    mode === "dom" ? "el.click() (the app's work)" : "mouse click (trusted input, hit testing and the app's work)";
  const note = `renderer main thread, ${how}; baseline: the same on a cluster with few restore jobs`;
  // The small cluster has one page, so its paging baseline is its filter click (a few rows).
  const smallPaging = small.next.length > 0 ? small.next : small.filter;
  const rows: Array<[string, Sample[], Sample[]]> = [
    ["filter by status (first visit)", big.filter, small.filter],
    ["timeline event filter", big.events, small.events],
    ["tab click (restores <-> exports)", big.tab, small.tab],
    ["next page (first visit)", big.next, smallPaging],
    ["previous page (seen before)", big.previous, small.previous.length > 0 ? small.previous : small.filter],
  ];
  const cpu = (samples: Sample[]) => samples.map((s) => s.cpu);
  const wall = (samples: Sample[]) => samples.map((s) => s.wall);
  return rows.flatMap(([label, samples, base]) =>
    samples.length === 0
      ? []
      : [
          figure(
            `${label}, ${cluster} (1,200 jobs), ${mode} click, CPU median`,
            percentile(cpu(samples), 50),
            percentile(cpu(base), 50),
            "ms",
            note,
          ),
          figure(
            `${label}, ${cluster} (1,200 jobs), ${mode} click, CPU max`,
            Math.max(...cpu(samples)),
            Math.max(...cpu(base)),
            "ms",
            note,
          ),
          figure(
            `${label}, ${cluster} (1,200 jobs), ${mode} click, wall median`,
            percentile(wall(samples), 50),
            percentile(wall(base), 50),
            "ms",
            `${note}; wall time with tracing on, which includes waiting for a CPU`,
          ),
        ],
  );
}

export async function benchUi(stack: Stack): Promise<{ figures: BenchFigure[]; notes: string[] }> {
  const { groupId, bigRestoreCluster, exportCluster } = (await new SimulatorClient(stack.simulator.url).fixtures())
    .showcase;
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const figures: BenchFigure[] = [];
  const notes: string[] = [];
  try {
    const anonymous = await browser.newContext();
    const baseline = await firstLoadJs(anonymous, `${stack.appUrl}/signin`);
    await anonymous.close();
    const context = await authedContext(browser, stack);
    const routes = [
      ["/projects", "/projects"],
      ["/projects/[groupId]", `/projects/${groupId}`],
      ["/projects/[groupId]/clusters/[clusterName] (restores)", `/projects/${groupId}/clusters/${bigRestoreCluster}`],
      [
        "/projects/[groupId]/clusters/[clusterName] (exports)",
        `/projects/${groupId}/clusters/${exportCluster}?tab=export`,
      ],
    ] as const;
    for (const [label, path] of routes) {
      const js = await firstLoadJs(context, `${stack.appUrl}${path}`);
      figures.push(
        figure(
          `first-load JS ${label}`,
          js.total / 1024,
          baseline.total / 1024,
          "kB gz",
          "baseline: the sign-in page (framework floor)",
        ),
      );
      notes.push(
        `${label}: ${js.chunks
          .slice(0, 5)
          .map(([name, size]) => `${name} ${(size / 1024).toFixed(1)} kB`)
          .join(", ")}; after load, while idle: ${(js.later / 1024).toFixed(1)} kB`,
      );
    }
    for (const mode of ["dom", "mouse"] as const) {
      const big = await interactionCosts(
        context,
        `${stack.appUrl}/projects/${groupId}/clusters/${bigRestoreCluster}?tab=restore`,
        mode,
      );
      const small = await interactionCosts(
        context,
        `${stack.appUrl}/projects/${groupId}/clusters/${exportCluster}?tab=restore`,
        mode,
      );
      figures.push(...interactionFigures(bigRestoreCluster, big, small, mode));
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return { figures, notes };
}
