import { ErrorEnvelopeSchema, JobDetailSchema, JobListSchema } from "../../../lib/jobs/dto";
import { expect, test } from "../../support/api-fixtures";
import { listPath } from "../../support/routes";

// Flipping the simulator's tenantSunset changes every tenant answer, so this file runs in its own
// project after "api" and "ui", serially, and always puts the switch back.
test.describe.configure({ mode: "serial" });

test.afterAll(async ({ sim }) => {
  await sim.setConfig({ tenantSunset: false });
});

test("tenant routes carry the deprecation notice while Atlas still serves them", async ({ operator, fx }) => {
  const path = listPath("tenant-restore", fx.showcase.groupId, fx.showcase.sharedM5MigratedCluster);
  const list = JobListSchema.parse(await (await operator.get(path)).json());
  expect(list.deprecation).toMatchObject({
    sunset: "2026-01-22",
    retired: false,
    successor: { kind: "flex-restore", clusterName: fx.showcase.sharedM5MigratedCluster, exists: true },
  });
  expect(list.items.length).toBeGreaterThan(0);
  const detail = JobDetailSchema.parse(await (await operator.get(`${path}/${list.items[0]!.id}`)).json());
  expect(detail.deprecation?.retired).toBe(false);
});

test("after the sunset, tenant lists answer 200 with deprecation.retired=true", async ({ operator, sim, fx }) => {
  // Lists come from Backwatch's store, so the change shows once each list's window (4 s here) has passed.
  const list = async (cluster: string) => {
    const res = await operator.get(listPath("tenant-restore", fx.showcase.groupId, cluster));
    expect(res.status(), cluster).toBe(200);
    return JobListSchema.parse(await res.json());
  };
  await sim.setConfig({ tenantSunset: true });
  for (const cluster of [fx.showcase.sharedM2Cluster, fx.showcase.sharedM5MigratedCluster]) {
    await expect.poll(async () => (await list(cluster)).deprecation?.retired, { timeout: 15_000 }).toBe(true);
    const retired = await list(cluster);
    expect(retired.deprecation?.message).toBeTruthy();
    expect(retired.items).toEqual([]);
  }
  await sim.setConfig({ tenantSunset: false });
  await expect
    .poll(async () => (await list(fx.showcase.sharedM2Cluster)).deprecation?.retired, { timeout: 15_000 })
    .toBe(false);
});

test("after the sunset, a tenant restore's detail and download answer 410 RETIRED naming the sunset date", async ({
  operator,
  viewer,
  sim,
  fx,
}) => {
  const jobs: Array<{ path: string; id: string }> = [];
  for (const cluster of [fx.showcase.sharedM2Cluster, fx.showcase.sharedM5MigratedCluster]) {
    const path = listPath("tenant-restore", fx.showcase.groupId, cluster);
    // The previous test's sunset may still be in this cluster's stored list (a retired answer keeps
    // nothing) until its next refresh: wait for the list Atlas serves again.
    let withUrl: { id: string } | undefined;
    await expect(async () => {
      const list = JobListSchema.parse(await (await operator.get(`${path}?pageSize=500`)).json());
      withUrl = list.items.find((j) => j.hasDownloadUrl);
      expect(withUrl, `${cluster} has a tenant restore with a download URL`).toBeDefined();
    }).toPass({ timeout: 15_000 });
    // Served before the sunset, so a 410 after it is the sunset's doing, not a missing job.
    expect((await operator.get(`${path}/${withUrl!.id}/download`)).status()).toBe(200);
    jobs.push({ path, id: withUrl!.id });
  }

  await sim.setConfig({ tenantSunset: true });
  for (const { path, id } of jobs) {
    for (const route of [`${path}/${id}`, `${path}/${id}/download`]) {
      // A detail read before the sunset is in the store until its window passes; then it is dropped.
      await expect.poll(async () => (await operator.get(route)).status(), { timeout: 15_000 }).toBe(410);
      const res = await operator.get(route);
      expect(res.status(), route).toBe(410);
      expect(res.headers()["cache-control"]).toBe("no-store");
      const { error } = ErrorEnvelopeSchema.parse(await res.json());
      expect(error).toMatchObject({ status: 410, code: "RETIRED", atlas: { errorCode: "VERSION_GONE" } });
      expect(error.message).toContain("2026-01-22");
    }
    // The role check still comes first: a viewer is refused the download before Atlas is asked.
    expect((await viewer.get(`${path}/${id}/download`)).status()).toBe(403);
  }
  await sim.setConfig({ tenantSunset: false });
  // A retired answer is kept for a few seconds, then Atlas is asked again.
  await expect
    .poll(async () => (await operator.get(`${jobs[0]!.path}/${jobs[0]!.id}`)).status(), { timeout: 15_000 })
    .toBe(200);
});
