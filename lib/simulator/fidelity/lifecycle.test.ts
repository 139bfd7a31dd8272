import { describe, expect, it } from "vitest";
import { harnessPerFile, media } from "./harness";
import { createFidelitySpec } from "./spec";
import { bodyFor } from "./targets";

// Job life cycles driven by the simulated clock (spec: DiskBackupExportJob.state and exportStatus,
// DiskBackupSnapshotRestoreJob's flags): exports go Queued -> InProgress -> Successful with monotonic
// progress; a restore job ends with exactly one terminal marker.

const spec = createFidelitySpec();
const V1 = media("2023-01-01");
const STEP_SECONDS = 20;
const MAX_STEPS = 500; // 10,000 simulated seconds, far beyond any showcase job's duration
const h = harnessPerFile();

const advance = async () =>
  expect((await h.control("POST", "clock", { advanceSeconds: STEP_SECONDS })).status).toBe(200);
const idTime = (id: string) => parseInt(id.slice(0, 8), 16) * 1000;

interface ExportJob {
  id: string;
  state: string;
  createdAt?: string;
  finishedAt?: string;
  exportStatus?: { exportedCollections?: number; totalCollections?: number };
}

describe("export job life cycle", () => {
  it("Queued -> InProgress -> Successful, exportedCollections rising to totalCollections", async () => {
    const s = h.fixtures.showcase;
    const collection = `/groups/${s.groupId}/clusters/${s.exportCluster}/backup/exports`;
    const clockBefore = Date.parse(((await h.control("GET", "clock")).json as { now: string }).now);
    const created = await h.atlas("POST", collection, {
      accept: V1,
      body: await bodyFor(h, "createGroupClusterBackupExport"),
    });
    expect(created.status, created.text.slice(0, 300)).toBe(200);
    const job = created.json as ExportJob;
    expect(job.state).toBe("Queued");
    expect(job.exportStatus?.exportedCollections ?? 0).toBe(0);
    expect(Math.abs(Date.parse(job.createdAt!) - clockBefore)).toBeLessThan(60_000);

    const seen: ExportJob[] = [job];
    for (let i = 0; i < MAX_STEPS && !["Successful", "Failed", "Cancelled"].includes(seen.at(-1)!.state); i++) {
      await advance();
      const res = await h.atlas("GET", `${collection}/${job.id}`, { accept: V1 });
      expect(res.status).toBe(200);
      expect(
        spec.validateResponse("getGroupClusterBackupExport", 200, res.headers.get("content-type"), res.json),
      ).toEqual([]);
      seen.push(res.json as ExportJob);
    }
    const states = seen.map((j) => j.state).filter((st, i, arr) => st !== arr[i - 1]);
    expect(states).toEqual(["Queued", "InProgress", "Successful"]);

    const progress = seen.map((j) => j.exportStatus?.exportedCollections ?? 0);
    progress.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(progress[i - 1] ?? 0));
    const final = seen.at(-1)!;
    const totals = new Set(seen.map((j) => j.exportStatus?.totalCollections).filter((t) => t !== undefined));
    expect(totals.size).toBe(1);
    expect(final.exportStatus?.exportedCollections).toBe(final.exportStatus?.totalCollections);
    expect(final.exportStatus!.totalCollections).toBeGreaterThan(0);
    // Mid-way values were observed, not a jump from 0 to N.
    expect(
      seen.some(
        (j) =>
          j.state === "InProgress" &&
          (j.exportStatus?.exportedCollections ?? 0) > 0 &&
          j.exportStatus!.exportedCollections! < j.exportStatus!.totalCollections!,
      ),
    ).toBe(true);
    expect(Date.parse(final.finishedAt!)).toBeGreaterThan(Date.parse(final.createdAt!));
    expect(seen.filter((j) => j.state !== "Successful").every((j) => j.finishedAt === undefined)).toBe(true);
  });
});

interface RestoreJob {
  id: string;
  cancelled?: boolean;
  failed?: boolean;
  expired?: boolean;
  finishedAt?: string;
  expiresAt?: string;
  timestamp?: string;
}
const markers = (j: RestoreJob) =>
  [j.cancelled === true, j.failed === true, j.expired === true, j.finishedAt !== undefined].filter(Boolean).length;

describe("restore job life cycle", () => {
  const collection = () =>
    `/groups/${h.fixtures.showcase.groupId}/clusters/${h.fixtures.showcase.bigRestoreCluster}/backup/restoreJobs`;

  it("starts with no terminal marker and ends with exactly one, times consistent", async () => {
    const created = await h.atlas("POST", collection(), {
      accept: V1,
      body: await bodyFor(h, "createGroupClusterBackupRestoreJob"),
    });
    expect(created.status, created.text.slice(0, 300)).toBe(200);
    let job = created.json as RestoreJob;
    expect(markers(job)).toBe(0);
    expect([job.cancelled, job.failed, job.expired]).toEqual([false, false, false]);

    for (let i = 0; i < MAX_STEPS && markers(job) === 0; i++) {
      await advance();
      const res = await h.atlas("GET", `${collection()}/${job.id}`, { accept: V1 });
      expect(
        spec.validateResponse("getGroupClusterBackupRestoreJob", 200, res.headers.get("content-type"), res.json),
      ).toEqual([]);
      job = res.json as RestoreJob;
    }
    expect(markers(job)).toBe(1);
    if (job.finishedAt) expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(idTime(job.id));
    if (job.finishedAt && job.expiresAt) expect(Date.parse(job.expiresAt)).toBeGreaterThan(Date.parse(job.finishedAt));
    if (job.timestamp) expect(Date.parse(job.timestamp)).toBeLessThanOrEqual(idTime(job.id));
  });

  it("a cancelled job is marked cancelled only, and the list shows it", async () => {
    const created = await h.atlas("POST", collection(), {
      accept: V1,
      body: await bodyFor(h, "createGroupClusterBackupRestoreJob"),
    });
    const id = (created.json as RestoreJob).id;
    const del = await h.atlas("DELETE", `${collection()}/${id}`, { accept: V1 });
    expect(del.status).toBe(204);
    const after = (await h.atlas("GET", `${collection()}/${id}`, { accept: V1 })).json as RestoreJob;
    expect(after.cancelled).toBe(true);
    expect(markers(after)).toBe(1);
    await advance();
    const later = (await h.atlas("GET", `${collection()}/${id}`, { accept: V1 })).json as RestoreJob;
    expect(markers(later)).toBe(1);
  });
});

describe("flex restore job life cycle", () => {
  it("moves forward through PENDING/QUEUED/RUNNING to COMPLETED, never backwards", async () => {
    const s = h.fixtures.showcase;
    const V = media("2024-11-13");
    const collection = `/groups/${s.groupId}/flexClusters/${s.flexCluster}/backup/restoreJobs`;
    const created = await h.atlas("POST", collection, {
      accept: V,
      body: await bodyFor(h, "createGroupFlexClusterBackupRestoreJob"),
    });
    expect(created.status, created.text.slice(0, 300)).toBe(200);
    const order = ["PENDING", "QUEUED", "RUNNING", "COMPLETED"];
    let job = created.json as { id: string; status: string; restoreFinishedDate?: string };
    const seen = [job.status];
    for (let i = 0; i < MAX_STEPS && job.status !== "COMPLETED" && job.status !== "FAILED"; i++) {
      await advance();
      job = (await h.atlas("GET", `${collection}/${job.id}`, { accept: V })).json as typeof job;
      seen.push(job.status);
    }
    expect(job.status).toBe("COMPLETED");
    const ranks = seen.map((st) => order.indexOf(st));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    ranks.forEach((r, i) => expect(r).toBeGreaterThanOrEqual(ranks[i - 1] ?? 0));
    expect(job.restoreFinishedDate).toBeDefined();
  });
});
