import { readFileSync } from "node:fs";
import { expect, test } from "../support/api-fixtures";
import { clusterUrl } from "./ui-helpers";

test("the cluster page downloads the whole filtered list, not just the page on screen", async ({ page, fx }) => {
  await page.goto(clusterUrl(fx, fx.showcase.bigRestoreCluster, "pageSize=25"));
  const completed = page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: /^completed \d+$/ });
  const count = Number((await completed.textContent())!.match(/\d+/)![0]);
  // More than one page of the largest size: the download has to read several pages of the API.
  expect(count).toBeGreaterThan(500);
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
