import type { Locator } from "@playwright/test";
import { expect, test } from "../../support/api-fixtures";
import { atlasListPath } from "../../support/routes";
import { clusterUrl, fixtures, sim } from "../ui-helpers";

const valueNow = async (bar: Locator) => Number(await bar.getAttribute("aria-valuenow"));

/**
 * Starts a collection restore of two collections and a view (which Atlas cannot restore) onto the
 * same cluster, through the simulator's Atlas API. One may run per cluster at a time: a 409 means an
 * earlier one (a retry's) still runs, so the clock moves it to its end and the create is tried again.
 */
async function startCollectionRestore(groupId: string, cluster: string): Promise<Record<string, unknown>> {
  const snapshots = await sim.atlasAll(`/groups/${groupId}/clusters/${cluster}/backup/snapshots`);
  const snapshotId = snapshots.find((s) => s.status === "completed")?.id;
  expect(snapshotId, "a completed snapshot to restore from").toEqual(expect.any(String));
  const body = {
    snapshotId,
    collections: [
      { sourceNamespace: "sales.orders" },
      { sourceNamespace: "sales.customers" },
      { sourceNamespace: "metrics.cpu" },
    ],
    targetClusterName: cluster,
    targetGroupId: groupId,
    writeStrategy: "CREATE_NEW",
    indexStrategy: "ALL",
  };
  const path = atlasListPath("collection-restore", groupId, cluster);
  try {
    return await sim.atlas(path, { method: "POST", body });
  } catch (error) {
    if (!String(error).includes(": 409 ")) throw error;
    await sim.advanceClock(3 * 3600);
    return sim.atlas(path, { method: "POST", body });
  }
}

// It moves the shared simulator's clock by hours, so it runs in the exclusive project.
test("a fresh collection restore climbs to done, with its per-collection table", async ({ page }) => {
  test.setTimeout(120_000);
  const f = await fixtures();
  const g = f.showcase.groupId;
  const cluster = f.showcase.exportCluster;
  await page.goto(clusterUrl(f, cluster, "tab=collection-restore"));
  const refresh = page.getByRole("button", { name: "Refresh now" });
  await expect(refresh).toBeEnabled();

  const created = await startCollectionRestore(g, cluster);
  const jobId = String(created.id);
  expect(jobId).toMatch(/^[a-f0-9]{24}$/);
  const bar = page.getByRole("progressbar", { name: `Collection restore ${jobId} progress` });
  await expect(async () => {
    await refresh.click();
    await expect(bar).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const row = page.getByRole("row", { name: new RegExp(jobId) });
  await expect(row).toContainText("sales.orders, sales.customers, metrics.cpu → same names");
  await expect(row).toContainText("CREATE_NEW");

  // Small clock steps until documents are part-way: proof that the bar moves, not just that it ends full.
  let seen = 0;
  await expect(async () => {
    await sim.advanceClock(60);
    await page.waitForTimeout(2_500); // one busy window, for the store to read the moved job
    await refresh.click();
    await expect(refresh).toBeEnabled();
    const now = await valueNow(bar);
    const max = Number(await bar.getAttribute("aria-valuemax"));
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(max);
    seen = now;
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("IN_PROGRESS");
  await expect(bar).toHaveAttribute("aria-valuetext", /^[\d,]+ of about [\d,]+ documents \(\d+\.\d%\)$/);

  // Opened while it runs: the per-collection table shows collections still at work.
  await row.getByRole("button", { name: jobId, exact: true }).click();
  const dialog = page.getByRole("dialog");
  const table = dialog.getByRole("table", { name: `Collections of restore ${jobId}` });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row", { name: /metrics\.cpu/ })).toContainText("UNSUPPORTED");
  await dialog.getByRole("button", { name: "Close details" }).click();

  await sim.advanceClock(3 * 3600);
  await expect(async () => {
    await refresh.click();
    await expect(row).toContainText("SUCCESSFUL", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const total = Number(await bar.getAttribute("aria-valuemax"));
  expect(await valueNow(bar)).toBe(total);
  expect(total).toBeGreaterThan(seen);
  await expect(bar).toHaveAttribute("aria-valuetext", /^([\d,]+) of \1 documents \(100\.0%\)$/);

  // Done: every supported collection SUCCESSFUL, the view UNSUPPORTED, and the job flagged for it.
  // The panel reads the collections when it opens (the store may first answer with what it last
  // read, then refresh): a reload of the job's link opens it afresh.
  await row.getByRole("button", { name: jobId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`job=${jobId}`));
  // The job's detail and its collections page are two store entries, each served while it refreshes:
  // reload until both have caught up.
  await expect(async () => {
    await page.reload();
    await expect(table.getByRole("row", { name: /sales\.orders/ })).toContainText("SUCCESSFUL", { timeout: 2_000 });
    await expect(dialog.getByRole("alert")).toHaveText(
      "Atlas reports this restore successful, but 1 of 3 collections were not restored: 1 UNSUPPORTED.",
      { timeout: 2_000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(table.getByRole("row", { name: /sales\.customers/ })).toContainText("SUCCESSFUL");
});
