import { expect, test } from "@playwright/test";
import { exactAtlasPath } from "../support/simulator-control";
import { clusterUrl, fixtures, sim } from "./ui-helpers";

// This spec owns faults on flex-dev's restore jobs; no other UI spec reads that list.
test("a failed refresh keeps the last data, marks it stale with Atlas's errorCode, and recovers on retry", async ({ page }) => {
  const f = await fixtures();
  const cluster = f.showcase.flexCluster;
  await page.goto(clusterUrl(f, cluster, "tab=flex-restore"));
  const table = page.getByRole("table", { name: /Flex restore jobs of/ });
  await expect(table).toBeVisible();
  const rowsBefore = await table.getByRole("row").count();

  await sim.addFault({
    method: "GET",
    path: exactAtlasPath(`/groups/${f.showcase.groupId}/flexClusters/${cluster}/backup/restoreJobs`),
    status: 503,
    errorCode: "SERVICE_UNAVAILABLE",
  });
  try {
    await page.getByRole("button", { name: "Refresh now" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Refresh failed" });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText("SERVICE_UNAVAILABLE");
    await expect(page.getByText("(stale)")).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(rowsBefore);
  } finally {
    await sim.clearFaults();
  }
  const alert = page.getByRole("alert").filter({ hasText: "Refresh failed" });
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(alert).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText("(stale)")).toHaveCount(0);
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible();
});
