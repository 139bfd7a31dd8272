// What a browser pays: first-load JavaScript per route (gzipped) and main-thread work of filtering
// and paging a cluster's jobs, read from Chromium's own Performance metrics (TaskDuration).
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { SimulatorClient } from "../lib/simulator/testing/simulator-client";
import { figure, percentile, type BenchFigure } from "./stats";
import type { Stack } from "./stack";

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH === "bundled" ? undefined : (process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium");
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

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

/** Gzipped bytes of every script the route loads before the network settles, largest chunks first. */
async function firstLoadJs(context: BrowserContext, url: string): Promise<{ total: number; chunks: Array<[string, number]> }> {
  const page = await context.newPage();
  const pending: Array<Promise<[string, number]>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(response.body().then((body) => [new URL(response.url()).pathname.split("/").pop() ?? "", gzipSync(body).length]));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const chunks = (await Promise.all(pending)).sort((a, b) => b[1] - a[1]);
  await page.close();
  return { total: chunks.reduce((sum, [, size]) => sum + size, 0), chunks };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

type ClickMode = "dom" | "playwright";

/**
 * Main-thread milliseconds (Chromium TaskDuration) from a click until the view has settled.
 * "dom": the target is found before measuring and clicked with a plain DOM click, so only the
 * app's work is counted. "playwright": a full Playwright click, whose in-page locator queries,
 * actionability and hit-target checks (forced style and layout) are counted too.
 */
async function mainThreadMs(page: Page, target: Locator, mode: ClickMode): Promise<number> {
  const element = mode === "dom" ? await target.elementHandle() : null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const read = async () => {
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> };
    return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  };
  const before = await read();
  if (element) await element.evaluate((el) => (el as HTMLElement).click());
  else await target.click();
  await settle(page);
  const after = await read();
  await cdp.detach();
  return (after - before) * 1000;
}

interface Costs {
  filter: number[];
  paging: number[];
}

async function interactionCosts(context: BrowserContext, url: string, mode: ClickMode): Promise<Costs> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const chips = page.getByRole("group", { name: "Filter by status" });
  const costs: Costs = { filter: [], paging: [] };
  for (let i = 0; i < 6; i++) {
    const status = i % 2 === 0 ? "completed" : "All";
    costs.filter.push(await mainThreadMs(page, chips.getByRole("button", { name: new RegExp(`^${status}\\b`) }), mode));
  }
  for (let i = 0; i < 6; i++) {
    const button = page.getByRole("button", { name: i % 2 === 0 ? "Next page" : "Previous page" });
    if (!(await button.isEnabled())) break;
    costs.paging.push(await mainThreadMs(page, button, mode));
  }
  await page.close();
  return costs;
}

function interactionFigures(cluster: string, big: Costs, small: Costs, mode: ClickMode): BenchFigure[] {
  const note = `main-thread TaskDuration, ${mode === "dom" ? "DOM click (app work only)" : "Playwright click (includes the harness's in-page work)"}; baseline: the same on a cluster with few restore jobs`;
  const smallPaging = small.paging.length > 0 ? small.paging : small.filter;
  const rows: Array<[string, number[], number[]]> = [
    ["filter by status", big.filter, small.filter],
    ["next/previous page", big.paging, smallPaging],
  ];
  return rows.flatMap(([label, samples, base]) =>
    samples.length === 0
      ? []
      : [
          figure(`${label}, ${cluster} (1,200 jobs), ${mode} click, median`, percentile(samples, 50), percentile(base, 50), "ms", note),
          figure(`${label}, ${cluster} (1,200 jobs), ${mode} click, max`, Math.max(...samples), Math.max(...base), "ms", note),
        ],
  );
}

export async function benchUi(stack: Stack): Promise<{ figures: BenchFigure[]; notes: string[] }> {
  const { groupId, bigRestoreCluster, exportCluster } = (await new SimulatorClient(stack.simulator.url).fixtures()).showcase;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
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
      ["/projects/[groupId]/clusters/[clusterName] (exports)", `/projects/${groupId}/clusters/${exportCluster}?tab=export`],
    ] as const;
    for (const [label, path] of routes) {
      const js = await firstLoadJs(context, `${stack.appUrl}${path}`);
      figures.push(figure(`first-load JS ${label}`, js.total / 1024, baseline.total / 1024, "kB gz", "baseline: the sign-in page (framework floor)"));
      notes.push(`${label}: ${js.chunks.slice(0, 5).map(([name, size]) => `${name} ${(size / 1024).toFixed(1)} kB`).join(", ")}`);
    }
    for (const mode of ["dom", "playwright"] as const) {
      const big = await interactionCosts(context, `${stack.appUrl}/projects/${groupId}/clusters/${bigRestoreCluster}?tab=restore`, mode);
      const small = await interactionCosts(context, `${stack.appUrl}/projects/${groupId}/clusters/${exportCluster}?tab=restore`, mode);
      figures.push(...interactionFigures(bigRestoreCluster, big, small, mode));
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return { figures, notes };
}
