import { readFileSync } from "node:fs";
import { expect, test } from "../support/api-fixtures";
import { clusterUrl } from "./ui-helpers";

test("the cluster page downloads the whole list, not just the page on screen", async ({ page, fx }) => {
  await page.goto(clusterUrl(fx, fx.showcase.bigRestoreCluster, "pageSize=25"));
  // 1,200 jobs: more than two pages of the API's largest size, so the download reads several.
  const count = fx.showcase.restoreJobCount;
  expect(count).toBeGreaterThan(1000);
  await expect(page.getByRole("table", { name: /Restore jobs of/ }).getByRole("row")).toHaveCount(26);

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Download CSV of ${count} jobs` }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`${fx.showcase.bigRestoreCluster}-restore.csv`);
  const lines = readFileSync(await csv.path(), "utf8")
    .trim()
    .split("\r\n");
  expect(lines).toHaveLength(count + 1);
  expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(count);

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: `Download JSON of ${count} jobs` }).click(),
  ]);
  const jobs = JSON.parse(readFileSync(await json.path(), "utf8")) as Array<{ id: string }>;
  expect(jobs).toHaveLength(count);
  expect(JSON.stringify(jobs)).not.toMatch(/https?:\/\//);
});
