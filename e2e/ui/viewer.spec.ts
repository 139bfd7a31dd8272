import { expect, request, test } from "@playwright/test";
import { DownloadLinksSchema, JobListSchema } from "../../lib/jobs/dto";
import { listPath } from "../support/routes";
import { storageStatePath } from "../support/run-env";
import { clusterUrl, env, fixtures, sim } from "./ui-helpers";

/** Every download/delivery URL Atlas holds for the big restore cluster, straight from the simulator. */
async function deliveryUrls(): Promise<string[]> {
  const f = await fixtures();
  const jobs = await sim.atlasAll(
    `/groups/${f.showcase.groupId}/clusters/${f.showcase.bigRestoreCluster}/backup/restoreJobs`,
  );
  const found = new Set<string>();
  const walk = (value: unknown, key = ""): void => {
    if (typeof value === "string" && /url/i.test(key) && /^https?:/.test(value)) found.add(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(jobs);
  return [...found];
}

/**
 * A finished download restore job of the big cluster and the URLs an operator gets for it from the
 * operator-only download route: proof that this job has a link a viewer could be shown.
 */
async function jobWithDownload(): Promise<{ id: string; urls: string[] }> {
  const f = await fixtures();
  const operator = await request.newContext({ baseURL: env.appUrl, storageState: storageStatePath("operator") });
  try {
    const path = listPath("restore", f.showcase.groupId, f.showcase.bigRestoreCluster);
    const list = JobListSchema.parse(await (await operator.get(`${path}?status=completed&pageSize=500`)).json());
    const job = list.items.find((j) => j.deliveryType === "download" && j.hasDownloadUrl);
    expect(job, "a completed download job with a URL").toBeDefined();
    const res = await operator.get(`${path}/${job!.id}/download`);
    expect(res.status()).toBe(200);
    const links = DownloadLinksSchema.parse(await res.json());
    expect(links.urls.length).toBeGreaterThan(0);
    return { id: job!.id, urls: links.urls.map((l) => l.url) };
  } finally {
    await operator.dispose();
  }
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("a job with a download URL shows no download button, and no URL reaches the DOM", async ({ page }) => {
    const f = await fixtures();
    const job = await jobWithDownload();
    const urls = [...new Set([...job.urls, ...(await deliveryUrls())])];
    await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, `pageSize=100&job=${job.id}`));
    const dialog = page.getByRole("dialog", { name: `Job ${job.id}` });
    await expect(dialog.getByRole("heading", { name: /Raw Atlas JSON/ })).toBeVisible();
    // The panel knows the job has a link (its fields say so), and offers none.
    await expect(dialog.locator("dt:text-is('hasDownloadUrl') + dd")).toHaveText("true");
    await expect(page.getByRole("button", { name: "Get download link" })).toHaveCount(0);
    const html = await page.content();
    for (const url of urls) expect(html).not.toContain(url);
  });
});

test("an operator gets the same job's download link on demand", async ({ page }) => {
  const f = await fixtures();
  const job = await jobWithDownload();
  await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, `pageSize=100&job=${job.id}`));
  const dialog = page.getByRole("dialog", { name: `Job ${job.id}` });
  const html = await page.content();
  for (const url of job.urls) expect(html, "no URL before it is asked for").not.toContain(url);
  await dialog.getByRole("button", { name: "Get download link" }).click();
  const link = dialog.getByRole("link", { name: /^(Download|Shard|Private endpoint)/ }).first();
  await expect(link).toBeVisible();
  expect(job.urls).toContain(await link.getAttribute("href"));
});
