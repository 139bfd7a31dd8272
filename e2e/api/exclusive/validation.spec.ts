import type { APIRequestContext } from "@playwright/test";
import { ErrorEnvelopeSchema } from "../../../lib/jobs/dto";
import { expect, test } from "../../support/api-fixtures";
import type { Simulator } from "../../support/simulator-control";
import { randomName } from "../../support/routes";

// In the exclusive project no other spec runs alongside, so the simulator's total request count
// (every Atlas path and the token endpoint) must not move while a bad request is answered.
async function upstreamCallsDuring(sim: Simulator, request: () => Promise<void>): Promise<number> {
  const before = (await sim.counters()).total;
  await request();
  return (await sim.counters()).total - before;
}

async function expectBadRequest(api: APIRequestContext, path: string, issue: string): Promise<void> {
  const res = await api.get(path);
  expect(res.status(), path).toBe(400);
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = ErrorEnvelopeSchema.parse(await res.json());
  expect(body.error.code).toBe("BAD_REQUEST");
  expect(body.error.issues?.map((i) => i.path)).toContain(issue);
}

test.describe("bad input is a 400 before any upstream call", () => {
  // Backwatch's collector refreshes what was viewed lately on its own clock; let that lapse first.
  test.beforeAll(async ({ sim }) => {
    await sim.quiet();
  });

  const cases: Array<{ name: string; path: (g: string, marker: string) => string; issue: string }> = [
    { name: "groupId not hex", path: (_g, m) => `/api/projects/zz${m}/clusters`, issue: "params.groupId" },
    {
      name: "groupId too short",
      path: (_g, m) => `/api/projects/abc123/clusters/${m}/restore-jobs`,
      issue: "params.groupId",
    },
    {
      name: "clusterName with underscore",
      path: (g, m) => `/api/projects/${g}/clusters/bad_${m}/restore-jobs`,
      issue: "params.clusterName",
    },
    {
      name: "clusterName starting with a hyphen",
      path: (g, m) => `/api/projects/${g}/clusters/-${m}/exports`,
      issue: "params.clusterName",
    },
    {
      name: "clusterName too long",
      path: (g, m) => `/api/projects/${g}/clusters/${m}${"x".repeat(64)}/tenant-restores`,
      issue: "params.clusterName",
    },
    {
      name: "flex name invalid",
      path: (g, m) => `/api/projects/${g}/flex-clusters/bad.${m}/restore-jobs`,
      issue: "params.name",
    },
    {
      name: "jobId not an ObjectId",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/restore-jobs/not-an-id`,
      issue: "params.jobId",
    },
    {
      name: "jobId on a download route",
      path: (g, m) => `/api/projects/${g}/flex-clusters/${m}/restore-jobs/123/download`,
      issue: "params.jobId",
    },
    {
      name: "status unknown",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/restore-jobs?status=failed&status=exploded`,
      issue: "query.status.1",
    },
    {
      name: "events window unknown",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/events?window=2h`,
      issue: "query.window",
    },
    {
      name: "events clusterName invalid",
      path: (g, m) => `/api/projects/${g}/clusters/bad_${m}/events?window=24h`,
      issue: "params.clusterName",
    },
    {
      name: "brushed range not a date",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/restore-jobs?from=yesterday`,
      issue: "query.from",
    },
    {
      name: "brushed range backwards",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/exports?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`,
      issue: "query.from",
    },
    { name: "Now window unknown", path: (_g, m) => `/api/now?window=2h&q=${m}`, issue: "query.window" },
    { name: "Now kind unknown", path: (_g, m) => `/api/now?kind=restore,bogus&q=${m}`, issue: "query.kind.1" },
    { name: "Now project not an id", path: (_g, m) => `/api/now?project=zz${m}`, issue: "query.project.0" },
    { name: "Now sort unknown", path: (_g, m) => `/api/now?sort=size&q=${m}`, issue: "query.sort" },
    { name: "Now stuck not a boolean", path: (_g, m) => `/api/now?stuck=yes&q=${m}`, issue: "query.stuck" },
    { name: "Now find: not an id", path: (_g, m) => `/api/now/find?id=${m}`, issue: "query.id" },
    { name: "page 0", path: (g, m) => `/api/projects/${g}/clusters/${m}/exports?page=0`, issue: "query.page" },
    { name: "page abc", path: (g, m) => `/api/projects/${g}/clusters/${m}/restore-jobs?page=abc`, issue: "query.page" },
    {
      name: "pageSize 0",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/restore-jobs?pageSize=0`,
      issue: "query.pageSize",
    },
    {
      name: "pageSize 501",
      path: (g, m) => `/api/projects/${g}/flex-clusters/${m}/restore-jobs?pageSize=501`,
      issue: "query.pageSize",
    },
    {
      name: "pageSize abc",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/tenant-restores?pageSize=abc`,
      issue: "query.pageSize",
    },
    {
      name: "sort unknown",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/restore-jobs?sort=name`,
      issue: "query.sort",
    },
    {
      name: "collection restores: status unknown",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/collection-restores?status=SUCCESSFUL`,
      issue: "query.status.0",
    },
    {
      name: "collection restore: jobId not an ObjectId",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/collection-restores/abc`,
      issue: "params.jobId",
    },
    {
      name: "collections: state outside the spec's enum",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/collection-restores/${"a".repeat(24)}/collections?state=DONE`,
      issue: "query.state",
    },
    {
      name: "collections: state in the wrong case",
      path: (g, m) =>
        `/api/projects/${g}/clusters/${m}/collection-restores/${"a".repeat(24)}/collections?state=not_found`,
      issue: "query.state",
    },
    {
      name: "collections: pageSize 501",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/collection-restores/${"a".repeat(24)}/collections?pageSize=501`,
      issue: "query.pageSize",
    },
    {
      name: "collections: page 0",
      path: (g, m) => `/api/projects/${g}/clusters/${m}/collection-restores/${"a".repeat(24)}/collections?page=0`,
      issue: "query.page",
    },
    {
      name: "collections: clusterName invalid",
      path: (g, m) => `/api/projects/${g}/clusters/bad_${m}/collection-restores/${"a".repeat(24)}/collections`,
      issue: "params.clusterName",
    },
  ];

  for (const c of cases) {
    test(c.name, async ({ operator, sim, fx }) => {
      const path = c.path(fx.showcase.groupId, randomName("v"));
      expect(await upstreamCallsDuring(sim, () => expectBadRequest(operator, path, c.issue))).toBe(0);
    });
  }

  test("a viewer's bad input is still a 400, and a signed-out one a 401, neither calling Atlas", async ({
    viewer,
    anon,
    sim,
    fx,
  }) => {
    const path = `/api/projects/${fx.showcase.groupId}/clusters/x/restore-jobs?pageSize=0`;
    expect(await upstreamCallsDuring(sim, () => expectBadRequest(viewer, path, "query.pageSize"))).toBe(0);
    const signedOut = await upstreamCallsDuring(sim, async () => {
      const res = await anon.get(path);
      expect(res.status()).toBe(401);
      expect(ErrorEnvelopeSchema.parse(await res.json()).error.code).toBe("UNAUTHENTICATED");
    });
    expect(signedOut).toBe(0);
  });

  test("a signed-out request to a well-formed route is a 401 without calling Atlas", async ({ anon, sim, fx }) => {
    const path = `/api/projects/${fx.showcase.groupId}/clusters/${fx.showcase.bigRestoreCluster}/restore-jobs`;
    const calls = await upstreamCallsDuring(sim, async () => expect((await anon.get(path)).status()).toBe(401));
    expect(calls).toBe(0);
  });

  // Writes: a bad body or path is a 400 that neither calls Atlas nor changes the user's watches.
  const target = (g: string) => ({ groupId: g, clusterName: "payments-prod", kind: "restore", jobId: "a".repeat(24) });
  const writes: Array<{
    name: string;
    method: "put" | "delete";
    path: (g: string) => string;
    body?: (g: string) => unknown;
    type?: string;
    issue: string;
  }> = [
    {
      name: "watch: jobId not an ObjectId",
      method: "put",
      path: () => "/api/watches",
      body: (g) => ({ ...target(g), jobId: "x1" }),
      issue: "body.jobId",
    },
    {
      name: "watch: kind unknown",
      method: "put",
      path: () => "/api/watches",
      body: (g) => ({ ...target(g), kind: "snapshot" }),
      issue: "body.kind",
    },
    {
      name: "watch: groupId missing",
      method: "put",
      path: () => "/api/watches",
      body: (g) => ({ ...target(g), groupId: undefined }),
      issue: "body.groupId",
    },
    {
      name: "watch: a stray field",
      method: "put",
      path: () => "/api/watches",
      body: (g) => ({ ...target(g), url: "https://x" }),
      issue: "body",
    },
    {
      name: "watch: not JSON",
      method: "put",
      path: () => "/api/watches",
      body: () => "groupId=1",
      type: "application/x-www-form-urlencoded",
      issue: "body",
    },
    {
      name: "watch shown: outcome unknown",
      method: "put",
      path: () => "/api/watches/notified",
      body: (g) => ({ ...target(g), outcome: "exploded" }),
      issue: "body.outcome",
    },
    {
      name: "unwatch: kind unknown",
      method: "delete",
      path: (g) => `/api/watches/${g}/payments-prod/snapshot/${"a".repeat(24)}`,
      issue: "params.kind",
    },
    {
      name: "unwatch: clusterName invalid",
      method: "delete",
      path: (g) => `/api/watches/${g}/bad_name/restore/${"a".repeat(24)}`,
      issue: "params.clusterName",
    },
  ];

  for (const c of writes) {
    test(c.name, async ({ watcher, sim, fx }) => {
      const before = await (await watcher.get("/api/watches")).text();
      const calls = await upstreamCallsDuring(sim, async () => {
        const body = c.body?.(fx.showcase.groupId);
        const res = await watcher[c.method](c.path(fx.showcase.groupId), {
          ...(body !== undefined && {
            data: typeof body === "string" ? body : JSON.stringify(body),
            headers: { "content-type": c.type ?? "application/json" },
          }),
        });
        expect(res.status()).toBe(400);
        const envelope = ErrorEnvelopeSchema.parse(await res.json());
        expect(envelope.error.code).toBe("BAD_REQUEST");
        expect(envelope.error.issues?.map((i) => i.path)).toContain(c.issue);
      });
      expect(calls).toBe(0);
      expect(JSON.parse(await (await watcher.get("/api/watches")).text()).items).toEqual(JSON.parse(before).items);
    });
  }

  // Last, because the cluster it reads is then watched (and refreshed) for a while.
  test("the counter check itself sees a request that does reach Atlas", async ({ operator, sim, fx }) => {
    const calls = await upstreamCallsDuring(sim, async () => {
      const res = await operator.get(
        `/api/projects/${fx.showcase.groupId}/clusters/${randomName("probe")}/restore-jobs`,
      );
      expect(res.status()).toBe(404);
    });
    expect(calls).toBeGreaterThan(0);
  });
});
