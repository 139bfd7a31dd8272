import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import { DIGEST_SPAN_MS, makeJobsDigest } from "./digest";

const NOW = Date.UTC(2026, 11, 1, 12);
const H = 3_600_000;
let seq = 0;
const id = () => (++seq).toString(16).padStart(24, "0");

function exportJob(over: Partial<Job>): Job {
  return {
    kind: "export",
    id: id(),
    groupId: "b".repeat(24),
    clusterName: "c1",
    status: "completed",
    rawState: "x",
    deliveryType: null,
    snapshotId: null,
    startedAt: new Date(NOW - 2 * H).toISOString(),
    finishedAt: new Date(NOW - H).toISOString(),
    durationMs: H,
    expiresAt: null,
    hasDownloadUrl: false,
    progress: { exported: 3, total: 10, percent: 30 },
    stateReason: null,
    exportBucketId: null,
    prefix: null,
    customData: [],
    ...over,
  } as Job;
}

describe("job list digest", () => {
  it("keeps running jobs and jobs ended within the longest window, every id, and the longest success", () => {
    const running = exportJob({ status: "running", finishedAt: null, durationMs: null });
    const recent = exportJob({ durationMs: 2 * H });
    const old = exportJob({
      startedAt: new Date(NOW - DIGEST_SPAN_MS - 3 * H).toISOString(),
      finishedAt: new Date(NOW - DIGEST_SPAN_MS - H).toISOString(),
      durationMs: 5 * H,
    });
    const failedLong = exportJob({ status: "failed", durationMs: 9 * H });
    const d = makeJobsDigest([running, recent, old, failedLong], undefined, NOW);
    expect(d.jobs.map((j) => j.id)).toEqual([running.id, recent.id, failedLong.id]);
    expect(d.ids.split(",")).toEqual([running.id, recent.id, old.id, failedLong.id]);
    // The old success still counts as history; a failure never does.
    expect(d.usualMs).toEqual({ "-": 5 * H });
    expect(d.progress).toEqual({ [running.id]: { done: 3, since: NOW } });
  });

  it("remembers since when a running export's progress has not moved", () => {
    const job = exportJob({ status: "running", finishedAt: null, durationMs: null });
    const first = makeJobsDigest([job], undefined, NOW);
    const same = makeJobsDigest([job], first, NOW + 10 * 60_000);
    expect(same.progress[job.id]).toEqual({ done: 3, since: NOW });
    const moved = { ...job, progress: { exported: 4, total: 10, percent: 40 } } as Job;
    const after = makeJobsDigest([moved], same, NOW + 20 * 60_000);
    expect(after.progress[job.id]).toEqual({ done: 4, since: NOW + 20 * 60_000 });
  });

  it("remembers a copying collection restore's restored documents, and forgets them once indexes build", () => {
    const job = {
      ...exportJob({ status: "running", finishedAt: null, durationMs: null }),
      kind: "collection-restore",
      rawState: "IN_PROGRESS",
      progress: { restored: 1_200, total: 5_000, percent: 24 },
    } as unknown as Job;
    const first = makeJobsDigest([job], undefined, NOW);
    expect(first.progress[job.id]).toEqual({ done: 1_200, since: NOW });
    const same = makeJobsDigest([job], first, NOW + 10 * 60_000);
    expect(same.progress[job.id]).toEqual({ done: 1_200, since: NOW });
    const finalizing = { ...job, rawState: "FINALIZING" } as Job;
    expect(makeJobsDigest([finalizing], same, NOW + 20 * 60_000).progress).toEqual({});
  });
});
