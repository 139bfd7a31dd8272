import "server-only";
import { describe, expect, it } from "vitest";
import { simulatorPerFile } from "@/lib/simulator/testing/simulator-per-file";
import { ClusterListSchema, JobDetailSchema, JobListSchema, type JobKind, type JobListQuery } from "@/lib/jobs/dto";
import { applyListQuery } from "@/lib/jobs/list-query";
import * as catalog from "./catalog-service";
import { createAtlasClient } from "./client";
import { AtlasError } from "./errors";
import * as atlasJobs from "./jobs-service";
import { createServiceDeps, type ServiceDeps } from "./service-deps";

const upstream = simulatorPerFile({ rateLimit: { tokenCapacity: 1_000 } });

function deps(projectAllowlist: string[] = []): ServiceDeps {
  const { clientId, clientSecret } = upstream.sim.credentials;
  const client = createAtlasClient({
    baseUrl: upstream.sim.url,
    credentials: { kind: "service-account", clientId, clientSecret },
    timeoutMs: 10_000,
    maxRetries: 2,
    retryMinDelayMs: 10,
  });
  return createServiceDeps(client, { projectAllowlist });
}

// The loaders as a page or route would see them once the read model has applied the query.
const jobs = {
  async listJobs(d: ServiceDeps, kind: JobKind, groupId: string, cluster: string, query: JobListQuery) {
    const { jobs: all, deprecation, receivedAt } = await atlasJobs.loadJobList(d, kind, groupId, cluster);
    return { ...applyListQuery(all, query), fetchedAt: receivedAt.toISOString(), ...(deprecation && { deprecation }) };
  },
  async getJob(d: ServiceDeps, kind: JobKind, groupId: string, cluster: string, id: string) {
    const { detail, receivedAt } = await atlasJobs.loadJob(d, kind, groupId, cluster, id);
    return { ...detail, fetchedAt: receivedAt.toISOString() };
  },
  getJobDownloadLinks: atlasJobs.getJobDownloadLinks,
};

const q = (over: Partial<JobListQuery> = {}): JobListQuery => ({
  status: [],
  page: 1,
  pageSize: 50,
  sort: "startedAt",
  dir: "desc",
  ...over,
});
const RESTORE_LIST = /^GET \/api\/atlas\/v2\/groups\/\w+\/clusters\/payments-prod\/backup\/restoreJobs$/;

describe("listJobs over a cluster with 1,200 restore jobs", () => {
  it("fetches all 3 upstream pages once and counts exactly", async () => {
    const { groupId, bigRestoreCluster, restoreJobCount } = upstream.fx.showcase;
    const list = await jobs.listJobs(deps(), "restore", groupId, bigRestoreCluster, q());
    expect(JobListSchema.parse(list)).toBeTruthy();
    expect(list.totalCount).toBe(restoreJobCount);
    expect(Object.values(list.counts).reduce((a, b) => a + b, 0)).toBe(restoreJobCount);
    expect(list.items).toHaveLength(50);
    expect(await upstream.ctl.count(RESTORE_LIST, 200)).toBe(3);
  });

  it("filters and pages on the whole list", async () => {
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    const d = deps();
    const all = await jobs.listJobs(d, "restore", groupId, bigRestoreCluster, q());
    const failed = await jobs.listJobs(
      d,
      "restore",
      groupId,
      bigRestoreCluster,
      q({ status: ["failed", "expired"], pageSize: 500, sort: "finishedAt", dir: "asc" }),
    );
    expect(failed.totalCount).toBe(all.counts.failed + all.counts.expired);
    expect(failed.totalCount).toBeGreaterThan(0);
    expect(failed.items.every((j) => j.status === "failed" || j.status === "expired")).toBe(true);
    const finished = failed.items.map((j) => j.finishedAt).filter((f): f is string => f !== null);
    expect(finished).toEqual([...finished].sort());
    expect(all.items.every((j) => j.startedAt !== null)).toBe(true);
  });

  it("coalesces identical concurrent fetches into one set of upstream calls", async () => {
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    const d = deps();
    await Promise.all([1, 2, 3].map((page) => jobs.listJobs(d, "restore", groupId, bigRestoreCluster, q({ page }))));
    expect(await upstream.ctl.count(RESTORE_LIST, 200)).toBe(3);
  });
});

describe("download URLs", () => {
  it("appear only in getJobDownloadLinks; lists and details carry none", async () => {
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    const d = deps();
    const list = await jobs.listJobs(d, "restore", groupId, bigRestoreCluster, q({ pageSize: 500 }));
    expect(JSON.stringify(list)).not.toMatch(/deliveryUrl|downloadUrl|https?:\/\/(?!cloud\.mongodb)/);
    const withUrl = list.items.find((j) => j.hasDownloadUrl);
    expect(withUrl).toBeDefined();
    const links = await jobs.getJobDownloadLinks(d, "restore", groupId, bigRestoreCluster, withUrl!.id);
    expect(links.urls.length).toBeGreaterThan(0);
    const detail = await jobs.getJob(d, "restore", groupId, bigRestoreCluster, withUrl!.id);
    expect(JobDetailSchema.parse(detail)).toBeTruthy();
    const raw = JSON.stringify(detail.raw);
    for (const { url } of links.urls) expect(raw).not.toContain(url);
    expect(raw).toContain("[redacted]");
  });
});

describe("exports", () => {
  it("carry progress", async () => {
    const { groupId, exportCluster } = upstream.fx.showcase;
    const list = await jobs.listJobs(deps(), "export", groupId, exportCluster, q({ status: ["running"] }));
    expect(list.items.length).toBeGreaterThan(0);
    // The showcase has a 30-day export whose count reads 0 for its first hours, depending on the wall clock.
    const percents = list.items.map((job) => (job.kind === "export" ? job.progress?.percent : undefined));
    for (const percent of percents) {
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThan(100);
    }
    expect(percents.some((percent) => (percent ?? 0) > 0)).toBe(true);
  });
});

describe("tenant restores", () => {
  it("carry the deprecation and whether a Flex successor exists", async () => {
    const { groupId, sharedM2Cluster, sharedM5MigratedCluster } = upstream.fx.showcase;
    const d = deps();
    const m2 = await jobs.listJobs(d, "tenant-restore", groupId, sharedM2Cluster, q());
    expect(m2.totalCount).toBeGreaterThan(0);
    expect(m2.deprecation).toMatchObject({
      sunset: "2026-01-22",
      retired: false,
      successor: { kind: "flex-restore", exists: false },
    });
    const m5 = await jobs.listJobs(d, "tenant-restore", groupId, sharedM5MigratedCluster, q());
    expect(m5.deprecation?.successor.exists).toBe(true);
  });

  it("answer an empty, retired list once Atlas returns 410", async () => {
    const { groupId, sharedM5MigratedCluster } = upstream.fx.showcase;
    await upstream.ctl.setConfig({ tenantSunset: true });
    const list = await jobs.listJobs(deps(), "tenant-restore", groupId, sharedM5MigratedCluster, q());
    expect(list.items).toEqual([]);
    expect(list.totalCount).toBe(0);
    expect(list.deprecation).toMatchObject({ retired: true, successor: { exists: true } });
    expect(list.deprecation?.message).toMatch(/retired/);
    expect(await upstream.ctl.count(/tenant\/restores$/, 410)).toBe(1);
  });

  it("answer a job's detail and download with RetiredEndpointError once Atlas returns 410, and a missing job still as 404", async () => {
    const { groupId, sharedM2Cluster } = upstream.fx.showcase;
    const d = deps();
    const [job] = (await jobs.listJobs(d, "tenant-restore", groupId, sharedM2Cluster, q())).items;
    await upstream.ctl.setConfig({ tenantSunset: true });
    const retired = {
      name: "RetiredEndpointError",
      message: expect.stringContaining("2026-01-22"),
      upstream: { status: 410, errorCode: "VERSION_GONE" },
    };
    await expect(jobs.getJob(d, "tenant-restore", groupId, sharedM2Cluster, job!.id)).rejects.toMatchObject(retired);
    await expect(
      jobs.getJobDownloadLinks(d, "tenant-restore", groupId, sharedM2Cluster, job!.id),
    ).rejects.toMatchObject(retired);
    await upstream.ctl.setConfig({ tenantSunset: false });
    await expect(
      jobs.getJob(d, "tenant-restore", groupId, sharedM2Cluster, "0123456789abcdef01234567"),
    ).rejects.toMatchObject({ name: "AtlasError", status: 404 });
  });
});

describe("clusters", () => {
  it("lists dedicated, shared-tier and flex clusters with their job kinds", async () => {
    const { groupId, bigRestoreCluster, sharedM2Cluster, sharedM5MigratedCluster, flexCluster } = upstream.fx.showcase;
    const list = ClusterListSchema.parse(await catalog.listClusters(deps(), groupId));
    const find = (name: string, tier: string) => list.items.find((c) => c.name === name && c.tier === tier);
    expect(find(bigRestoreCluster, "dedicated")).toMatchObject({
      instanceSize: "M30",
      backupEnabled: true,
      jobKinds: ["restore", "export", "collection-restore"],
    });
    expect(find(sharedM2Cluster, "shared")).toMatchObject({
      instanceSize: "M2",
      backupEnabled: true,
      jobKinds: ["tenant-restore"],
      flexSuccessor: false,
    });
    expect(find(sharedM5MigratedCluster, "shared")).toMatchObject({
      instanceSize: "M5",
      jobKinds: ["tenant-restore", "flex-restore"],
      flexSuccessor: true,
    });
    expect(find(flexCluster, "flex")).toMatchObject({ jobKinds: ["flex-restore"] });
  });
});

describe("project allowlist", () => {
  it("hides other projects from listProjects", async () => {
    const [a] = upstream.fx.projects;
    const projects = await catalog.listProjects(deps([a!.id]));
    expect(projects.items.map((p) => p.id)).toEqual([a!.id]);
  });

  it("answers 404 for a project outside it, before any upstream call", async () => {
    const { groupId, bigRestoreCluster } = upstream.fx.showcase;
    const other = upstream.fx.projects.find((p) => p.id !== groupId)!;
    const d = deps([other.id]);
    const calls = [
      jobs.listJobs(d, "restore", groupId, bigRestoreCluster, q()),
      jobs.getJob(d, "restore", groupId, bigRestoreCluster, "0123456789abcdef01234567"),
      catalog.listClusters(d, groupId),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ name: "AtlasError", status: 404 });
    await expect(calls[0]).rejects.toBeInstanceOf(AtlasError);
    expect((await upstream.ctl.counters()).total).toBe(0);
  });
});
