import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { NowResponseSchema, type NowResponse, type NowRow } from "../../lib/now/dto";
import { expect, test } from "../support/api-fixtures";
import { randomId } from "../support/routes";
import type { RunEnv } from "../support/run-env";
import { SCREENSHOT_DIR, expectNoAxeViolations } from "./ui-helpers";

// Journeys of the Now page (`/`), by role and label. The estate is read on Backwatch's own schedule
// (the first look starts it), so each journey first waits, through the API, for a complete picture.

async function completeNow(api: APIRequestContext, query = "?window=7d"): Promise<NowResponse> {
  let last: NowResponse | undefined;
  await expect(async () => {
    const res = await api.get(`/api/now${query}`);
    expect(res.status()).toBe(200);
    last = NowResponseSchema.parse(await res.json());
    expect(last.coverage.projects).toBeGreaterThan(0);
    expect(last.coverage.projectsRead).toBe(last.coverage.projects);
    expect(last.coverage.lists.unread).toBe(0);
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
  return last!;
}

/**
 * The first screens of the page, not all of it: the rows are virtualised against the window, and a
 * full-page capture of hundreds of rows is neither legible nor what a DBA sees.
 */
async function screenshotTop(page: Page, testInfo: TestInfo, name: string, screens = 2.5) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: Math.round(viewport.height * screens) });
  await expect(
    page
      .getByRole("region", { name: /^Running \d+$/ })
      .getByRole("listitem")
      .first(),
  ).toBeVisible();
  const body = await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  await page.setViewportSize(viewport);
  await testInfo.attach(name, { body, contentType: "image/png" });
}

async function signIn(page: Page, env: RunEnv) {
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Username").fill(env.users.operator.name);
  await page.getByLabel("Password").fill(env.users.operator.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

const section = (page: Page, name: string) => page.getByRole("region", { name: new RegExp(`^${name} \\d+$`) });
test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in lands on Now, which shows a running restore of a project three clicks away", async ({
    page,
    env,
    operator,
    fx,
  }) => {
    await completeNow(operator);
    await page.goto("/");
    await signIn(page, env);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByRole("heading", { level: 1, name: "Now" })).toBeVisible();

    // The count of running restores is a filter; the Running group then lists them across projects.
    await page.getByRole("button", { name: /^\d+ running restore jobs$/ }).click();
    await expect(page).toHaveURL(/kind=restore&status=running/);
    const items = section(page, "Running").getByRole("listitem");
    await expect(items.first()).toBeVisible();
    // Outside the showcase project when one is running there: its project list, project, cluster, then job.
    const others = fx.projects.filter((p) => p.id !== fx.showcase.groupId).map((p) => p.name);
    const elsewhere = items.filter({ hasText: new RegExp(others.join("|") || "$^") });
    const item = (await elsewhere.count()) > 0 ? elsewhere.first() : items.first();
    await expect(item).toContainText(/^running\s*Restore/);
    const href = (await item.getByRole("link").getAttribute("href"))!;
    const target = new URL(href, env.appUrl);
    const jobId = target.searchParams.get("job")!;
    expect(target.searchParams.get("tab")).toBe("restore");
    expect(target.pathname).toMatch(/^\/projects\/[0-9a-f]{24}\/clusters\/[\w-]+$/);

    await item.getByRole("link").click();
    await page.waitForURL((url) => url.pathname === target.pathname && url.searchParams.get("job") === jobId);
    await expect(page.getByRole("dialog", { name: `Job ${jobId}` })).toBeVisible();
  });

  test("a filtered Now link survives sign-in and shows the same view", async ({ page, env }) => {
    const link = "/?window=7d&kind=export&status=failed&group=cluster";
    await page.goto(link);
    await signIn(page, env);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      window: "7d",
      kind: "export",
      status: "failed",
      group: "cluster",
    });
    await expect(page.getByLabel("Window")).toHaveValue("7d");
    await expect(page.getByLabel("Group by")).toHaveValue("cluster");
    await expect(page.getByRole("button", { name: /^\d+ failed snapshot exports$/ })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    // Grouped by cluster: a heading per cluster, and every row under it a failed export.
    const attention = section(page, "Needs attention");
    await expect(attention.getByRole("heading", { level: 3 }).first()).toBeVisible();
    const rows = attention.getByRole("listitem").filter({ has: page.getByRole("link") });
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) expect(text).toMatch(/^failed\s*Snapshot export/);
  });
});

test("filter to stuck: every row shown is flagged, with the reason in words", async ({ page, operator }) => {
  const picture = await completeNow(operator, "?stuck=true");
  expect(picture.rows.length).toBeGreaterThan(0);
  await page.goto("/");
  const stuck = page.getByRole("button", { name: /^Stuck \d+$/ });
  await expect(stuck).toHaveAttribute("aria-pressed", "false");
  await stuck.click();
  await expect(stuck).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/stuck=true/);

  const running = section(page, "Running");
  const rows = running.getByRole("listitem");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents())
    expect(text).toMatch(/Stuck(no progress for \d|(running|queued) \d)/);
  // A stuck job needs attention too: it is listed there as well, and the filter chip can be removed.
  await expect(section(page, "Needs attention").getByRole("listitem").first()).toContainText("Stuck");
  await page.getByRole("button", { name: "Remove filter stuck" }).click();
  await expect(page).not.toHaveURL(/stuck=/);
  await expect(stuck).toHaveAttribute("aria-pressed", "false");

  // The same flag on the cluster page's table, for the same job.
  const { job } = picture.rows[0]!;
  const kindTab = `tab=${job.kind}&status=${job.status}&pageSize=100&sort=startedAt&dir=asc`;
  await page.goto(`/projects/${job.groupId}/clusters/${job.clusterName}?${kindTab}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: job.id }) });
  await expect(row).toContainText(/Stuck\s*(no progress for \d|(running|queued) \d)/);
});

test("find a job by id: a pasted id opens it; junk and unknown ids get a sentence, not an error page", async ({
  page,
  operator,
  fx,
}) => {
  const picture = await completeNow(operator, "?window=7d&kind=export");
  const target = picture.rows.find((r) => r.job.clusterName === fx.showcase.exportCluster) ?? picture.rows[0]!;
  await page.goto("/");
  const search = page.getByRole("search", { name: "Find a job by id" });
  const input = search.getByLabel("Find a job by id");

  await input.fill("restore 42");
  await input.press("Enter");
  await expect(search.getByRole("status")).toContainText("is not a job id");
  await expect(input).toHaveAttribute("aria-invalid", "true");

  await input.fill(randomId());
  await search.getByRole("button", { name: "Find" }).click();
  await expect(search.getByRole("status")).toContainText(/No (cluster|job)/);
  await expect(page.getByRole("heading", { level: 1, name: "Now" })).toBeVisible();

  await input.fill("");
  await input.focus();
  // A real paste event, as Ctrl+V fires it, with the id in capitals and spaces around it, as copied from a log.
  await input.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, `  ${target.job.id.toUpperCase()} `);
  await page.waitForURL((url) => url.searchParams.get("job") === target.job.id);
  expect(new URL(page.url()).pathname).toBe(`/projects/${target.job.groupId}/clusters/${target.job.clusterName}`);
  await expect(page.getByRole("dialog", { name: `Job ${target.job.id}` })).toBeVisible();
});

test("the whole filtered view downloads as CSV and JSON, without any URL", async ({ page, operator }) => {
  await completeNow(operator);
  await page.goto("/?window=7d&kind=restore");
  const shown = page.getByRole("status").filter({ hasText: /^Showing \d+ of \d+ jobs/ });
  await expect(shown).toBeVisible();
  const count = Number((await shown.textContent())!.match(/Showing (\d+)/)![1]);
  expect(count).toBeGreaterThan(0);

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Download CSV of ${count} jobs` }).click(),
  ]);
  const text = readFileSync(await csv.path(), "utf8");
  const lines = text.trim().split("\r\n");
  expect(lines).toHaveLength(count + 1);
  expect(lines[0]).toContain('"section","projectName"');
  expect(text).not.toMatch(/https?:\/\//);

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Download JSON of ${count} jobs` }).click(),
  ]);
  const rows = JSON.parse(readFileSync(await json.path(), "utf8")) as NowRow[];
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r.job.kind === "restore")).toBe(true);
});

for (const scheme of ["light", "dark"] as const) {
  for (const [device, viewport] of [
    ["1440", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    test(`Now at ${device} width in ${scheme} mode: axe clean, no console errors, screenshot`, async ({
      page,
      operator,
    }, testInfo) => {
      await completeNow(operator, "?window=24h");
      const errors: string[] = [];
      page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
      page.on("pageerror", (e) => void errors.push(e.message));
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Now" })).toBeVisible();
      await expect(section(page, "Running").getByRole("listitem").first()).toBeVisible();
      await expect(page.getByRole("region", { name: "Coverage" }).getByText(/Updated \d+/)).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `now-${device}-${scheme}`);
      await screenshotTop(page, testInfo, `now-${device}-${scheme}`);
      // Nothing wider than the screen: a phone scrolls down, never sideways.
      const wider = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          // Inside a horizontally scrolling box is fine: that box scrolls, the page does not.
          .filter((el) => !el.parentElement?.closest(".overflow-x-auto"))
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join(".")}`)
          .slice(0, 8),
      );
      expect(wider, "elements wider than the screen").toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      expect(errors, "console errors").toEqual([]);
    });
  }
}
