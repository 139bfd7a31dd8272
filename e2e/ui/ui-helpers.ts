import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";
import { runEnv } from "../support/run-env";
import { Simulator, type Fixtures } from "../support/simulator-control";

export const env = runEnv();
export const sim = new Simulator(env);

let cached: Fixtures | undefined;
export async function fixtures(): Promise<Fixtures> {
  cached ??= await sim.fixtures();
  return cached;
}

export function clusterUrl(f: Fixtures, cluster: string, query = ""): string {
  return `/projects/${f.showcase.groupId}/clusters/${cluster}${query ? `?${query}` : ""}`;
}

export const SCREENSHOT_DIR = path.resolve(__dirname, "..", "..", "test-results", "screenshots");

const nextFrames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/**
 * Attaches a full-page screenshot to the report and keeps a copy under test-results/screenshots/.
 * Table rows off screen are not painted (`content-visibility: auto`), and a full-page capture does
 * not bring them on screen, so the viewport first grows to the whole page, as on a very tall
 * screen, until the page stops growing (a row shown takes its real height).
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  if (viewport) {
    for (let i = 0, height = viewport.height; i < 6; i++) {
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      if (pageHeight <= height) break;
      height = pageHeight;
      await page.setViewportSize({ width: viewport.width, height });
      await nextFrames(page);
    }
  }
  const body = await page.screenshot({ path: file, fullPage: true });
  if (viewport) await page.setViewportSize(viewport);
  await testInfo.attach(name, { body, contentType: "image/png" });
}

export async function expectNoAxeViolations(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(" | ")}`,
  );
  expect(summary, `axe violations on ${name}`).toEqual([]);
}
