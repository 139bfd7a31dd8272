import { expect, test, type Locator, type Page } from "@playwright/test";
import { clusterUrl, fixtures, simControl } from "./ui-helpers";

const valueNow = async (bar: Locator) => Number(await bar.getAttribute("aria-valuenow"));

/** The id of an export that has not finished yet: a running one if any, else a queued one. */
async function pickLiveExport(page: Page): Promise<string> {
  const chips = page.getByRole("group", { name: "Filter by status" });
  await expect(chips).toBeVisible();
  for (const status of ["running", "queued"]) {
    const chip = chips.getByRole("button", { name: new RegExp(`^${status} [1-9]\\d*$`) });
    if ((await chip.count()) === 0) continue;
    await chip.click();
    const name = (await page.getByRole("progressbar").first().getAttribute("aria-label")) ?? "";
    await chips.getByRole("button", { name: /^All \d+$/ }).click();
    return name.match(/[a-f0-9]{24}/)?.[0] ?? "";
  }
  throw new Error("the simulator has no queued or running export left (its accelerated clock ran past them)");
}

test("a live export's bar advances with the clock and reaches its total", async ({ page }) => {
  const f = await fixtures();
  await page.goto(clusterUrl(f, f.showcase.exportCluster, "tab=export"));
  const jobId = await pickLiveExport(page);
  expect(jobId).toMatch(/^[a-f0-9]{24}$/);

  // Watched with no status filter, so it stays in view as it moves from queued to running to done.
  const bar = page.getByRole("progressbar", { name: `Export ${jobId} progress` });
  const start = await valueNow(bar);
  const total = Number(await bar.getAttribute("aria-valuemax"));
  expect(start).toBeLessThan(total);

  // Small clock steps until the bar is part-way: proof that it moves, not just that it ends full.
  await expect(async () => {
    await simControl("POST", "/__simulator/clock", { advanceSeconds: 600 });
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(page.getByRole("button", { name: "Refresh now" })).toBeEnabled();
    const now = await valueNow(bar);
    expect(now).toBeGreaterThan(start);
    expect(now).toBeLessThan(total);
  }).toPass({ timeout: 20_000 });
  await expect(bar).toHaveAttribute("aria-valuetext", new RegExp(`^\\d+ of ${total} collections \\(\\d+\\.\\d%\\)$`));

  await simControl("POST", "/__simulator/clock", { advanceSeconds: 12 * 3600 });
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh now" }).click();
    expect(await valueNow(bar)).toBe(total);
  }).toPass({ timeout: 15_000 });
  await expect(bar).toHaveAttribute("aria-valuetext", `${total} of ${total} collections (100.0%)`);
});
