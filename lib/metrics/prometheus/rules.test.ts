import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createCollectorMetrics } from "../collector";
import { createEstateMetrics } from "../estate-metrics";

// The example rules, checked by Prometheus's own tool: syntax and PromQL, then their unit test.
const run = promisify(execFile);
const PROMTOOL = process.env.PROMTOOL ?? "/usr/bin/promtool";
const DIR = __dirname;
const RULES = join(DIR, "backwatch-rules.yml");
const UNIT = join(DIR, "backwatch-rules.test.yml");

const promtool = (...args: string[]) =>
  run(PROMTOOL, args).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout?: string; stderr?: string }) => ({
      ok: false,
      output: `${error.stdout ?? ""}${error.stderr ?? ""}`,
    }),
  );

describe("example alerting rules", () => {
  it("has promtool (bash scripts/ensure-prometheus.sh installs it)", () => {
    expect(existsSync(PROMTOOL), `${PROMTOOL} missing: run bash scripts/ensure-prometheus.sh`).toBe(true);
  });

  it("pass promtool check rules", async () => {
    const result = await promtool("check", "rules", RULES);
    expect(result.output).toMatch(/SUCCESS: 5 rules found/);
    expect(result.ok).toBe(true);
  });

  it("pass their unit test (promtool test rules)", async () => {
    const result = await promtool("test", "rules", UNIT);
    expect(result.output).toContain("SUCCESS");
    expect(result.ok).toBe(true);
  });

  it("fail the unit test when a rule changes (the test can fail)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "backwatch-rules-"));
    try {
      const rules = await readFile(RULES, "utf8");
      const loosened = rules.replace("< 3600", "< 60");
      expect(loosened).not.toBe(rules);
      await writeFile(join(dir, "backwatch-rules.yml"), loosened);
      await copyFile(UNIT, join(dir, "backwatch-rules.test.yml"));
      const result = await promtool("test", "rules", join(dir, "backwatch-rules.test.yml"));
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/FAILED[\s\S]*BackwatchRestoreFailed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("use only series Backwatch exports", async () => {
    const registry = new Registry();
    createCollectorMetrics(registry);
    createEstateMetrics(registry);
    const exported = new Set(registry.getMetricsAsArray().map((m) => m.name));
    const used = new Set(
      [...(await readFile(RULES, "utf8")).matchAll(/\bbackwatch_[a-z_]+/g)].map((m) =>
        m[0].replace(/_(bucket|count|sum)$/, ""),
      ),
    );
    expect(used.size).toBeGreaterThan(4);
    for (const name of used) expect(exported, name).toContain(name);
  });
});
