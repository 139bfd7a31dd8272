import { beforeAll, describe, expect, it } from "vitest";
import { harnessPerFile, results } from "./harness";

// The showcase data the contract promises (lib/simulator/README.md) is what the dashboard's demo and
// e2e tests rely on: every state of every job kind, read from the fields the spec gives each kind.

type Row = Record<string, unknown>;
const h = harnessPerFile();
let base: string;

beforeAll(() => {
  base = `/groups/${h.fixtures.showcase.groupId}`;
});

const list = async (path: string, version: string) => results(await h.atlas("GET", path, { accept: version }));
const idTimeMs = (id: unknown) => parseInt(String(id).slice(0, 8), 16) * 1000;

// A Cloud Backup restore job's state from its flags (spec: DiskBackupSnapshotRestoreJob; the order is ours).
function restoreState(j: Row): string {
  if (j.cancelled === true) return "cancelled";
  if (j.failed === true) return "failed";
  if (j.expired === true) return "expired";
  return j.finishedAt ? "completed" : "in-progress";
}

describe("showcase data", () => {
  it("payments-prod: 1,200 restore jobs covering every state and delivery form", async () => {
    const path = `${base}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs?itemsPerPage=500`;
    const jobs = [
      ...(await list(`${path}&pageNum=1`, "2023-01-01")),
      ...(await list(`${path}&pageNum=2`, "2023-01-01")),
      ...(await list(`${path}&pageNum=3`, "2023-01-01")),
    ];
    expect(jobs).toHaveLength(1200);
    expect(new Set(jobs.map(restoreState))).toEqual(
      new Set(["cancelled", "failed", "expired", "completed", "in-progress"]),
    );
    expect(new Set(jobs.map((j) => j.deliveryType))).toEqual(new Set(["automated", "download", "pointInTime"]));
    expect(
      jobs.some((j) => j.deliveryType === "download" && Array.isArray(j.deliveryUrl) && j.deliveryUrl.length > 0),
    ).toBe(true);
    expect(jobs.some((j) => j.deliveryType === "pointInTime" && typeof j.pointInTimeUTCSeconds === "number")).toBe(
      true,
    );
    expect(
      jobs.some(
        (j) => j.deliveryType === "pointInTime" && typeof j.oplogTs === "number" && typeof j.oplogInc === "number",
      ),
    ).toBe(true);
    expect(
      jobs.some(
        (j) => Array.isArray(j.components) && (j.components as Row[]).every((c) => typeof c.downloadUrl === "string"),
      ),
    ).toBe(true);
    expect(
      jobs.some((j) => Array.isArray(j.privateDownloadDeliveryUrls) && j.privateDownloadDeliveryUrls.length > 0),
    ).toBe(true);
    for (const j of jobs) {
      // At most one of the terminal flags; an expired job is a finished download whose link lapsed.
      expect([j.cancelled, j.failed, j.expired].filter((f) => f === true).length, String(j.id)).toBeLessThanOrEqual(1);
      expect("createdAt" in j, "DiskBackupSnapshotRestoreJob has no createdAt").toBe(false);
      if (typeof j.finishedAt === "string") expect(Date.parse(j.finishedAt)).toBeGreaterThanOrEqual(idTimeMs(j.id));
      if (j.expired === true) expect(j.finishedAt).toBeDefined();
    }
  });

  it("payments-analytics: exports in every state with consistent progress", async () => {
    const jobs = await list(
      `${base}/clusters/${h.fixtures.showcase.exportCluster}/backup/exports?itemsPerPage=500`,
      "2023-01-01",
    );
    const byState = (state: string) => jobs.filter((j) => j.state === state);
    for (const state of ["Queued", "InProgress", "Successful", "Failed", "Cancelled"])
      expect(byState(state).length, state).toBeGreaterThan(0);
    const progress = (j: Row) => j.exportStatus as { exportedCollections: number; totalCollections: number };
    for (const j of byState("Queued")) expect(progress(j).exportedCollections).toBe(0);
    for (const j of byState("InProgress"))
      expect(progress(j).exportedCollections).toBeLessThan(progress(j).totalCollections);
    for (const j of byState("Successful")) expect(progress(j).exportedCollections).toBe(progress(j).totalCollections);
    for (const j of byState("Failed")) expect(j.stateReason).toMatchObject({ message: expect.any(String) });
    expect(jobs.some((j) => Array.isArray(j.customData) && j.customData.length > 0)).toBe(true);
    for (const j of jobs) expect(Math.abs(Date.parse(String(j.createdAt)) - idTimeMs(j.id))).toBeLessThan(1000);
    expect(
      results(await h.atlas("GET", `${base}/backup/exportBuckets`, { accept: "2024-05-30" })).length,
    ).toBeGreaterThan(0);
  });

  it("legacy-m2: tenant restores in every status, DOWNLOAD ones with snapshotUrl", async () => {
    const jobs = await list(
      `${base}/clusters/${h.fixtures.showcase.sharedM2Cluster}/backup/tenant/restores`,
      "2023-01-01",
    );
    expect(new Set(jobs.map((j) => j.status))).toEqual(
      new Set(["PENDING", "QUEUED", "RUNNING", "FAILED", "COMPLETED"]),
    );
    expect(new Set(jobs.map((j) => j.deliveryType))).toEqual(new Set(["RESTORE", "DOWNLOAD"]));
    expect(jobs.some((j) => j.deliveryType === "DOWNLOAD" && typeof j.snapshotUrl === "string")).toBe(true);
  });

  it("legacy-m5: tenant history and a Flex cluster of the same name; flex-dev: every flex status", async () => {
    const s = h.fixtures.showcase;
    expect(
      (await list(`${base}/clusters/${s.sharedM5MigratedCluster}/backup/tenant/restores`, "2023-01-01")).length,
    ).toBeGreaterThan(0);
    const flexNames = (await list(`${base}/flexClusters`, "2024-11-13")).map((c) => c.name);
    expect(flexNames).toEqual(expect.arrayContaining([s.flexCluster, s.sharedM5MigratedCluster]));
    const flexJobs = await list(`${base}/flexClusters/${s.flexCluster}/backup/restoreJobs`, "2024-11-13");
    expect(new Set(flexJobs.map((j) => j.status))).toEqual(
      new Set(["PENDING", "QUEUED", "RUNNING", "FAILED", "COMPLETED"]),
    );
  });

  it("the shared-tier M2 cluster appears in /clusters as TENANT at every version", async () => {
    const s = h.fixtures.showcase;
    const legacy = (await list(`${base}/clusters`, "2023-01-01")).find((c) => c.name === s.sharedM2Cluster)!;
    expect(legacy.providerSettings).toMatchObject({
      providerName: "TENANT",
      instanceSizeName: "M2",
      backingProviderName: expect.any(String),
    });
    for (const version of ["2023-02-01", "2024-08-05"]) {
      const clusters = await list(`${base}/clusters`, version);
      const cluster = clusters.find((c) => c.name === s.sharedM2Cluster);
      const region = (cluster?.replicationSpecs as Array<{ regionConfigs: Row[] }> | undefined)?.[0]?.regionConfigs[0];
      expect(region, version).toMatchObject({
        providerName: "TENANT",
        backingProviderName: expect.any(String),
        electableSpecs: { instanceSize: "M2" },
      });
    }
  });
});
