import { JobDetailSchema, JobListSchema } from "../../../lib/jobs/dto";
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
  expect(list.deprecation).toMatchObject({ sunset: "2026-01-22", retired: false, successor: { kind: "flex-restore", clusterName: fx.showcase.sharedM5MigratedCluster, exists: true } });
  expect(list.items.length).toBeGreaterThan(0);
  const detail = JobDetailSchema.parse(await (await operator.get(`${path}/${list.items[0]!.id}`)).json());
  expect(detail.deprecation?.retired).toBe(false);
});

test("after the sunset, tenant lists answer 200 with deprecation.retired=true", async ({ operator, sim, fx }) => {
  await sim.setConfig({ tenantSunset: true });
  for (const cluster of [fx.showcase.sharedM2Cluster, fx.showcase.sharedM5MigratedCluster]) {
    const res = await operator.get(listPath("tenant-restore", fx.showcase.groupId, cluster));
    expect(res.status(), cluster).toBe(200);
    const list = JobListSchema.parse(await res.json());
    expect(list.deprecation?.retired).toBe(true);
    expect(list.deprecation?.message).toBeTruthy();
    expect(list.items).toEqual([]);
  }
  await sim.setConfig({ tenantSunset: false });
  const back = JobListSchema.parse(await (await operator.get(listPath("tenant-restore", fx.showcase.groupId, fx.showcase.sharedM2Cluster))).json());
  expect(back.deprecation?.retired).toBe(false);
});
