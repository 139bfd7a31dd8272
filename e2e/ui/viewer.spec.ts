import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/run-env";
import { clusterUrl, fixtures, sim } from "./ui-helpers";

/** Every download/delivery URL Atlas holds for the big restore cluster, straight from the simulator. */
async function deliveryUrls(): Promise<string[]> {
  const f = await fixtures();
  const jobs = await sim.atlasAll(`/groups/${f.showcase.groupId}/clusters/${f.showcase.bigRestoreCluster}/backup/restoreJobs`);
  const found = new Set<string>();
  const walk = (value: unknown, key = ""): void => {
    if (typeof value === "string" && /url/i.test(key) && /^https?:/.test(value)) found.add(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(jobs);
  return [...found];
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("no download URL reaches the DOM, in the list or in a job's panel", async ({ page }) => {
    const f = await fixtures();
    const urls = await deliveryUrls();
    expect(urls.length).toBeGreaterThan(0);
    await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, "pageSize=100"));
    const table = page.getByRole("table", { name: /Restore jobs of/ });
    await expect(table).toBeVisible();
    // Open a download-type job: the one most likely to carry a URL.
    const row = table.getByRole("row").filter({ hasText: "download" }).first();
    await row.getByRole("button").first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: /Raw Atlas JSON/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Get download link" })).toHaveCount(0);
    const html = await page.content();
    for (const url of urls) expect(html).not.toContain(url);
  });
});

test("an operator gets a download link on demand", async ({ page }) => {
  const f = await fixtures();
  await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, "pageSize=100&status=completed"));
  const table = page.getByRole("table", { name: /Restore jobs of/ });
  const row = table.getByRole("row").filter({ hasText: "download" }).first();
  await row.getByRole("button").first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Get download link" }).click();
  await expect(dialog.getByRole("link").filter({ hasText: /./ }).nth(1)).toHaveAttribute("href", /^https?:\/\//);
});
