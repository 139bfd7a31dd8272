import { expect, test } from "../../support/api-fixtures";
import { exactAtlasPath } from "../../support/simulator-control";

// Its fault makes a whole project unreadable for everyone, so it runs in the exclusive project, and
// removes that fault by id rather than clearing the simulator's faults.
test("a project that answers 403 is listed in Now's coverage with Atlas's errorCode, then recovers", async ({
  page,
  sim,
  fx,
}) => {
  test.setTimeout(120_000);
  const project = fx.projects.find((p) => p.id !== fx.showcase.groupId) ?? fx.projects[0]!;
  await page.goto("/");
  const coverage = page.getByRole("region", { name: "Coverage" });
  await expect(coverage).toContainText(/\d+ clusters? in \d+ projects?/);

  const fault = await sim.addFault({
    method: "GET",
    path: exactAtlasPath(`/groups/${project.id}/clusters`),
    status: 403,
    errorCode: "IP_ADDRESS_NOT_ON_ACCESS_LIST",
  });
  const failing = coverage.getByRole("list", { name: /Reads failing/ });
  try {
    // Now polls every 15 s; the store meets the fault at the project's next catalog refresh (10 s here).
    await expect(async () => {
      await page.getByRole("button", { name: "Refresh now" }).click();
      await expect(failing).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 50_000 });
    const item = failing.getByRole("listitem").filter({ hasText: project.name });
    await expect(item).toContainText("HTTP 403");
    await expect(item).toContainText("IP_ADDRESS_NOT_ON_ACCESS_LIST");
    await expect(coverage.getByRole("heading", { name: /1 project Backwatch cannot read/ })).toBeVisible();
  } finally {
    await sim.removeFault(fault);
  }
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(failing).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 50_000 });
});
