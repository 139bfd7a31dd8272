import { ErrorEnvelopeSchema } from "../../lib/jobs/dto";
import { expect, test } from "../support/api-fixtures";
import { requestCount, clusterFaultPath } from "../support/simulator-control";
import { randomId, randomName } from "../support/routes";

// Each fault targets a cluster name made up for that test alone, so it cannot disturb other specs
// running in parallel and no cache can answer in its place.
test.describe("Atlas failures map to the one envelope", () => {
  test("Atlas 401 on our credential -> 502 UPSTREAM_AUTH with Atlas's code", async ({ operator, sim, fx }) => {
    const g = fx.showcase.groupId;
    const cluster = randomName("f401");
    await sim.addFault({ path: clusterFaultPath(g, cluster), status: 401, errorCode: "USER_CANNOT_ACCESS_GROUP" });
    const res = await operator.get(`/api/projects/${g}/clusters/${cluster}/restore-jobs`);
    expect(res.status()).toBe(502);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.code).toBe("UPSTREAM_AUTH");
    expect(error.atlas?.errorCode).toBe("USER_CANNOT_ACCESS_GROUP");
  });

  test("unknown cluster -> 404 NOT_FOUND with Atlas's code and detail", async ({ operator, fx }) => {
    const res = await operator.get(`/api/projects/${fx.showcase.groupId}/clusters/${randomName("nope")}/exports`);
    expect(res.status()).toBe(404);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.code).toBe("NOT_FOUND");
    expect(error.atlas?.errorCode).toMatch(/NOT_FOUND/);
    expect(error.atlas?.detail).toBeTruthy();
  });

  test("unknown job -> 404 NOT_FOUND", async ({ operator, fx }) => {
    const res = await operator.get(
      `/api/projects/${fx.showcase.groupId}/clusters/${fx.showcase.bigRestoreCluster}/restore-jobs/${randomId()}`,
    );
    expect(res.status()).toBe(404);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("NOT_FOUND");
  });

  test("Atlas 429 -> 503 RATE_LIMITED with Retry-After", async ({ operator, sim }) => {
    // The Atlas client holds a whole project back for Retry-After, so this uses a project of its own.
    const g = randomId();
    const cluster = randomName("f429");
    await sim.addFault({
      path: clusterFaultPath(g, cluster),
      status: 429,
      errorCode: "RATE_LIMITED",
      retryAfterSeconds: 120,
    });
    const res = await operator.get(`/api/projects/${g}/clusters/${cluster}/exports`);
    expect(res.status()).toBe(503);
    expect(res.headers()["retry-after"]).toBe("120");
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.atlas?.errorCode).toBe("RATE_LIMITED");

    // While the project is held back, the next call answers at once without asking Atlas again.
    const before = requestCount(await sim.counters(), g);
    const again = await operator.get(`/api/projects/${g}/clusters/${cluster}/exports`);
    expect(again.status()).toBe(503);
    expect(Number(again.headers()["retry-after"])).toBeGreaterThan(0);
    expect(requestCount(await sim.counters(), g)).toBe(before);
  });

  test("Atlas 500 -> retried, then 502 UPSTREAM_ERROR", async ({ operator, sim, fx }) => {
    const g = fx.showcase.groupId;
    const cluster = randomName("f500");
    await sim.addFault({ path: clusterFaultPath(g, cluster), status: 500, errorCode: "UNEXPECTED_ERROR" });
    const res = await operator.get(`/api/projects/${g}/flex-clusters/${cluster}/restore-jobs`);
    expect(res.status()).toBe(502);
    const { error } = ErrorEnvelopeSchema.parse(await res.json());
    expect(error.code).toBe("UPSTREAM_ERROR");
    expect(error.atlas?.errorCode).toBe("UNEXPECTED_ERROR");
    // ATLAS_MAX_RETRIES is 1 in this run: the first try and one retry.
    expect(requestCount(await sim.counters(), cluster)).toBe(2);
  });

  test("Atlas slower than ATLAS_TIMEOUT_MS -> 504 UPSTREAM_TIMEOUT", async ({ operator, sim, fx, env }) => {
    const g = fx.showcase.groupId;
    const cluster = randomName("fslow");
    await sim.addFault({ path: clusterFaultPath(g, cluster), latencyMs: env.atlasTimeoutMs + 2000 });
    const res = await operator.get(`/api/projects/${g}/clusters/${cluster}/restore-jobs`);
    expect(res.status()).toBe(504);
    expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("UPSTREAM_TIMEOUT");
  });

  // Failures that throw inside Backwatch (undici's socket error, JSON.parse's SyntaxError, zod's issues):
  // the paths where a stack or an exception's own message could slip into the answer.
  const STACK = /\n\s*at |\bat .+:\d+:\d+|node_modules|\.next|\.(ts|js|mjs):\d+|webpack|turbopack/i;
  const INTERNALS =
    /SyntaxError|TypeError|ZodError|JSON\.parse|Unexpected (token|end)|fetch failed|other side closed|UND_ERR|ECONNRESET|socket/i;
  const thrown = [
    { name: "a dropped connection", fault: { drop: true }, code: "UPSTREAM_ERROR", calls: 2 },
    {
      name: "an HTML body",
      fault: { body: "<html><body>Bad gateway</body></html>" },
      code: "UPSTREAM_BAD_RESPONSE",
      calls: 1,
    },
    {
      name: "a truncated JSON body",
      fault: { body: '{"results": [{"id": "5f' },
      code: "UPSTREAM_BAD_RESPONSE",
      calls: 1,
    },
    {
      name: "JSON of another shape",
      fault: { body: '{"results": "none", "totalCount": "many"}' },
      code: "UPSTREAM_BAD_RESPONSE",
      calls: 1,
    },
  ] as const;
  for (const c of thrown) {
    test(`${c.name} -> 502 ${c.code}, with no stack trace or exception text`, async ({ operator, sim, fx }) => {
      const g = fx.showcase.groupId;
      const cluster = randomName("st");
      await sim.addFault({ path: clusterFaultPath(g, cluster), ...c.fault });
      const res = await operator.get(`/api/projects/${g}/clusters/${cluster}/restore-jobs`);
      expect(res.status()).toBe(502);
      const text = await res.text();
      expect(ErrorEnvelopeSchema.parse(JSON.parse(text)).error.code).toBe(c.code);
      expect(text).not.toMatch(STACK);
      expect(text).not.toMatch(INTERNALS);
      // A dropped connection is retried (ATLAS_MAX_RETRIES is 1 here); a bad body is final.
      await expect.poll(async () => requestCount(await sim.counters(), cluster)).toBe(c.calls);
    });
  }
});
