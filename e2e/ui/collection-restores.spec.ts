import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { JobListSchema } from "../../lib/jobs/dto";
import { atlasListPath } from "../support/routes";
import { clusterUrl, expectNoAxeViolations, fixtures, sim } from "./ui-helpers";

// Committed beside the spec for the closing note (test-results is not kept).
const SHOTS = path.resolve(__dirname, "..", "screenshots", "collection-restores");
const NOT_RESTORED = ["NOT_FOUND", "UNSUPPORTED", "ROLLBACK", "NOT_RESTORED", "FAILED"];

/** The showcase's SUCCESSFUL collection restore whose collections Atlas lists as not all restored. */
async function partialJob(page: Page) {
  const f = await fixtures();
  const g = f.showcase.groupId;
  const cluster = f.showcase.bigRestoreCluster;
  const res = await page.request.get(
    `/api/projects/${g}/clusters/${cluster}/collection-restores?status=completed&pageSize=500`,
  );
  const list = JobListSchema.parse(await res.json());
  for (const job of list.items) {
    const collections = await sim.atlasAll(`${atlasListPath("collection-restore", g, cluster)}/${job.id}/collections`);
    const states = collections.map((c) => String(c.state));
    if (states.some((s) => NOT_RESTORED.includes(s))) return { f, cluster, id: job.id, states };
  }
  throw new Error("the showcase has no successful collection restore with collections left behind");
}

test.describe("collection restores", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("a successful job that left collections unrestored is flagged, with its per-collection table", async ({
    page,
  }) => {
    const { f, cluster, id, states } = await partialJob(page);
    await page.goto(clusterUrl(f, cluster, `tab=collection-restore&job=${id}`));
    const dialog = page.getByRole("dialog");
    // The warning counts what Atlas's own collections list holds, state by state.
    const count = (s: string) => states.filter((x) => x === s).length;
    const notRestored = states.filter((s) => NOT_RESTORED.includes(s)).length;
    const byState = NOT_RESTORED.filter((s) => count(s) > 0)
      .map((s) => `${count(s)} ${s}`)
      .join(", ");
    await expect(dialog.getByRole("alert")).toContainText(
      `Atlas reports this restore successful, but ${notRestored} of ${states.length} collections were not restored: ${byState}`,
    );
    const table = dialog.getByRole("table", { name: `Collections of restore ${id}` });
    await expect(table.getByRole("row")).toHaveCount(1 + states.length);
    // A renamed target and a failed index build are both shown.
    await expect(table.getByRole("row", { name: /INDEX_BUILD_FAILED/ })).toContainText("Failed: invoiceNo_1");
    await expect(table.getByRole("row", { name: /NOT_FOUND/ }).first()).toBeVisible();

    // The state filter is Atlas's, kept in the URL, so the filtered view is a link.
    await dialog.getByLabel("Collection state").selectOption("NOT_FOUND");
    await expect(page).toHaveURL(/collState=NOT_FOUND/);
    await expect(table.getByRole("row")).toHaveCount(1 + count("NOT_FOUND"));
    for (const row of await table
      .getByRole("row")
      .all()
      .then((r) => r.slice(1)))
      await expect(row.getByRole("cell").first()).toHaveText("NOT_FOUND");
    await page.reload();
    await expect(page.getByRole("dialog").getByLabel("Collection state")).toHaveValue("NOT_FOUND");
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`tab and detail, ${scheme}: no axe violations, screenshots`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      const { f, cluster, id } = await partialJob(page);
      mkdirSync(SHOTS, { recursive: true });
      await page.goto(clusterUrl(f, cluster, "tab=collection-restore"));
      const table = page.getByRole("table", { name: /Collection restores of/ });
      await expect(table).toBeVisible();
      await expect(page.getByText(/Updated \d+/)).toBeVisible();
      // Every state the showcase promises is on the tab, each with its document progress bar.
      for (const state of ["INITIALIZING", "IN_PROGRESS", "FINALIZING", "SUCCESSFUL", "FAILED", "CANCELED"])
        await expect(table.getByRole("row", { name: new RegExp(state) }).first()).toBeVisible();
      await expect(table.getByRole("progressbar").first()).toBeVisible();
      await expect(table).toContainText("ran out of disk space");
      await expectNoAxeViolations(page, testInfo, `collection-restores-${scheme}`);
      await page.screenshot({ path: path.join(SHOTS, `collection-restores-1440-${scheme}.png`), fullPage: true });

      await table.getByRole("button", { name: id, exact: true }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByRole("table", { name: `Collections of restore ${id}` })).toBeVisible();
      await expect(dialog.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `collection-restore-detail-${scheme}`);
      await page.screenshot({ path: path.join(SHOTS, `collection-restore-detail-1440-${scheme}.png`) });
    });

    // At phone width the panel fills the screen and the tables scroll in their own regions.
    test(`tab and detail at phone width, ${scheme}: no axe violations`, async ({ page }, testInfo) => {
      // Two axe scans of long tables: on a busy 2-core machine that outlasts the default 30 s.
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 390, height: 844 });
      const { f, cluster, id } = await partialJob(page);
      await page.goto(clusterUrl(f, cluster, "tab=collection-restore"));
      const table = page.getByRole("table", { name: /Collection restores of/ });
      await expect(table).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `collection-restores-phone-${scheme}`);
      await table.getByRole("button", { name: id, exact: true }).click();
      await expect(page.getByRole("dialog").getByRole("table", { name: `Collections of restore ${id}` })).toBeVisible();
      await expectNoAxeViolations(page, testInfo, `collection-restore-detail-phone-${scheme}`);
    });
  }
});
