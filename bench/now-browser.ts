// The Now page in Chromium: time to the first row, and main-thread cost of filtering and scrolling a
// list of thousands of rows (Chromium traces, as in ui-bench.ts), next to the same on an empty list.
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../e2e/support/chromium";
import { mainThreadCost, type Sample, type TraceEvent } from "./ui-bench";
import { figure, percentile, type BenchFigure } from "./stats";

// What the bench waits for and clicks, as the page (app/(dashboard)/page-client.tsx) marks it: rows are
// list items placed in their section (aria-posinset); the section tiles are toggle buttons.
const ROW = "li[aria-posinset]";
const FILTER = '[aria-label="Filter by group"] button[aria-pressed]';
const LOADS = 5;
const EMPTY_QUERY = "q=no-such-cluster-anywhere";

export interface NowBrowser {
  figures: BenchFigure[];
  /** Keeps a Now page open for `ms` (it refreshes itself); returns the /api/now requests it made. */
  keepOpen(ms: number): Promise<number>;
  close(): Promise<void>;
}

async function contextWith(browser: Browser, appUrl: string, cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const { hostname } = new URL(appUrl);
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...rest] = pair.split("=");
      return { name: name ?? "", value: rest.join("="), domain: hostname, path: "/" };
    }),
  );
  return context;
}

/** Navigation start to `selector` in the page, read from the page's own clock. */
async function timeTo(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), selector, {
    polling: "raf",
    timeout: 30_000,
  });
  const ms = (await handle.jsonValue()) as number;
  await page.close();
  return ms;
}

const frames = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Main-thread cost of `act` until `settled` holds and two frames have painted. */
async function traced(page: Page, act: () => Promise<unknown>, settled: () => Promise<unknown>): Promise<Sample> {
  const browser = page.context().browser()!;
  const pageUrl = page.url();
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await act();
  await settled();
  await frames(page);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  return mainThreadCost(trace.traceEvents, pageUrl);
}

interface Interaction {
  rows: number;
  clicks: Sample[];
  scrolls: Sample[];
}

/** Each estate-count filter on then off again, then ten scroll steps of the row list. */
async function interact(context: BrowserContext, url: string): Promise<Interaction> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector(FILTER, { timeout: 60_000 });
  // Every section's list says how many rows it has, most of them virtualised away.
  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll("ul"))
      .map((ul) => Number(ul.querySelector("li[aria-setsize]")?.getAttribute("aria-setsize") ?? 0))
      .reduce((a, b) => a + b, 0),
  );
  const buttons = await page.$$(FILTER);
  const clicks: Sample[] = [];
  for (const [i, button] of buttons.slice(0, 6).entries()) {
    for (const pressed of ["true", "false"]) {
      clicks.push(
        await traced(
          page,
          () => button.evaluate((el) => (el as HTMLElement).click()),
          () =>
            page.waitForFunction(
              ({ sel, i, pressed }) =>
                document.querySelectorAll(sel)[i]?.getAttribute("aria-pressed") === pressed &&
                !document.querySelector('[aria-busy="true"]'),
              { sel: FILTER, i, pressed },
              { polling: "raf" },
            ),
        ),
      );
    }
  }
  const scrolls: Sample[] = [];
  for (let i = 0; i < 10; i++) {
    scrolls.push(
      await traced(
        page,
        () =>
          // The rows are virtualised against the window's scroll.
          page.evaluate(() => window.scrollBy(0, 1200)),
        () => frames(page),
      ),
    );
  }
  await page.close();
  return { rows, clicks, scrolls };
}

export async function benchNowBrowser(appUrl: string, cookie: string): Promise<NowBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const anonymous = await browser.newContext();
    const signin: number[] = [];
    for (let i = 0; i < LOADS; i++) signin.push(await timeTo(anonymous, `${appUrl}/signin`, "#username"));
    await anonymous.close();
    const context = await contextWith(browser, appUrl, cookie);
    const first: number[] = [];
    for (let i = 0; i < LOADS; i++) first.push(await timeTo(context, `${appUrl}/`, ROW));
    const big = await interact(context, `${appUrl}/?window=7d`);
    const empty = await interact(context, `${appUrl}/?window=7d&${EMPTY_QUERY}`);
    const cpu = (s: Sample[]) => s.map((x) => x.cpu);
    const note = `renderer main thread (Chromium trace), el.click(); baseline: the same on an empty filter (${EMPTY_QUERY}); goal 100 ms a click`;
    const figures = [
      figure(
        "(2) warm page load to the first row, Chromium, median",
        percentile(first, 50),
        percentile(signin, 50),
        "ms",
        `navigation start to the first row, ${LOADS} loads; baseline: the sign-in page to its first field; goal 300 ms`,
      ),
      figure(
        "(2) warm page load to the first row, Chromium, max",
        Math.max(...first),
        Math.max(...signin),
        "ms",
        "as above",
      ),
      figure(
        `(3) filter click, 7 d window (${big.rows} rows), CPU median`,
        percentile(cpu(big.clicks), 50),
        percentile(cpu(empty.clicks), 50),
        "ms",
        note,
      ),
      figure(
        `(3) filter click, 7 d window (${big.rows} rows), CPU max`,
        Math.max(...cpu(big.clicks)),
        Math.max(...cpu(empty.clicks)),
        "ms",
        note,
      ),
      figure(
        `(3) scroll step of 1,200 px, 7 d window, CPU median`,
        percentile(cpu(big.scrolls), 50),
        percentile(cpu(empty.scrolls), 50),
        "ms",
        "renderer main thread; baseline: the same scroll on the empty filter",
      ),
      figure(
        `(3) scroll step of 1,200 px, 7 d window, CPU max`,
        Math.max(...cpu(big.scrolls)),
        Math.max(...cpu(empty.scrolls)),
        "ms",
        "as above",
      ),
    ];
    return {
      figures,
      async keepOpen(ms) {
        const page = await context.newPage();
        let requests = 0;
        page.on("request", (r) => void (new URL(r.url()).pathname === "/api/now" && requests++));
        await page.goto(`${appUrl}/`, { waitUntil: "commit" });
        await page.waitForTimeout(ms);
        await page.close();
        return requests;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
