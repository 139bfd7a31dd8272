import "server-only";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { SimulatorClient, type Fixtures } from "@/lib/simulator/testing/simulator-client";
import { getJobDownloadLinks, listClusters, listJobs, listProjects } from "./atlas-services";

// The composition root reads its configuration from the validated environment on first use, so the
// environment is set before any service call (serverEnv() caches what it reads).
let sim: RunningSimulator;
let fx: Fixtures;
const saved = { ...process.env };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, control: true, quiet: true });
  fx = await new SimulatorClient(sim.url).fixtures();
  for (const key of ["ATLAS_CLIENT_ID", "ATLAS_CLIENT_SECRET", "ATLAS_PUBLIC_KEY", "ATLAS_PRIVATE_KEY"])
    delete process.env[key];
  Object.assign(process.env, {
    ATLAS_BASE_URL: sim.url,
    ATLAS_PUBLIC_KEY: sim.credentials.publicKey,
    ATLAS_PRIVATE_KEY: sim.credentials.privateKey,
    BACKWATCH_PROJECT_ALLOWLIST: fx.showcase.groupId,
  });
});
afterAll(async () => {
  process.env = saved;
  await sim?.close();
});

describe("the composition root, configured from the environment", () => {
  it("uses the API key from the environment and applies the allowlist", async () => {
    const { groupId, flexCluster } = fx.showcase;
    expect((await listProjects()).items.map((p) => p.id)).toEqual([groupId]);
    expect((await listClusters(groupId)).items.some((c) => c.name === flexCluster && c.tier === "flex")).toBe(true);
    const other = fx.projects.find((p) => p.id !== groupId)!;
    await expect(listClusters(other.id)).rejects.toMatchObject({ status: 404 });
  });

  it("returns Flex restore jobs and their download links", async () => {
    const { groupId, flexCluster } = fx.showcase;
    const list = await listJobs("flex-restore", groupId, flexCluster, {
      status: [],
      page: 1,
      pageSize: 100,
      sort: "startedAt",
      dir: "desc",
    });
    expect(new Set(list.items.map((j) => j.status))).toEqual(
      new Set(
        Object.entries(list.counts)
          .filter(([, n]) => n > 0)
          .map(([s]) => s),
      ),
    );
    const downloadable = list.items.find((j) => j.hasDownloadUrl);
    expect(downloadable).toBeDefined();
    const links = await getJobDownloadLinks("flex-restore", groupId, flexCluster, downloadable!.id);
    expect(links.urls.map((u) => u.label)).toEqual(["Snapshot"]);
  });
});
