import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import { DEFAULT_STUCK } from "@/lib/jobs/stuck";
import type { Entry } from "@/lib/store/entry";
import { makeJobsDigest, type JobsDigest } from "./digest";
import { jobTransitions, staleTransition, type ListRef } from "./transitions";

const NOW = Date.UTC(2026, 11, 1, 12);
const MIN = 60_000;
const H = 60 * MIN;
const LIST: ListRef = { kind: "export", groupId: "b".repeat(24), clusterName: "c1" };
let seq = 0;
const id = () => (++seq).toString(16).padStart(24, "0");
const iso = (ms: number) => new Date(ms).toISOString();

function exportJob(over: Partial<Job>): Job {
  return {
    kind: "export",
    id: id(),
    groupId: LIST.groupId,
    clusterName: LIST.clusterName,
    status: "running",
    rawState: "InProgress",
    deliveryType: null,
    snapshotId: null,
    startedAt: iso(NOW - 10 * MIN),
    finishedAt: null,
    durationMs: null,
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

/** What the read model stores: the digest made at `at` from a read Atlas answered at `at`. */
function read(jobs: Job[], at: number, previous?: Entry<JobsDigest> | null): Entry<JobsDigest> {
  return { shape: 1, fetchedAt: at, value: makeJobsDigest(jobs, previous?.value, at) };
}

const failed = (job: Job, at: number): Job =>
  ({ ...job, status: "failed", rawState: "Failed", finishedAt: iso(at), durationMs: 60_000 }) as Job;

describe("job transitions between two reads of a list", () => {
  it("the first read of a list yields none, however much in it has ended or is stuck", () => {
    const jobs = [
      failed(exportJob({}), NOW - MIN),
      exportJob({ startedAt: iso(NOW - 10 * H) }), // stuck by the fallback
    ];
    expect(jobTransitions(LIST, null, read(jobs, NOW), NOW, DEFAULT_STUCK)).toEqual([]);
    // A failure-only entry (nothing was ever read) is no previous read either.
    const failing: Entry<JobsDigest> = {
      shape: 1,
      failure: { at: 1, kind: "network", status: null, errorCode: null, detail: null },
    };
    expect(jobTransitions(LIST, failing, read(jobs, NOW), NOW, DEFAULT_STUCK)).toEqual([]);
  });

  it("a running job that is failed on the next read is one finished transition", () => {
    const job = exportJob({});
    const first = read([job], NOW - 10_000);
    const second = read([failed(job, NOW - 5_000)], NOW, first);
    const out = jobTransitions(LIST, first, second, NOW, DEFAULT_STUCK);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "job.finished", list: LIST, job: { id: job.id, status: "failed" } });
    // Read again, unchanged: nothing more.
    expect(
      jobTransitions(LIST, second, read([failed(job, NOW - 5_000)], NOW + 10_000, second), NOW, DEFAULT_STUCK),
    ).toEqual([]);
  });

  it("a job that started and ended between two reads (absent before, terminal now) is one transition", () => {
    const other = exportJob({ status: "completed", rawState: "Successful", finishedAt: iso(NOW - 2 * H) });
    const first = read([other], NOW - 60_000);
    const quick = failed(exportJob({ startedAt: iso(NOW - 50_000) }), NOW - 20_000);
    const out = jobTransitions(LIST, first, read([quick, other], NOW, first), NOW, DEFAULT_STUCK);
    expect(out.map((t) => [t.type, t.type === "job.finished" && t.job.id])).toEqual([["job.finished", quick.id]]);
  });

  it("a job absent before that ended long before the previous read is not news", () => {
    const first = read([], NOW - 60_000);
    const old = failed(exportJob({ startedAt: iso(NOW - 3 * H) }), NOW - 2 * H);
    expect(jobTransitions(LIST, first, read([old], NOW, first), NOW, DEFAULT_STUCK)).toEqual([]);
  });

  it("a terminal job moving to another terminal state (completed, then its link expired) is not a transition", () => {
    const done = exportJob({ status: "completed", rawState: "Successful", finishedAt: iso(NOW - MIN) });
    const first = read([done], NOW - 10_000);
    const expired = { ...done, status: "expired", rawState: "expired" } as Job;
    expect(jobTransitions(LIST, first, read([expired], NOW, first), NOW, DEFAULT_STUCK)).toEqual([]);
  });

  it("ids are stable: the same change seen by another instance or after a restart has the same id", () => {
    const job = exportJob({});
    const first = read([job], NOW - 10_000);
    const a = jobTransitions(LIST, first, read([failed(job, NOW - 5_000)], NOW, first), NOW, DEFAULT_STUCK);
    const b = jobTransitions(
      LIST,
      first,
      read([failed(job, NOW - 5_000)], NOW + 3_000, first),
      NOW + 3_000,
      DEFAULT_STUCK,
    );
    expect(a[0]!.id).toBe(b[0]!.id);
    const cancelled = { ...failed(job, NOW - 5_000), status: "cancelled" } as Job;
    const c = jobTransitions(LIST, first, read([cancelled], NOW, first), NOW, DEFAULT_STUCK);
    expect(c[0]!.id).not.toBe(a[0]!.id);
  });

  it("a job newly flagged stuck by the Now rule is one stuck transition; still stuck next read, none", () => {
    // No history on the cluster: an export is overdue past the 1 h fallback.
    const job = exportJob({ startedAt: iso(NOW - H + 30_000) });
    const first = read([job], NOW);
    const second = read([job], NOW + MIN, first);
    const out = jobTransitions(LIST, first, second, NOW + MIN, DEFAULT_STUCK);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "job.stuck", job: { id: job.id }, stuck: { reason: "overdue" } });
    const third = read([job], NOW + 2 * MIN, second);
    expect(jobTransitions(LIST, second, third, NOW + 2 * MIN, DEFAULT_STUCK)).toEqual([]);
  });
});

describe("stale data", () => {
  const failure = {
    at: NOW - 40 * MIN,
    kind: "http" as const,
    status: 503,
    errorCode: "SERVICE_UNAVAILABLE",
    detail: null,
  };
  it("a failing list whose last good read is older than the limit is stale; younger, or recovered, is not", () => {
    const stale = staleTransition(LIST, { shape: 1, fetchedAt: NOW - 45 * MIN, failure }, NOW, 30 * MIN);
    expect(stale).toMatchObject({ type: "project.stale", since: NOW - 45 * MIN, failure: { status: 503 } });
    expect(
      staleTransition(
        LIST,
        { shape: 1, fetchedAt: NOW - 20 * MIN, failure: { ...failure, at: NOW - 5 * MIN } },
        NOW,
        30 * MIN,
      ),
    ).toBeNull();
    // A failure older than the value beside it has been recovered from.
    expect(staleTransition(LIST, { shape: 1, fetchedAt: NOW - MIN, failure }, NOW, 30 * MIN)).toBeNull();
  });
  it("the same outage seen again has the same id", () => {
    const a = staleTransition(LIST, { shape: 1, fetchedAt: NOW - 45 * MIN, failure }, NOW, 30 * MIN);
    const b = staleTransition(LIST, { shape: 1, fetchedAt: NOW - 45 * MIN, failure }, NOW + 5 * MIN, 30 * MIN);
    expect(a!.id).toBe(b!.id);
  });
});
