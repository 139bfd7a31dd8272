import type { APIRequestContext } from "@playwright/test";
import { ClusterListSchema, ErrorEnvelopeSchema, ProjectListSchema, type JobStatus } from "../../lib/jobs/dto";
import { NowResponseSchema } from "../../lib/now/dto";
import { startPrometheus, type PrometheusServer, type Sample } from "../../lib/metrics/testing/prometheus-server";
import { expect, test } from "../support/api-fixtures";
import { expectedStatus } from "../support/expected-status";
import { clusterFaultPath, requestCount, type Simulator } from "../support/simulator-control";
import { atlasListPath, randomId, randomName, type JobRouteKind } from "../support/routes";

interface RawJob {
  key: string;
  id: string;
  kind: JobRouteKind;
  cluster: string;
  status: JobStatus;
  /** When it ended, or started if it has not. */
  end: number;
  /** Exports: collections exported of the total, as Atlas has them. */
  progress?: { exported: number; total: number };
}

const dateOf = (v: unknown) => (typeof v === "string" ? Date.parse(v) : NaN);
function rawEnd(raw: Record<string, unknown>): number {
  const end = dateOf(raw.finishedAt ?? raw.restoreFinishedDate);
  if (Number.isFinite(end)) return end;
  const start = dateOf(raw.createdAt ?? raw.restoreScheduledDate);
  return Number.isFinite(start) ? start : parseInt(String(raw.id).slice(0, 8), 16) * 1000;
}

/** Every job of every cluster, straight from the simulator, and how many cluster-and-kind lists there are. */
async function rawEstate(sim: Simulator, operator: APIRequestContext): Promise<{ jobs: RawJob[]; lists: number }> {
  const projects = ProjectListSchema.parse(await (await operator.get("/api/projects")).json()).items;
  const jobs: RawJob[] = [];
  let lists = 0;
  for (const p of projects) {
    const clusters = ClusterListSchema.parse(await (await operator.get(`/api/projects/${p.id}/clusters`)).json());
    for (const c of clusters.items)
      for (const kind of c.jobKinds) {
        lists += 1;
        for (const raw of await sim.atlasAll(atlasListPath(kind, p.id, c.name))) {
          const status = (raw.exportStatus ?? {}) as { exportedCollections?: number; totalCollections?: number };
          jobs.push({
            key: `${c.name}/${kind}/${String(raw.id)}`,
            id: String(raw.id),
            kind,
            cluster: c.name,
            status: expectedStatus(kind, raw).status,
            end: rawEnd(raw),
            ...(kind === "export" &&
              status.totalCollections && {
                progress: { exported: status.exportedCollections ?? 0, total: status.totalCollections },
              }),
          });
        }
      }
  }
  return { jobs, lists };
}

const seriesKey = (s: Sample) => `${s.labels.cluster}/${s.labels.kind}/${s.labels.job_id}`;

// GET /api/metrics scraped by a real Prometheus (Debian's, bash scripts/ensure-prometheus.sh), then asked
// through its HTTP API; what it holds is compared with what the simulator itself counted or holds.
test.describe("GET /api/metrics", () => {
  test("needs the bearer token, not a session: 401 in the envelope with a challenge", async ({
    anon,
    operator,
    env,
  }) => {
    for (const [ctx, authorization] of [
      [anon, undefined],
      // The token with its last character changed (to one it is not: a fixed "x" matched 1 token in 62).
      [anon, `Bearer ${env.metricsToken.slice(0, -1)}${env.metricsToken.endsWith("x") ? "y" : "x"}`],
      [anon, `Bearer ${env.metricsToken}${env.metricsToken}`],
      [anon, `Basic ${env.metricsToken}`],
      // A signed-in operator's session cookie is not the token.
      [operator, undefined],
    ] as const) {
      const res = await ctx.get("/api/metrics", authorization ? { headers: { authorization } } : {});
      expect(res.status(), authorization ?? "no header").toBe(401);
      expect(res.headers()["www-authenticate"]).toMatch(/^Bearer /);
      const body = await res.text();
      expect(ErrorEnvelopeSchema.parse(JSON.parse(body)).error.code).toBe("UNAUTHENTICATED");
      expect(body).not.toContain(env.metricsToken);
      expect(body).not.toContain("backwatch_");
    }
  });

  test("answers the Prometheus text format with the token, with the API's security headers", async ({ anon, env }) => {
    const res = await anon.get("/api/metrics", { headers: { authorization: `Bearer ${env.metricsToken}` } });
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    const text = await res.text();
    expect(text).toContain("# TYPE backwatch_atlas_requests_total counter");
    expect(text).toContain("# TYPE backwatch_refresh_duration_seconds histogram");
    expect(text).toMatch(/^backwatch_budget_limit 1200$/m);
  });

  test("is off (404) on an instance without BACKWATCH_METRICS_TOKEN, whatever is sent", async ({ env, playwright }) => {
    const ctx = await playwright.request.newContext({
      baseURL: env.sharedAppUrls[0],
      storageState: { cookies: [], origins: [] },
    });
    try {
      for (const headers of [{}, { authorization: `Bearer ${env.metricsToken}` }] as Array<Record<string, string>>) {
        const res = await ctx.get("/api/metrics", { headers });
        expect(res.status()).toBe(404);
        expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
      }
    } finally {
      await ctx.dispose();
    }
  });
});

test.describe("scraped by a real Prometheus", () => {
  test.describe.configure({ mode: "serial", timeout: 90_000 });
  let prometheus: PrometheusServer;

  test.beforeAll(async ({ env }) => {
    prometheus = await startPrometheus({
      target: new URL(env.appUrl).host,
      metricsPath: "/api/metrics",
      token: env.metricsToken,
    });
  });
  test.afterAll(async () => prometheus?.stop());

  test("the target is up", async () => {
    const target = await prometheus.nextScrape();
    expect(target.lastError).toBe("");
    expect(target.health).toBe("up");
    expect(await prometheus.query('up{job="backwatch"}')).toEqual([expect.objectContaining({ value: 1 })]);
  });

  test("a Prometheus with a wrong token is refused", async ({ env }) => {
    const wrong = await startPrometheus({
      target: new URL(env.appUrl).host,
      metricsPath: "/api/metrics",
      token: `${env.metricsToken}-not`,
    });
    try {
      const target = await wrong.nextScrape();
      expect(target.health).toBe("down");
      expect(target.lastError).toMatch(/401/);
    } finally {
      await wrong.stop();
    }
  });

  test("Atlas's 429s per project, the budget and refresh outcomes match what the simulator answered", async ({
    operator,
    sim,
  }) => {
    // A project of its own: nothing else in the run touches it.
    const g = randomId();
    const cluster = randomName("m429");
    await sim.addFault({
      path: clusterFaultPath(g, cluster),
      status: 429,
      errorCode: "RATE_LIMITED",
      retryAfterSeconds: 120,
    });
    expect((await operator.get(`/api/projects/${g}/clusters/${cluster}/exports`)).status()).toBe(503);
    const answered = requestCount(await sim.counters(), g, 429);
    expect(answered).toBe(1);

    await prometheus.waitFor(`backwatch_atlas_rate_limited_total{project="${g}"}`, (s) => s[0]?.value === answered);
    // One page taken from the project's budget for the refresh that Atlas refused; the pause that
    // followed takes nothing.
    const [remaining] = await prometheus.waitFor(`backwatch_budget_remaining{project="${g}"}`, (s) => s.length === 1);
    const [limit] = await prometheus.query("backwatch_budget_limit");
    expect(limit?.value).toBe(1200);
    expect(remaining?.value).toBe(1199);
    const [refused] = await prometheus.query(
      'sum(backwatch_refresh_duration_seconds_count{resource="jobs",outcome="rate_limited"})',
    );
    expect(refused?.value).toBeGreaterThanOrEqual(1);
  });

  test("never counts more Atlas calls than the simulator received", async ({ sim }) => {
    await prometheus.nextScrape();
    const [counted] = await prometheus.query('sum(backwatch_atlas_requests_total{job="backwatch"})');
    // Read after the scrape: the simulator has seen at least every call the scrape counted (and the
    // other instances', and the specs' own).
    const received = requestCount(await sim.counters(), /^GET \/api\/atlas\/v2\//);
    expect(counted?.value).toBeGreaterThan(0);
    expect(counted!.value).toBeLessThanOrEqual(received);
    const [groups] = await prometheus.query('sum(backwatch_atlas_requests_total{operation="listGroups",status="200"})');
    expect(groups?.value).toBeGreaterThanOrEqual(1);
  });

  test("the job series match the simulator's raw truth, and the scrape alone keeps the estate read", async ({
    operator,
    sim,
  }) => {
    test.setTimeout(120_000);
    // Nobody opens Now here: Prometheus's scrapes are what put every cluster on the collector's schedule.
    const [total] = await prometheus.waitFor(
      'sum(backwatch_coverage_lists{job="backwatch"}) > 0 and sum(backwatch_coverage_lists{state="unread"}) == 0',
      (s) => s.length === 1,
      60_000,
    );
    expect(total!.value).toBe((await rawEstate(sim, operator)).lists);
    expect((await prometheus.query("max(backwatch_data_age_seconds)"))[0]!.value).toBeLessThan(60);

    await expect(async () => {
      const before = await rawEstate(sim, operator);
      await prometheus.nextScrape();
      const [running, progress, failures, stuck, counts] = await Promise.all(
        [
          "backwatch_job_running_seconds",
          "backwatch_export_progress_ratio",
          "backwatch_job_last_failure_timestamp_seconds",
          "backwatch_job_stuck",
          'backwatch_jobs{status="running"}',
        ].map((q) => prometheus.query(q)),
      );
      const after = await rawEstate(sim, operator);
      const simNow = Date.parse(await sim.clock());
      const was = new Map(before.jobs.map((j) => [j.key, j]));
      // Jobs in the same state in both raw reads, long enough that every read of the store since has them.
      const steady = after.jobs.filter((j) => {
        const b = was.get(j.key);
        return (
          b && b.status === j.status && j.end < simNow - 30 * 60_000 && b.progress?.exported === j.progress?.exported
        );
      });

      const runningIds = new Set(running!.map(seriesKey));
      const steadyRunning = steady.filter((j) => j.status === "running");
      expect(steadyRunning.length).toBeGreaterThan(3);
      for (const j of steadyRunning) expect(runningIds, j.key).toContain(j.key);
      // Per cluster and kind, the running count is at least the steady running jobs there.
      for (const c of counts!) {
        const n = steadyRunning.filter((j) => j.cluster === c.labels.cluster && j.kind === c.labels.kind).length;
        expect(c.value, `${c.labels.cluster}/${c.labels.kind}`).toBeGreaterThanOrEqual(n);
      }

      const ratios = new Map(progress!.map((p) => [`${p.labels.cluster}/export/${p.labels.job_id}`, p.value]));
      const steadyExports = steadyRunning.filter((j) => j.progress);
      expect(steadyExports.length).toBeGreaterThan(0);
      for (const j of steadyExports)
        expect(ratios.get(j.key), j.key).toBeCloseTo(j.progress!.exported / j.progress!.total, 6);

      // The newest failure per cluster and kind: no older than the newest steady one, no newer than Atlas's.
      for (const f of failures!) {
        const here = (list: RawJob[]) =>
          Math.max(
            0,
            ...list
              .filter((j) => j.cluster === f.labels.cluster && j.kind === f.labels.kind && j.status === "failed")
              .map((j) => j.end),
          );
        expect(f.value * 1000, `${f.labels.cluster}/${f.labels.kind}`).toBeGreaterThanOrEqual(here(steady));
        expect(f.value * 1000, `${f.labels.cluster}/${f.labels.kind}`).toBeLessThanOrEqual(here(after.jobs));
      }
      expect(failures!.some((f) => f.labels.kind === "restore")).toBe(true);

      // Stuck: running jobs only, reasons from the fixed set; the showcase's weeks-long jobs are overdue.
      for (const s of stuck!) {
        expect(["no-progress", "overdue"]).toContain(s.labels.reason);
        expect(runningIds).toContain(seriesKey(s));
      }
      expect(stuck!.some((s) => s.labels.reason === "overdue")).toBe(true);
    }).toPass({ timeout: 60_000, intervals: [1000, 2000] });
  });

  test("stuck jobs are the ones the app's own Now route flags", async ({ operator }) => {
    await expect(async () => {
      const res = await operator.get("/api/now?stuck=true");
      const now = NowResponseSchema.parse(await res.json());
      await prometheus.nextScrape();
      const stuck = await prometheus.query("backwatch_job_stuck");
      const ours = new Map(now.rows.map((r) => [`${r.job.clusterName}/${r.job.kind}/${r.job.id}`, r.stuck!.reason]));
      expect(ours.size).toBeGreaterThan(0);
      expect(new Map(stuck.map((s) => [seriesKey(s), s.labels.reason]))).toEqual(ours);
    }).toPass({ timeout: 30_000, intervals: [1000, 2000] });
  });
});
