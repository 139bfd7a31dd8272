import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { formatUtc } from "../../components/jobs/format";
import { clusterUrl, expectNoAxeViolations, fixtures, sim } from "./ui-helpers";

const SHOTS = path.resolve(__dirname, "..", "screenshots", "timeline");

interface AtlasEvent {
  id: string;
  created: string;
  eventTypeName: string;
}

/** The simulator's own answer, as Atlas gives it: the cluster's newest event of a type lately. */
async function newestEvent(groupId: string, cluster: string, type: string): Promise<AtlasEvent> {
  const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const q = new URLSearchParams({ clusterNames: cluster, eventType: type, minDate: since, itemsPerPage: "1" });
  const body = await sim.atlas(`/groups/${groupId}/events?${q}`);
  const [first] = body.results as AtlasEvent[];
  if (!first) throw new Error(`no ${type} event on ${cluster} since ${since}`);
  return first;
}

const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" });
const picture = (page: Page) => page.getByRole("img", { name: /^Timeline of/ });

async function drag(page: Page, fromRatio: number, toRatio: number) {
  const box = (await picture(page).boundingBox())!;
  // Past the lane labels (a third of the width at most), halfway down the picture.
  const left = box.x + box.width * 0.36;
  const width = box.width * 0.6;
  const y = box.y + box.height / 2;
  await page.mouse.move(left + width * fromRatio, y);
  await page.mouse.down();
  await page.mouse.move(left + width * ((fromRatio + toRatio) / 2), y, { steps: 4 });
  await page.mouse.move(left + width * toRatio, y, { steps: 4 });
  await page.mouse.up();
}

test("an event marker on the cluster timeline is the simulator's own event, in words on hover and in the table", async ({
  page,
}, testInfo) => {
  // An axe scan of the picture and its open table (a week: hundreds of rows) on a busy 2-core machine.
  test.setTimeout(90_000);
  const f = await fixtures();
  const cluster = f.showcase.bigRestoreCluster;
  const event = await newestEvent(f.showcase.groupId, cluster, "CPS_OPLOG_BEHIND");
  // A week: the simulator runs at 60x, so its clock moves on from the seeded showcase spell.
  await page.goto(clusterUrl(f, cluster, "window=7d"));
  const marker = page.locator(`[data-event-id="${event.id}"]`);
  await expect(marker).toHaveCount(1);

  const when = formatUtc(event.created);
  await marker.hover({ force: true }); // a neighbouring marker may overlap it: the pointer is what counts
  await expect(page.getByRole("tooltip")).toContainText(`Oplog behind at ${when}`);

  await timeline(page).getByText("Timeline as a table").click();
  const row = timeline(page).getByRole("row").filter({ hasText: when }).filter({ hasText: "Oplog behind" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Event: oplog or snapshots behind");

  // The event filter is in the URL and hides the other groups' markers (and rows).
  await timeline(page)
    .getByRole("group", { name: "Show events" })
    .getByRole("button", { name: /Snapshot taken/ })
    .click();
  await expect(page).toHaveURL(/events=snapshot(&|$)/);
  await expect(marker).toHaveCount(0);
  await expect(row).toHaveCount(0);
  await expectNoAxeViolations(page, testInfo, "timeline-table");
});

test("dragging zooms (in the URL, with a reset), and a selected range filters the job table", async ({ page }) => {
  const f = await fixtures();
  const cluster = f.showcase.bigRestoreCluster;
  await page.goto(clusterUrl(f, cluster, "window=7d"));
  await expect(picture(page)).toBeVisible();

  await drag(page, 0.2, 0.8);
  await expect(page).toHaveURL(/zoom=\d+-\d+/);
  await expect(timeline(page).getByText(/\(zoomed\)/)).toBeVisible();
  await timeline(page).getByRole("button", { name: "Reset zoom" }).click();
  await expect(page).not.toHaveURL(/zoom=/);

  await timeline(page)
    .getByRole("radio", { name: /select the jobs listed below/ })
    .check();
  await drag(page, 0.4, 0.7);
  await expect(page).toHaveURL(/range=\d+-\d+/);
  const [, a, b] = /range=(\d+)-(\d+)/.exec(page.url())!;
  const from = new Date(Number(a) * 1000).toISOString();
  const to = new Date(Number(b) * 1000).toISOString();

  // What the route says ran in that range is what the table now lists.
  const api = await page.request.get(
    `/api/projects/${f.showcase.groupId}/clusters/${cluster}/restore-jobs?${new URLSearchParams({ from, to, pageSize: "1" })}`,
  );
  const { totalCount } = (await api.json()) as { totalCount: number };
  expect(totalCount).toBeGreaterThan(0);
  expect(totalCount).toBeLessThan(f.showcase.restoreJobCount);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(`of ${totalCount} ·`);

  await timeline(page).getByRole("button", { name: "Clear selection" }).click();
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText(
    `of ${f.showcase.restoreJobCount} ·`,
  );
});

test.describe("screenshots", () => {
  test.use({ viewport: { width: 1440, height: 1000 } });
  for (const scheme of ["light", "dark"] as const) {
    for (const window of ["1h", "24h", "7d"] as const) {
      test(`cluster timeline, ${window}, ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const f = await fixtures();
        await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, `window=${window}`));
        await expect(picture(page)).toBeVisible();
        await expect(timeline(page).getByText("Loading backup events…")).toHaveCount(0);
        mkdirSync(SHOTS, { recursive: true });
        await timeline(page).screenshot({ path: path.join(SHOTS, `cluster-${window}-${scheme}.png`) });
      });
    }
  }

  for (const scheme of ["light", "dark"] as const)
    test(`Now timeline, 7 days, ${scheme}`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/?window=7d");
      const now = page.getByRole("region", { name: "Timeline" });
      await expect(now.getByRole("img", { name: /^Timeline of the jobs shown/ })).toBeVisible({ timeout: 60_000 });
      await expect(now.getByText(/Backup events of/)).toBeVisible();
      mkdirSync(SHOTS, { recursive: true });
      await now.screenshot({ path: path.join(SHOTS, `now-7d-${scheme}.png`) });
    });
});
