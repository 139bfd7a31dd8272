import { expect, test } from "@playwright/test";
import { clusterUrl, fixtures } from "./ui-helpers";

test("filtering failed restores shows exactly as many jobs as the chip says", async ({ page }) => {
  const f = await fixtures();
  await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster));
  const chips = page.getByRole("group", { name: "Filter by status" });
  const all = chips.getByRole("button", { name: /^All \d+$/ });
  await expect(all).toHaveAttribute("aria-pressed", "true");
  expect(Number((await all.textContent())?.match(/\d+/)?.[0])).toBe(f.showcase.restoreJobCount);

  const failed = chips.getByRole("button", { name: /^failed \d+$/ });
  const count = Number((await failed.textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await failed.click();
  await expect(failed).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/status=failed/);

  const pagination = page.getByRole("navigation", { name: "Pagination" });
  await expect(pagination).toContainText(`of ${count} ·`);
  const table = page.getByRole("table", { name: /Restore jobs of/ });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(Math.min(count, 50) + 1);
  // Every body row is a failed job (the header row has no status).
  await expect(rows.filter({ hasText: "failed" })).toHaveCount(Math.min(count, 50));

  // Sorting by finish time keeps the filter and says so.
  await table.getByRole("button", { name: /Finished/ }).click();
  await expect(page).toHaveURL(/sort=finishedAt/);
  await expect(table.getByRole("columnheader", { name: /Finished/ })).toHaveAttribute("aria-sort", "descending");
  await expect(pagination).toContainText(`of ${count} ·`);
});

test("the next page keeps the current rows on screen until it arrives, and the job panel is a link", async ({
  page,
}) => {
  const f = await fixtures();
  await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, "pageSize=25"));
  const table = page.getByRole("table", { name: /Restore jobs of/ });
  await expect(table.getByRole("row")).toHaveCount(26);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("26–50 of");
  await expect(table).toBeVisible();
  // The pager names page 2 while page 1's rows are still shown (aria-busy): read ids only once they are page 2's.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

  const firstId = (await table.getByRole("row").nth(1).getByRole("button").first().textContent()) ?? "";
  await table.getByRole("button", { name: firstId, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`job=${firstId}`));
  const dialog = page.getByRole("dialog", { name: `Job ${firstId}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: /Raw Atlas JSON/ })).toBeVisible();
  await expect(dialog.getByRole("link", { name: "Open cluster backups in Atlas" })).toHaveAttribute(
    "href",
    new RegExp(`/v2/${f.showcase.groupId}#/clusters/detail/${f.showcase.bigRestoreCluster}/backup`),
  );

  // The same URL, opened directly, opens the same panel.
  await page.reload();
  await expect(page.getByRole("dialog", { name: `Job ${firstId}` })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/job=/);
});

test("an unknown job id in the link is a not-found page", async ({ page }) => {
  const f = await fixtures();
  // The status is already 200 when a streamed page calls notFound(); what the DBA sees is what matters.
  await page.goto(clusterUrl(f, f.showcase.bigRestoreCluster, "job=000000000000000000000000"));
  await expect(page.getByRole("heading", { name: "Cluster or job not found" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
});
