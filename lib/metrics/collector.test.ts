import "server-only";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createAtlasClient } from "@/lib/atlas/client";
import { createServiceDeps } from "@/lib/atlas/service-deps";
import { jobListResource } from "@/lib/backups/resources";
import { requestCount } from "@/lib/simulator/testing/simulator-client";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createBudget, type Budget } from "@/lib/store/budget";
import { createMemoryStore } from "@/lib/store/memory-store";
import { createReadModel } from "@/lib/store/read-model";
import { createCollectorMetrics } from "./collector";

// The collector's health series wired as the composition root wires them, against a real simulator:
// what they count must be what the simulator saw.
const upstream = simulatorPerFile({ rateLimit: { tokenCapacity: 1_000 } });
const freshness = { busyMs: 10_000, idleMs: 60_000, catalogMs: 300_000 };
const randomHex = (n: number) => [...Array(n)].map(() => Math.floor(Math.random() * 16).toString(16)).join("");

function collector(budget: Budget = createBudget({ capacity: 1200, refillPerMinute: 500, share: 0.5 })) {
  const registry = new Registry();
  const metrics = createCollectorMetrics(registry);
  metrics.attach({ budget, degraded: () => false });
  const c = upstream.sim.credentials;
  const client = createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId: c.clientId, clientSecret: c.clientSecret },
    timeoutMs: 5_000,
    maxRetries: 1,
    retryMinDelayMs: 10,
    onCall: metrics.onAtlasCall,
  });
  const atlas = createServiceDeps(client, { projectAllowlist: [] });
  const readModel = createReadModel({
    store: createMemoryStore(),
    budget,
    owner: "test",
    log: { warn: () => undefined },
    leaseMs: 30_000,
    waitMs: 5_000,
    failureRetryMs: 5_000,
    maxStaleMs: 30_000,
    retentionSeconds: 3600,
    onRefresh: metrics.onRefresh,
  });
  /** One series' value: the sample of `name` whose labels include `labels`, summed over the rest. */
  const value = async (name: string, labels: Record<string, string> = {}) => {
    const all = await registry.getMetricsAsJSON();
    const samples = all.flatMap((m) =>
      (m.values as Array<{ metricName?: string; labels: object; value: number }>).map((v) => ({
        ...v,
        metricName: v.metricName ?? m.name,
      })),
    );
    return samples
      .filter(
        (s) =>
          s.metricName === name &&
          Object.entries(labels).every(([k, v]) => (s.labels as Record<string, unknown>)[k] === v),
      )
      .reduce((sum, s) => sum + s.value, 0);
  };
  return { registry, readModel, value, deps: { atlas, freshness }, budget };
}

describe("collector metrics", () => {
  it("counts every exchange with Atlas by operation and status, as the simulator counted them", async () => {
    const m = collector();
    const g = upstream.fx.showcase.groupId;
    const cluster = `m500-${randomHex(6)}`;
    await upstream.ctl.addFault({
      path: `^/api/atlas/v2/groups/${g}/clusters/${cluster}/.*`,
      status: 500,
      errorCode: "UNEXPECTED_ERROR",
    });
    await m.readModel.read(jobListResource(m.deps, "restore", g, upstream.fx.showcase.bigRestoreCluster));
    await m.readModel.read(jobListResource(m.deps, "export", g, cluster)).catch(() => undefined);

    const counters = await upstream.ctl.counters();
    const restorePages = requestCount(counters, /restoreJobs$/, 200);
    expect(restorePages).toBeGreaterThan(1); // 1,200 jobs: several pages
    expect(
      await m.value("backwatch_atlas_requests_total", {
        operation: "listGroupClusterBackupRestoreJobs",
        status: "200",
      }),
    ).toBe(restorePages);
    // ATLAS_MAX_RETRIES 1: the first try and one retry, both answered 500.
    expect(requestCount(counters, cluster, 500)).toBe(2);
    expect(
      await m.value("backwatch_atlas_requests_total", { operation: "listGroupClusterBackupExports", status: "500" }),
    ).toBe(2);
    // The token endpoint is not an operation: only Atlas API calls are counted.
    expect(await m.value("backwatch_atlas_requests_total")).toBe(requestCount(counters, /^GET \/api\/atlas\/v2\//));
  });

  it("counts 429s per project, and times refreshes by resource and outcome", async () => {
    const m = collector();
    const g = randomHex(24);
    await upstream.ctl.addFault({
      path: `^/api/atlas/v2/groups/${g}/.*`,
      status: 429,
      errorCode: "RATE_LIMITED",
      retryAfterSeconds: 30,
    });
    await expect(m.readModel.read(jobListResource(m.deps, "export", g, "c1"))).rejects.toMatchObject({ status: 429 });
    await m.readModel.read(
      jobListResource(m.deps, "export", upstream.fx.showcase.groupId, upstream.fx.showcase.exportCluster),
    );

    expect(requestCount(await upstream.ctl.counters(), g, 429)).toBe(1);
    expect(await m.value("backwatch_atlas_rate_limited_total", { project: g })).toBe(1);
    expect(await m.value("backwatch_atlas_rate_limited_total", { project: upstream.fx.showcase.groupId })).toBe(0);
    expect(
      await m.value("backwatch_refresh_duration_seconds_count", { resource: "jobs", outcome: "rate_limited" }),
    ).toBe(1);
    expect(await m.value("backwatch_refresh_duration_seconds_count", { resource: "jobs", outcome: "ok" })).toBe(1);
    expect(
      await m.value("backwatch_refresh_duration_seconds_sum", { resource: "jobs", outcome: "ok" }),
    ).toBeGreaterThan(0);
  });

  it("reports each project's budget as the budget itself has it, and a refused refresh as outcome budget", async () => {
    // A share of 2 calls a minute: the big list's first refresh takes it all.
    const m = collector(createBudget({ capacity: 2, refillPerMinute: 2, share: 1 }));
    const { groupId: g, bigRestoreCluster, exportCluster } = upstream.fx.showcase;
    await m.readModel.read(jobListResource(m.deps, "restore", g, bigRestoreCluster));
    await expect(m.readModel.read(jobListResource(m.deps, "export", g, exportCluster))).rejects.toMatchObject({
      errorCode: "BACKWATCH_BUDGET",
    });

    expect(await m.value("backwatch_budget_limit")).toBe(2);
    expect(await m.value("backwatch_budget_remaining", { project: g })).toBe(await m.budget.remaining(g));
    expect(await m.budget.remaining(g)).toBe(0);
    expect(await m.value("backwatch_refresh_duration_seconds_count", { resource: "jobs", outcome: "budget" })).toBe(1);
    expect(await m.registry.metrics()).toContain(`backwatch_budget_remaining{project="${g}"} 0`);
  });
});
