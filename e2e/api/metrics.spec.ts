import { ErrorEnvelopeSchema } from "../../lib/jobs/dto";
import { startPrometheus, type PrometheusServer } from "../../lib/metrics/testing/prometheus-server";
import { expect, test } from "../support/api-fixtures";
import { clusterFaultPath, requestCount } from "../support/simulator-control";
import { randomId, randomName } from "../support/routes";

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
      [anon, `Bearer ${env.metricsToken.slice(0, -1)}x`],
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
});
