import { expect, test } from "@playwright/test";
import { clusterUrl, fixtures } from "./ui-helpers";

test("tenant restores carry the deprecation notice, naming the successor and the sunset", async ({ page }) => {
  const f = await fixtures();
  await page.goto(clusterUrl(f, f.showcase.sharedM2Cluster));
  await expect(page.getByRole("tab", { name: "Tenant restores" })).toHaveAttribute("aria-selected", "true");
  const notice = page.getByRole("region", { name: "Deprecation notice" });
  await expect(notice).toContainText("Flex restore jobs");
  await expect(notice).toContainText("22 January 2026");
  await expect(page.getByRole("table", { name: /Tenant restores of/ })).toBeVisible();
});

test("a migrated M5 links from its tenant restores to its Flex restore jobs", async ({ page }) => {
  const f = await fixtures();
  await page.goto(clusterUrl(f, f.showcase.sharedM5MigratedCluster, "tab=tenant-restore"));
  const notice = page.getByRole("region", { name: "Deprecation notice" });
  await notice.getByRole("link", { name: "View Flex restore jobs of this cluster" }).click();
  await expect(page.getByRole("tab", { name: "Flex restore jobs" })).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/tab=flex-restore/);
  await expect(page.getByRole("table", { name: /Flex restore jobs of/ })).toBeVisible();
});
