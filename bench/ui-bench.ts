// What a browser pays: first-load JavaScript per route (gzipped) and main-thread work of filtering
// and paging a cluster's jobs, read from Chromium's own Performance metrics (TaskDuration).
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

/** Main-thread milliseconds (Chromium TaskDuration) spent from a click until the view has settled. */
async function mainThreadMs(page: Page, act: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const read = async () => {
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: Array<{ name: string; value: number }> };
    return metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  };
  const before = await read();
  await act();
  await settle(page);
  const after = await read();
  await cdp.detach();
  return (after - before) * 1000;
}

async function interactionCosts(context: BrowserContext, url: string): Promise<{ filter: number[]; paging: number[] }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  const chips = page.getByRole("group", { name: "Filter by status" });
  const filter: number[] = [];
  const paging: number[] = [];
  for (let i = 0; i < 6; i++) {
    const status = i % 2 === 0 ? "completed" : "All";
    filter.push(await mainThreadMs(page, () => chips.getByRole("button", { name: new RegExp(`^${status}\\b`) }).click()));
  }
  for (let i = 0; i < 6; i++) {
    const name = i % 2 === 0 ? "Next page" : "Previous page";
    const button = page.getByRole("button", { name });
    if (!(await button.isEnabled())) break;
    paging.push(await mainThreadMs(page, () => button.click()));
  }
  await page.close();
  return { filter, paging };
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
    const big = await interactionCosts(context, `${stack.appUrl}/projects/${groupId}/clusters/${bigRestoreCluster}?tab=restore`);
    const small = await interactionCosts(context, `${stack.appUrl}/projects/${groupId}/clusters/${exportCluster}?tab=restore`);
    const note = "main-thread TaskDuration from click to settled; baseline: the same on a cluster with few restore jobs";
    figures.push(figure(`filter by status, ${bigRestoreCluster} (1,200 jobs) median`, percentile(big.filter, 50), percentile(small.filter, 50), "ms", note));
    figures.push(figure(`filter by status, ${bigRestoreCluster} (1,200 jobs) max`, Math.max(...big.filter), Math.max(...small.filter), "ms", note));
    if (big.paging.length > 0) {
      const smallPaging = small.paging.length > 0 ? percentile(small.paging, 50) : percentile(small.filter, 50);
      figures.push(figure(`next/previous page, ${bigRestoreCluster} median`, percentile(big.paging, 50), smallPaging, "ms", `${note} (filter when it has one page)`));
      figures.push(figure(`next/previous page, ${bigRestoreCluster} max`, Math.max(...big.paging), smallPaging, "ms", note));
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return { figures, notes };
}
