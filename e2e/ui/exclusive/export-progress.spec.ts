import type { Locator } from "@playwright/test";
import { expect, test } from "../../support/api-fixtures";
import { clusterUrl, fixtures, sim } from "../ui-helpers";

const valueNow = async (bar: Locator) => Number(await bar.getAttribute("aria-valuenow"));

/**
 * Starts a fresh export on `cluster` through the simulator's Atlas API, as the run's service
 * account: a new job is queued whatever the accelerated clock has done to the showcase ones.
 */
async function startExport(groupId: string, cluster: string): Promise<string> {
  const snapshots = await sim.atlasAll(`/groups/${groupId}/clusters/${cluster}/backup/snapshots`);
  const snapshotId = snapshots.find((s) => s.status === "completed")?.id;
  const buckets = await sim.atlasAll(`/groups/${groupId}/backup/exportBuckets`);
  const exportBucketId = buckets[0]?.id ?? buckets[0]?._id;
  expect(snapshotId, "a completed snapshot to export").toEqual(expect.any(String));
  expect(exportBucketId, "an export bucket").toEqual(expect.any(String));
  const job = await sim.atlas(`/groups/${groupId}/clusters/${cluster}/backup/exports`, {
    method: "POST",
    body: { snapshotId, exportBucketId, customData: [{ key: "e2e", value: "export-progress" }] },
  });
  expect(job.state).toBe("Queued");
  return String(job.id);
}

// It moves the shared simulator's clock by an hour, so it runs in the exclusive project.
test("a fresh export's bar advances with the clock and reaches its total", async ({ page }) => {
  test.setTimeout(90_000);
  const f = await fixtures();
  const cluster = f.showcase.exportCluster;
  await page.goto(clusterUrl(f, cluster, "tab=export"));
  const refresh = page.getByRole("button", { name: "Refresh now" });
  await expect(refresh).toBeEnabled();

  // Created after the page is up, so it is seconds old (simulated minutes) when first seen.
  const jobId = await startExport(f.showcase.groupId, cluster);
  expect(jobId).toMatch(/^[a-f0-9]{24}$/);
  // Watched with no status filter, so it stays in view as it moves from queued to running to done.
  // Backwatch reads Atlas on its own schedule (a busy list every 2 s in this run), so the new job
  // shows after a refresh or two of the page.
  const bar = page.getByRole("progressbar", { name: `Export ${jobId} progress` });
  await expect(async () => {
    await refresh.click();
    await expect(bar).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const start = await valueNow(bar);
  const total = Number(await bar.getAttribute("aria-valuemax"));
  expect(total).toBeGreaterThan(0);
  expect(start).toBeLessThan(total);

  // Small clock steps until the bar is part-way: proof that it moves, not just that it ends full.
  await expect(async () => {
    await sim.advanceClock(30);
    await page.waitForTimeout(2_500); // one busy window, for the store to read the moved export
    await refresh.click();
    await expect(refresh).toBeEnabled();
    const now = await valueNow(bar);
    expect(now).toBeGreaterThan(start);
    expect(now).toBeLessThan(total);
  }).toPass({ timeout: 40_000 });
  await expect(bar).toHaveAttribute("aria-valuetext", new RegExp(`^\\d+ of ${total} collections \\(\\d+\\.\\d%\\)$`));

  await sim.advanceClock(3600);
  await expect(async () => {
    await refresh.click();
    expect(await valueNow(bar)).toBe(total);
  }).toPass({ timeout: 15_000 });
  await expect(bar).toHaveAttribute("aria-valuetext", `${total} of ${total} collections (100.0%)`);
});
