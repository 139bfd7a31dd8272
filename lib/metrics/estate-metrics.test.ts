import "server-only";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import { fakeJob } from "@/lib/testing/job-fixture";
import { createEstateMetrics, MAX_JOB_SERIES, type EstateListFacts } from "./estate-metrics";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const G = "5f1e2d3c4b5a697887766555";

function exportJob(id: string, exported: number, total: number, startedMinutesAgo: number): Job {
  return {
    ...fakeJob(id, "running", ago(startedMinutesAgo)),
    kind: "export",
    progress: { exported, total, percent: total ? (100 * exported) / total : null },
    stateReason: null,
    exportBucketId: null,
    prefix: null,
    customData: [],
  } as Job;
}

function list(over: Partial<EstateListFacts>): EstateListFacts {
  return {
    projectId: G,
    projectName: "Payments",
    cluster: "payments-prod",
    kind: "flex-restore",
    state: "fresh",
    fetchedAt: NOW - 5_000,
    jobs: [],
    stuck: new Map(),
    ...over,
  };
}

async function samples(registry: Registry, name: string) {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values.map((v) => ({ labels: v.labels, value: v.value }));
}

describe("estate metrics", () => {
  it("counts jobs per cluster, kind and status: all still going, terminal ones of the last 24 h", async () => {
    const registry = new Registry();
    createEstateMetrics(registry).update({
      now: NOW,
      lists: [
        list({
          jobs: [
            fakeJob("1", "running", ago(10)),
            fakeJob("2", "queued", null),
            fakeJob("3", "failed", ago(120), ago(60)),
            fakeJob("4", "failed", ago(3000), ago(2000)), // ended 33 h ago: outside the window
            fakeJob("5", "completed", ago(30), ago(20)),
          ],
        }),
      ],
    });
    const at = { project: G, project_name: "Payments", cluster: "payments-prod", kind: "flex-restore" };
    expect(await samples(registry, "backwatch_jobs")).toEqual(
      expect.arrayContaining([
        { labels: { ...at, status: "running" }, value: 1 },
        { labels: { ...at, status: "queued" }, value: 1 },
        { labels: { ...at, status: "failed" }, value: 1 },
        { labels: { ...at, status: "completed" }, value: 1 },
      ]),
    );
    expect(await samples(registry, "backwatch_jobs")).toHaveLength(4);
    // The newest failure, even when older ones are in the list too.
    expect(await samples(registry, "backwatch_job_last_failure_timestamp_seconds")).toEqual([
      { labels: at, value: (NOW - 60 * 60_000) / 1000 },
    ]);
    // Only the running job has a start: the queued one has no elapsed time yet.
    expect(await samples(registry, "backwatch_job_running_seconds")).toEqual([
      { labels: { ...at, job_id: "1".padStart(24, "0") }, value: 600 },
    ]);
  });

  it("reports export progress, stuck flags with their reason, data age and coverage", async () => {
    const registry = new Registry();
    const stuckId = "7".padStart(24, "0");
    createEstateMetrics(registry).update({
      now: NOW,
      lists: [
        list({
          kind: "export",
          cluster: "payments-analytics",
          jobs: [exportJob("7", 3, 12, 90), exportJob("8", 0, 0, 5)],
          stuck: new Map([[stuckId, "no-progress"]]),
          fetchedAt: NOW - 20_000,
        }),
        list({ kind: "restore", cluster: "payments-analytics", state: "stale", fetchedAt: NOW - 600_000 }),
        list({ kind: "restore", cluster: "payments-prod", state: "unread", fetchedAt: null }),
        list({ projectId: "6".repeat(24), projectName: "Ledger", cluster: "ledger-1", kind: "restore" }),
      ],
    });
    const where = { project: G, project_name: "Payments", cluster: "payments-analytics" };
    // A total of 0 says nothing of progress: no ratio rather than a made-up one.
    expect(await samples(registry, "backwatch_export_progress_ratio")).toEqual([
      { labels: { ...where, job_id: stuckId }, value: 0.25 },
    ]);
    expect(await samples(registry, "backwatch_job_stuck")).toEqual([
      { labels: { ...where, kind: "export", job_id: stuckId, reason: "no-progress" }, value: 1 },
    ]);
    expect(await samples(registry, "backwatch_data_age_seconds")).toEqual(
      expect.arrayContaining([
        { labels: { project: G, project_name: "Payments" }, value: 600 },
        { labels: { project: "6".repeat(24), project_name: "Ledger" }, value: 5 },
      ]),
    );
    expect(await samples(registry, "backwatch_coverage_lists")).toEqual(
      expect.arrayContaining([
        { labels: { state: "fresh" }, value: 2 },
        { labels: { state: "stale" }, value: 1 },
        { labels: { state: "unread" }, value: 1 },
        { labels: { state: "retired" }, value: 0 },
      ]),
    );
    // payments-analytics has a stale list, payments-prod an unread one, ledger-1 is fresh.
    expect(await samples(registry, "backwatch_coverage_clusters")).toEqual(
      expect.arrayContaining([
        { labels: { state: "fresh" }, value: 1 },
        { labels: { state: "stale" }, value: 1 },
        { labels: { state: "unread" }, value: 1 },
      ]),
    );
  });

  it("starts every scrape afresh: a job that finished loses its series", async () => {
    const registry = new Registry();
    const metrics = createEstateMetrics(registry);
    metrics.update({ now: NOW, lists: [list({ jobs: [fakeJob("1", "running", ago(10))] })] });
    metrics.update({ now: NOW, lists: [list({ jobs: [fakeJob("1", "completed", ago(10), ago(1))] })] });
    expect(await samples(registry, "backwatch_job_running_seconds")).toEqual([]);
    expect((await samples(registry, "backwatch_jobs")).map((s) => s.labels.status)).toEqual(["completed"]);
  });

  it("keeps at most MAX_JOB_SERIES per-job series, the longest-running first, and says so", async () => {
    const registry = new Registry();
    const many = Array.from({ length: MAX_JOB_SERIES + 5 }, (_, i) => fakeJob(String(i + 1), "running", ago(i + 1)));
    createEstateMetrics(registry).update({ now: NOW, lists: [list({ jobs: many })] });
    const running = await samples(registry, "backwatch_job_running_seconds");
    expect(running).toHaveLength(MAX_JOB_SERIES);
    expect(Math.min(...running.map((s) => s.value))).toBe(6 * 60);
    expect(await samples(registry, "backwatch_series_truncated")).toEqual(
      expect.arrayContaining([
        { labels: { family: "running" }, value: 1 },
        { labels: { family: "stuck" }, value: 0 },
      ]),
    );
  });
});
