import "server-only";
import { describe, expect, it } from "vitest";
import { CollectionListSchema, JobDetailSchema, type CollectionRestoreJob } from "@/lib/jobs/dto";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { createAtlasClient } from "./client";
import * as atlasJobs from "./jobs-service";
import { operations } from "./operations";
import { createServiceDeps, type ServiceDeps } from "./service-deps";

const upstream = simulatorPerFile({ rateLimit: { tokenCapacity: 1_000 } });

function deps(): ServiceDeps {
  const { clientId, clientSecret } = upstream.sim.credentials;
  const client = createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId, clientSecret },
    timeoutMs: 10_000,
    maxRetries: 2,
    retryMinDelayMs: 10,
  });
  return createServiceDeps(client, { projectAllowlist: [] });
}

async function showcaseJobs() {
  const { groupId, bigRestoreCluster } = upstream.fx.showcase;
  const { jobs } = await atlasJobs.loadJobList(deps(), "collection-restore", groupId, bigRestoreCluster);
  return jobs as CollectionRestoreJob[];
}

/** The showcase's SUCCESSFUL job that left collections behind: the one with a failed index build. */
async function partialJob() {
  const job = (await showcaseJobs()).find((j) => j.rawState === "SUCCESSFUL" && j.indexBuild?.failedCollectionCount);
  expect(job, "the showcase has a successful job with failed index builds").toBeDefined();
  return job!;
}

describe("collection restores against the simulator", () => {
  it("list every Atlas state with its normalized status, strategies and document progress", async () => {
    const jobs = await showcaseJobs();
    const seen = Object.fromEntries(jobs.map((j) => [j.rawState, j.status]));
    expect(seen).toMatchObject({
      INITIALIZING: "queued",
      IN_PROGRESS: "running",
      FINALIZING: "running",
      SUCCESSFUL: "completed",
      FAILED: "failed",
      CANCELED: "cancelled",
    });
    for (const j of jobs) {
      expect(j.namespaces.length, j.id).toBeGreaterThan(0);
      expect(j.writeStrategy).toMatch(/^(CREATE_NEW|OVERWRITE_EXISTING)$/);
      expect(j.indexStrategy).toMatch(/^(ALL|NONE|ALL_EXCEPT_TTL)$/);
      // Lists never read collections: only a detail does.
      expect(j.collections).toBeNull();
    }
    const failed = jobs.find((j) => j.rawState === "FAILED")!;
    expect(failed.errorMessage).toContain("ran out of disk space");
    const copying = jobs.find((j) => j.rawState === "IN_PROGRESS")!;
    expect(copying.progress!.restored).toBeLessThan(copying.progress!.total);
  });

  it("a detail counts the job's collections exactly as Atlas's collections list holds them", async () => {
    const { groupId, bigRestoreCluster: clusterName } = upstream.fx.showcase;
    const job = await partialJob();
    const { detail, calls } = await atlasJobs.loadJob(deps(), "collection-restore", groupId, clusterName, job.id);
    JobDetailSchema.parse({ ...detail, fetchedAt: new Date().toISOString() });
    const { data } = await deps().client.call(
      operations.listGroupClusterCollectionRestoreJobCollections,
      { groupId, clusterName, jobId: job.id },
      { query: { itemsPerPage: 500 } },
    );
    const byState: Record<string, number> = {};
    for (const c of data.results) byState[c.state!] = (byState[c.state!] ?? 0) + 1;
    expect(calls).toBe(2);
    const got = detail.job.kind === "collection-restore" ? detail.job.collections : null;
    expect(got).toEqual({
      total: data.results.length,
      notRestored: (byState.NOT_FOUND ?? 0) + (byState.UNSUPPORTED ?? 0),
      byState,
    });
    expect(got!.notRestored).toBeGreaterThan(0);
    expect(byState.INDEX_BUILD_FAILED).toBeGreaterThan(0);
  });

  it("pages the collections as Atlas does and filters them by state on Atlas's side", async () => {
    const { groupId, bigRestoreCluster: clusterName } = upstream.fx.showcase;
    const job = await partialJob();
    const page = (n: number, state?: "NOT_FOUND" | "INDEX_BUILD_FAILED") =>
      atlasJobs
        .loadRestoredCollections(deps(), groupId, clusterName, job.id, {
          page: n,
          pageSize: 2,
          ...(state && { state }),
        })
        .then((r) => CollectionListSchema.parse({ ...r.page, fetchedAt: r.receivedAt.toISOString() }));
    const [one, two] = await Promise.all([page(1), page(2)]);
    expect(one.items).toHaveLength(2);
    expect(one.hasNext).toBe(true);
    expect(one.totalCount).toBeGreaterThan(2);
    const names = [...one.items, ...two.items].map((c) => c.sourceNamespace);
    expect(new Set(names).size).toBe(names.length);
    const notFound = await page(1, "NOT_FOUND");
    expect(notFound.items.length).toBeGreaterThan(0);
    expect(notFound.items.every((c) => c.state === "NOT_FOUND")).toBe(true);
    const indexFailed = await page(1, "INDEX_BUILD_FAILED");
    expect(indexFailed.items[0]).toMatchObject({ indexState: "FAILED", failedIndexes: ["invoiceNo_1"] });
    expect(indexFailed.items[0]!.indexError).toContain("E11000");
  });
});
