import { expect, test } from "../../support/api-fixtures";
import { exactAtlasPath } from "../../support/simulator-control";
import { clusterUrl, fixtures, sim } from "../ui-helpers";

// Its fault fails a showcase list every spec reads, so it runs in the exclusive project, and removes
// that fault by id rather than clearing the simulator's faults.
test("a failed refresh keeps the last data, marks it stale with Atlas's errorCode, and recovers on retry", async ({
  page,
}) => {
  const f = await fixtures();
  const cluster = f.showcase.flexCluster;
  await page.goto(clusterUrl(f, cluster, "tab=flex-restore"));
  const table = page.getByRole("table", { name: /Flex restore jobs of/ });
  await expect(table).toBeVisible();
  const rowsBefore = await table.getByRole("row").count();

  const fault = await sim.addFault({
    method: "GET",
    path: exactAtlasPath(`/groups/${f.showcase.groupId}/flexClusters/${cluster}/backup/restoreJobs`),
    status: 503,
    errorCode: "SERVICE_UNAVAILABLE",
  });
  try {
    // The page reads Backwatch's store, which meets the fault at its next refresh (2 s here).
    const alert = page.getByRole("alert").filter({ hasText: "Refresh failed" });
    await expect(async () => {
      await page.getByRole("button", { name: "Refresh now" }).click();
      await expect(alert).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(alert).toContainText("SERVICE_UNAVAILABLE");
    // Served from the store the server-rendered page filled (a 200 marked stale), not a failed request:
    // pages and API routes share one store per process.
    await expect(alert).toContainText(/Atlas has not answered since \d\d:\d\d:\d\d UTC/);
    await expect(page.getByText("(stale)")).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(rowsBefore);
  } finally {
    await sim.removeFault(fault);
  }
  const alert = page.getByRole("alert").filter({ hasText: "Refresh failed" });
  await expect(async () => {
    if (await alert.count()) await alert.getByRole("button", { name: "Retry" }).click();
    await expect(alert).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("(stale)")).toHaveCount(0);
  await expect(page.getByText(/Updated \d+ s ago/)).toBeVisible();
});
