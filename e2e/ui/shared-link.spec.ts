import { expect, test } from "@playwright/test";
import { clusterUrl, env, fixtures } from "./ui-helpers";

// A fresh browser: no session cookie, as when a colleague opens a link pasted into the incident channel.
test.use({ storageState: { cookies: [], origins: [] } });

test("a shared link survives sign-in and lands on the same filtered view", async ({ page }) => {
  const f = await fixtures();
  const link = clusterUrl(f, f.showcase.bigRestoreCluster, "tab=restore&status=failed&sort=finishedAt");
  await page.goto(link);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Username").fill(env.users.operator.name);
  await page.getByLabel("Password").fill(env.users.operator.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await page.waitForURL((url) => url.pathname === new URL(link, env.appUrl).pathname);
  const url = new URL(page.url());
  expect(url.searchParams.get("status")).toBe("failed");
  expect(url.searchParams.get("sort")).toBe("finishedAt");
  await expect(page.getByRole("heading", { level: 1, name: f.showcase.bigRestoreCluster })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Restore jobs" })).toHaveAttribute("aria-selected", "true");
  await expect(
    page.getByRole("group", { name: "Filter by status" }).getByRole("button", { name: /^failed \d+$/ }),
  ).toHaveAttribute("aria-pressed", "true");
});
