import { expect, test, type Page } from "@playwright/test";
import { clusterUrl, expectNoAxeViolations, fixtures, screenshot } from "./ui-helpers";
import type { Fixtures } from "../support/simulator-control";

interface View {
  name: string;
  url: (f: Fixtures) => string;
  ready: (page: Page) => Promise<void>;
}

const tableReady = (name: RegExp) => async (page: Page) => {
  await expect(page.getByRole("table", { name })).toBeVisible();
  await expect(page.getByText(/Updated \d+/)).toBeVisible();
};

const VIEWS: View[] = [
  {
    name: "projects",
    url: () => "/projects",
    ready: async (page) => void (await expect(page.getByRole("link", { name: /Payments/ })).toBeVisible()),
  },
  {
    name: "clusters",
    url: (f) => `/projects/${f.showcase.groupId}`,
    ready: async (page) =>
      void (await expect(page.getByRole("list", { name: "Clusters" }).getByRole("link").first()).toBeVisible()),
  },
  {
    name: "restore-jobs",
    url: (f) => clusterUrl(f, f.showcase.bigRestoreCluster, "pageSize=25"),
    ready: tableReady(/Restore jobs of/),
  },
  {
    name: "exports",
    url: (f) => clusterUrl(f, f.showcase.exportCluster, "tab=export"),
    ready: tableReady(/Snapshot exports of/),
  },
  {
    name: "tenant-restores",
    url: (f) => clusterUrl(f, f.showcase.sharedM5MigratedCluster, "tab=tenant-restore"),
    ready: tableReady(/Tenant restores of/),
  },
  {
    name: "flex-restores",
    url: (f) => clusterUrl(f, f.showcase.flexCluster),
    ready: tableReady(/Flex restore jobs of/),
  },
  {
    name: "job-detail",
    url: (f) => clusterUrl(f, f.showcase.bigRestoreCluster, "pageSize=25&status=failed"),
    ready: async (page) => {
      const table = page.getByRole("table", { name: /Restore jobs of/ });
      await table.getByRole("row").nth(1).getByRole("button").first().click();
      await expect(page.getByRole("dialog").getByRole("heading", { name: /Raw Atlas JSON/ })).toBeVisible();
    },
  },
  {
    name: "not-found",
    url: (f) => clusterUrl(f, "no-such-cluster"),
    ready: async (page) => void (await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible()),
  },
];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const view of VIEWS) {
      test(`${view.name}: no axe violations, no console errors, screenshot`, async ({ page }, testInfo) => {
        // A 50-row job table (each row with its Watch toggle) and the cluster timeline (hundreds of SVG
        // elements) take axe and a full-page capture past the default 30 s on a busy two-core machine.
        test.setTimeout(60_000);
        // Anything the browser reports as an error (a failed resource such as a missing icon, a CSP
        // refusal, an uncaught exception) is a defect a user would see in the console.
        const errors: string[] = [];
        page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
        page.on("pageerror", (error) => void errors.push(error.message));
        const f = await fixtures();
        await page.goto(view.url(f));
        await view.ready(page);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        // Dark mode follows the system: the body's background says which scheme rendered.
        expect(background === "rgb(255, 255, 255)").toBe(scheme === "light");
        await expectNoAxeViolations(page, testInfo, `${view.name}-${scheme}`);
        await screenshot(page, testInfo, `${view.name}-${scheme}`);
        expect(errors, "console errors").toEqual([]);
      });
    }
  });
}

test("the theme toggle overrides the system and survives a reload", async ({ page }, testInfo) => {
  // Two page loads and an axe scan: on a busy 2-core machine that outlasts the default 30 s.
  test.setTimeout(60_000);
  const f = await fixtures();
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(clusterUrl(f, f.showcase.exportCluster, "tab=export"));
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  // Server-rendered from the cookie: dark before any script runs.
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("table", { name: /Snapshot exports of/ })).toBeVisible();
  await expectNoAxeViolations(page, testInfo, "exports-toggled-dark");
  await page.getByLabel("Theme").selectOption("system");
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});
