import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { Redis } from "ioredis";
import { ClusterListSchema, JobListSchema } from "../../lib/jobs/dto";
import { expect, test } from "../support/api-fixtures";
import { storageStatePath } from "../support/run-env";
import { requestCount } from "../support/simulator-control";

// Two `next start` instances with REDIS_URL set, behind no balancer: the test is the balancer.
// Each spec reads lists of a project the other projects' specs never open, so the simulator's
// counters for those paths belong to it.
type Instances = [APIRequestContext, APIRequestContext];

async function instances(urls: string[]): Promise<Instances> {
  const open = (baseURL: string) =>
    playwrightRequest.newContext({ baseURL, storageState: storageStatePath("operator") });
  return [await open(urls[0]!), await open(urls[1]!)];
}

test.describe("two instances on one Redis", () => {
  // One after another: the outage case pauses the Redis the others count on.
  test.describe.configure({ mode: "serial" });
  let apps: Instances;
  test.beforeAll(async ({ env }) => {
    apps = await instances(env.sharedAppUrls);
  });
  test.afterAll(async () => {
    await Promise.all(apps.map((a) => a.dispose()));
  });

  test("both report the Redis store as healthy", async () => {
    for (const app of apps) {
      await expect
        .poll(async () => (await (await app.get("/api/health")).json()).store, { timeout: 15_000 })
        .toEqual({ kind: "redis", state: "ok" });
    }
  });

  test("many viewers across both instances cost the upstream calls of one read", async ({ sim, fx }) => {
    const project = fx.projects.find((p) => p.id !== fx.showcase.groupId)!;
    const clusters = ClusterListSchema.parse(await (await apps[0].get(`/api/projects/${project.id}/clusters`)).json());
    const cluster = clusters.items.find((c) => c.jobKinds.includes("restore"))!;
    const path = `/api/projects/${project.id}/clusters/${cluster.name}/restore-jobs`;
    const atlasPath = `GET /api/atlas/v2/groups/${project.id}/clusters/${cluster.name}/backup/restoreJobs`;
    const before = requestCount(await sim.counters(), atlasPath);

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => apps[i % 2]!.get(`${path}?page=${1 + (i % 3)}`)),
    );
    expect(answers.map((r) => r.status())).toEqual(answers.map(() => 200));
    const lists = await Promise.all(answers.map(async (r) => JobListSchema.parse(await r.json())));
    // One read of Atlas for all 40: every answer carries the same fetchedAt and the same counts.
    expect(new Set(lists.map((l) => l.fetchedAt)).size).toBe(1);
    expect(new Set(lists.map((l) => JSON.stringify(l.counts))).size).toBe(1);
    const calls = requestCount(await sim.counters(), atlasPath) - before;
    const pages = Math.max(1, Math.ceil(lists[0]!.totalCount / 500));
    expect(calls).toBe(pages);

    // And the other instance serves what the first one read, without asking Atlas.
    const again = JobListSchema.parse(await (await apps[1].get(path)).json());
    expect(again.fetchedAt).toBe(lists[0]!.fetchedAt);
    expect(requestCount(await sim.counters(), atlasPath) - before).toBe(pages);
  });

  test("while Redis does not answer, both keep serving from memory, say degraded, and rejoin", async ({ env, fx }) => {
    test.setTimeout(60_000);
    const path = `/api/projects/${fx.projects.at(-1)!.id}/clusters`;
    const redis = new Redis(env.redisUrl);
    try {
      await redis.call("CLIENT", "PAUSE", "8000", "ALL");
      for (const app of apps) {
        await expect
          .poll(async () => (await (await app.get("/api/health")).json()).status, { timeout: 15_000 })
          .toBe("degraded");
        const health = await (await app.get("/api/health")).json();
        expect(health.store).toMatchObject({ kind: "redis", state: "degraded", reason: expect.any(String) });
        const res = await app.get(path);
        expect(res.status()).toBe(200);
      }
      for (const app of apps) {
        await expect
          .poll(async () => (await (await app.get("/api/health")).json()).status, { timeout: 30_000 })
          .toBe("ok");
      }
    } finally {
      await redis.call("CLIENT", "UNPAUSE").catch(() => undefined);
      redis.disconnect();
    }
  });
});
