import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../../support/api-fixtures";
import { signInAttempt } from "../../support/signin";
import { clearWatches } from "../../support/watches";
import { clusterUrl, expectNoAxeViolations, fixtures, sim } from "../ui-helpers";

// A watched restore finishing, as its watcher sees it: the browser notification (permission granted
// in the context; the real Notification constructor wrapped to record its calls), the page's own
// notice and the row saying so; the watch surviving a reload; never in the URL. It creates a job on
// the showcase cluster and moves the shared simulator's clock, so it runs in the exclusive project.

const SHOTS = path.resolve(__dirname, "..", "..", "screenshots", "watch");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Recorded = { title: string; body?: string; tag?: string };
declare global {
  interface Window {
    __notifications: Recorded[];
  }
}

/** Records each `new Notification(...)` and still builds the real one (behaviour unchanged). */
async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.Notification;
    const calls: Recorded[] = [];
    window.__notifications = calls;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        calls.push({ title, body: options?.body, tag: options?.tag });
        super(title, options);
      }
    }
    window.Notification = Recording;
  });
}

/** An automated restore of the showcase cluster's latest completed snapshot: 15 simulated minutes. */
async function startRestore(groupId: string, cluster: string, target: string): Promise<string> {
  const snapshots = await sim.atlasAll(`/groups/${groupId}/clusters/${cluster}/backup/snapshots`);
  const snapshotId = snapshots.find((s) => s.status === "completed")?.id;
  expect(snapshotId, "a completed snapshot to restore").toEqual(expect.any(String));
  const job = await sim.atlas(`/groups/${groupId}/clusters/${cluster}/backup/restoreJobs`, {
    method: "POST",
    body: { snapshotId, deliveryType: "automated", targetGroupId: groupId, targetClusterName: target },
  });
  return String(job.id);
}

const notices = (page: Page) => page.getByRole("status", { name: "Watched jobs" });

async function shoot(page: Page, row: ReturnType<Page["getByText"]>, name: string) {
  // Centred: the notice sits at the bottom of the screen, the row above it.
  await row.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test.use({ storageState: { cookies: [], origins: [] } });

test("a watched restore finishing shows its notification, and the watch survives a reload", async ({
  browser,
  env,
}, testInfo) => {
  // Three axe scans of a 50-row table and a simulated hour: minutes on a busy two-core machine.
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: DESKTOP, colorScheme: "light" });
  try {
    await context.grantPermissions(["notifications"], { origin: env.appUrl });
    await recordNotifications(context);
    const { name: username, password } = env.users.watcher;
    expect((await signInAttempt(context.request, { username, password })).error).toBeNull();
    await clearWatches(context.request);

    const f = await fixtures();
    const { groupId, bigRestoreCluster: cluster, exportCluster } = f.showcase;
    const page = await context.newPage();
    await page.goto(clusterUrl(f, cluster));
    const refresh = page.getByRole("button", { name: "Refresh now" });
    await expect(refresh).toBeEnabled();

    const jobId = await startRestore(groupId, cluster, exportCluster);
    const watch = page.getByRole("button", { name: `Watch job ${jobId}` });
    await expect(async () => {
      await refresh.click();
      await expect(watch).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await watch.click();
    const stop = page.getByRole("button", { name: `Stop watching job ${jobId}` });
    await expect(stop).toHaveAttribute("aria-pressed", "true");
    const line = page.getByText(/^(Watching: you get a notification when it ends|Watched — .*)$/);
    await expect(line).toBeVisible();

    // The restore ends: the collector reads it (a busy list every 2 s here), the tab's next poll tells.
    await sim.advanceClock(3600);
    const title = `Restore on ${cluster} finished`;
    await expect(notices(page)).toContainText(title, { timeout: 30_000 });
    await expect(notices(page)).toContainText("Browser notification shown");
    await expect(page.getByText(/^Watched — finished \d\d:\d\d UTC, you were notified$/)).toBeVisible();
    // The row's own status follows: the table is read again when a watch tells.
    await expect(page.getByRole("row").filter({ has: stop }).getByText("completed", { exact: true })).toBeVisible();
    const calls = await page.evaluate(() => window.__notifications);
    expect(calls).toEqual([
      { title, body: expect.stringContaining(`Job ${jobId}`), tag: `backwatch:restore:${jobId}:completed` },
    ]);
    // The watch lives in the session, never in the URL.
    expect(page.url()).not.toContain(jobId);
    expect(page.url()).not.toMatch(/watch/i);

    const row = page.getByText(/^Watched — finished/);
    await expectNoAxeViolations(page, testInfo, "watch-notified-light");
    await shoot(page, row, "watch-1440-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page, testInfo, "watch-notified-dark");
    await shoot(page, row, "watch-1440-dark");
    await page.setViewportSize(PHONE);
    await shoot(page, row, "watch-phone-dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expectNoAxeViolations(page, testInfo, "watch-notified-phone-light");
    await shoot(page, row, "watch-phone-light");
    await page.setViewportSize(DESKTOP);

    // A reload: still watched, still says it was notified, and neither notifies nor announces again.
    await page.reload();
    await expect(page.getByRole("button", { name: `Stop watching job ${jobId}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByText(/^Watched — finished \d\d:\d\d UTC, you were notified$/)).toBeVisible();
    expect(await page.evaluate(() => window.__notifications)).toEqual([]);
    await expect(notices(page)).toHaveText("");
    expect(page.url()).not.toContain(jobId);

    // Now shows the same watch on its row, and stops it there.
    await page.goto(`/?q=${jobId}`);
    const onNow = page.getByRole("button", { name: `Stop watching job ${jobId}` });
    await expect(onNow).toHaveAttribute("aria-pressed", "true");
    await onNow.click();
    await expect(page.getByRole("button", { name: `Watch job ${jobId}` })).toHaveAttribute("aria-pressed", "false");
    const left = (await (await context.request.get("/api/watches")).json()) as { items: unknown[] };
    expect(left.items).toEqual([]);
  } finally {
    await clearWatches(context.request).catch(() => undefined);
    await context.close();
  }
});

test("with notifications blocked, the watch still tells on the page and the row says why", async ({
  browser,
  env,
}, testInfo) => {
  test.setTimeout(120_000);
  // No permission granted: Chromium answers the prompt with "denied".
  const context = await browser.newContext({ viewport: DESKTOP });
  try {
    await recordNotifications(context);
    const { name: username, password } = env.users.watcher;
    expect((await signInAttempt(context.request, { username, password })).error).toBeNull();
    await clearWatches(context.request);
    const f = await fixtures();
    const page = await context.newPage();
    await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, "status=completed"));
    const first = page.getByRole("button", { name: /^Watch job [a-f0-9]{24}$/ }).first();
    const jobId = (await first.getAttribute("aria-label"))!.replace("Watch job ", "");
    await first.click();
    await expect(page.getByRole("button", { name: `Stop watching job ${jobId}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(await page.evaluate(() => Notification.permission)).toBe("denied");
    await expect(
      page.getByText("Browser notifications are blocked for this site: this page tells you instead."),
    ).toBeVisible();
    // Already completed: told at once, on the page only.
    await expect(notices(page)).toContainText(`Restore on ${f.showcase.bigRestoreCluster} finished`);
    await expect(notices(page)).toContainText("Shown on this page");
    await expect(page.getByText(/^Watched — finished \d\d:\d\d UTC, shown on this page$/)).toBeVisible();
    expect(await page.evaluate(() => window.__notifications)).toEqual([]);
    await expectNoAxeViolations(page, testInfo, "watch-blocked");
    await notices(page)
      .getByRole("button", { name: /^Dismiss: / })
      .click();
    await expect(notices(page)).toHaveText("");
  } finally {
    await clearWatches(context.request).catch(() => undefined);
    await context.close();
  }
});
