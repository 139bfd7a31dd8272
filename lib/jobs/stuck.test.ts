import { describe, expect, it } from "vitest";
import type { Job } from "./dto";
import { DEFAULT_STUCK, spanInWords, stuckOf } from "./stuck";

const NOW = Date.UTC(2026, 11, 1, 12);
const MIN = 60_000;

function job(over: Partial<Job> & Pick<Job, "kind">): Job {
  const base = {
    id: "a".repeat(24),
    groupId: "b".repeat(24),
    clusterName: "c1",
    status: "running",
    rawState: "x",
    deliveryType: "automated",
    snapshotId: null,
    startedAt: new Date(NOW - 50 * MIN).toISOString(),
    finishedAt: null,
    durationMs: null,
    expiresAt: null,
    hasDownloadUrl: false,
  };
  const extra =
    over.kind === "export"
      ? {
          progress: { exported: 3, total: 10, percent: 30 },
          stateReason: null,
          exportBucketId: null,
          prefix: null,
          customData: [],
        }
      : over.kind === "restore"
        ? { snapshotTakenAt: null, pointInTime: null, target: null }
        : over.kind === "collection-restore"
          ? {
              deliveryType: null,
              rawState: "IN_PROGRESS",
              namespaces: [{ scope: "collection", source: "sales.orders", target: null }],
              collectionSuffix: null,
              databaseSuffix: null,
              target: null,
              pointInTime: null,
              writeStrategy: "CREATE_NEW",
              indexStrategy: "ALL",
              progress: { restored: 4_000, total: 10_000, percent: 40 },
              indexBuild: null,
              errorMessage: null,
              collections: null,
            }
          : { targetProjectId: null, targetDeploymentItemName: null, snapshotFinishedAt: null };
  return { ...base, ...extra, ...over } as Job;
}

describe("stuck jobs", () => {
  it("flags a running job past twice its usual time, with the ratio in words", () => {
    const j = job({ kind: "restore", startedAt: new Date(NOW - 93 * MIN).toISOString() });
    const s = stuckOf(j, { usualMs: 30 * MIN, progressSince: undefined }, NOW, DEFAULT_STUCK);
    expect(s).toEqual({ reason: "overdue", message: "running 3.1x its usual time", limitMs: 60 * MIN, ratio: 3.1 });
    // Just under twice the usual: not stuck.
    const fine = job({ kind: "restore", startedAt: new Date(NOW - 59 * MIN).toISOString() });
    expect(stuckOf(fine, { usualMs: 30 * MIN, progressSince: undefined }, NOW, DEFAULT_STUCK)).toBeUndefined();
  });

  it("says queued, not running, of a job Atlas has not started", () => {
    const j = job({ kind: "export", status: "queued", startedAt: new Date(NOW - 93 * MIN).toISOString() });
    expect(stuckOf(j, { usualMs: 30 * MIN, progressSince: undefined }, NOW, DEFAULT_STUCK)?.message).toBe(
      "queued 3.1x its usual time",
    );
  });

  it("never flags before the floor, however short the history", () => {
    const j = job({ kind: "restore", startedAt: new Date(NOW - 25 * MIN).toISOString() });
    expect(stuckOf(j, { usualMs: 2 * MIN, progressSince: undefined }, NOW, DEFAULT_STUCK)).toBeUndefined();
    const later = job({ kind: "restore", startedAt: new Date(NOW - 31 * MIN).toISOString() });
    expect(stuckOf(later, { usualMs: 2 * MIN, progressSince: undefined }, NOW, DEFAULT_STUCK)?.reason).toBe("overdue");
  });

  it("uses the kind's fixed limit with no history", () => {
    const exp = job({ kind: "export", startedAt: new Date(NOW - 61 * MIN).toISOString() });
    expect(stuckOf(exp, { usualMs: undefined, progressSince: undefined }, NOW, DEFAULT_STUCK)).toMatchObject({
      reason: "overdue",
      message: "running 1.0 h, past the 1.0 h allowed with no history here",
      limitMs: 60 * MIN,
    });
    const restore = job({ kind: "restore", startedAt: new Date(NOW - 61 * MIN).toISOString() });
    expect(stuckOf(restore, { usualMs: undefined, progressSince: undefined }, NOW, DEFAULT_STUCK)).toBeUndefined();
  });

  it("flags an export whose progress has not moved, before the overdue rule", () => {
    const j = job({ kind: "export", startedAt: new Date(NOW - 50 * MIN).toISOString() });
    const since = NOW - 42 * MIN;
    expect(stuckOf(j, { usualMs: 4 * 60 * MIN, progressSince: since }, NOW, DEFAULT_STUCK)).toEqual({
      reason: "no-progress",
      message: "no progress for 42 min",
      since: new Date(since).toISOString(),
    });
    expect(stuckOf(j, { usualMs: 4 * 60 * MIN, progressSince: NOW - 29 * MIN }, NOW, DEFAULT_STUCK)).toBeUndefined();
  });

  it("never flags a finished job, a queued export's progress, or a job with no start", () => {
    const old = new Date(NOW - 30 * 60 * MIN).toISOString();
    expect(
      stuckOf(
        job({ kind: "restore", status: "failed", startedAt: old }),
        { usualMs: MIN, progressSince: undefined },
        NOW,
        DEFAULT_STUCK,
      ),
    ).toBeUndefined();
    const queued = job({ kind: "export", status: "queued", startedAt: new Date(NOW - 40 * MIN).toISOString() });
    expect(stuckOf(queued, { usualMs: 60 * MIN, progressSince: NOW - 40 * MIN }, NOW, DEFAULT_STUCK)).toBeUndefined();
    expect(
      stuckOf(
        job({ kind: "restore", startedAt: null }),
        { usualMs: MIN, progressSince: undefined },
        NOW,
        DEFAULT_STUCK,
      ),
    ).toBeUndefined();
  });

  it("flags a collection restore whose restored documents have not moved while copying", () => {
    const j = job({ kind: "collection-restore" });
    const since = NOW - 31 * MIN;
    expect(stuckOf(j, { usualMs: 4 * 60 * MIN, progressSince: since }, NOW, DEFAULT_STUCK)).toEqual({
      reason: "no-progress",
      message: "no progress for 31 min",
      since: new Date(since).toISOString(),
    });
    // FINALIZING: every document is in and indexes build, so a still figure is no stall.
    const finalizing = job({ kind: "collection-restore", rawState: "FINALIZING" });
    expect(stuckOf(finalizing, { usualMs: 4 * 60 * MIN, progressSince: since }, NOW, DEFAULT_STUCK)).toBeUndefined();
  });

  it("holds a collection restore to its cluster's history, else to Terraform's 3 h", () => {
    const long = job({ kind: "collection-restore", startedAt: new Date(NOW - 181 * MIN).toISOString() });
    expect(stuckOf(long, { usualMs: undefined, progressSince: undefined }, NOW, DEFAULT_STUCK)).toMatchObject({
      reason: "overdue",
      message: "running 3.0 h, past the 3.0 h allowed with no history here",
      limitMs: 180 * MIN,
    });
    const under = job({ kind: "collection-restore", startedAt: new Date(NOW - 179 * MIN).toISOString() });
    expect(stuckOf(under, { usualMs: undefined, progressSince: undefined }, NOW, DEFAULT_STUCK)).toBeUndefined();
    // With a history of 40 min runs, 93 min is 2.3x: overdue long before the fallback.
    const usual = job({ kind: "collection-restore", startedAt: new Date(NOW - 93 * MIN).toISOString() });
    expect(stuckOf(usual, { usualMs: 40 * MIN, progressSince: undefined }, NOW, DEFAULT_STUCK)?.message).toBe(
      "running 2.3x its usual time",
    );
  });

  it("puts spans in words", () => {
    expect(spanInWords(42 * MIN)).toBe("42 min");
    expect(spanInWords(20_000)).toBe("1 min");
    expect(spanInWords(186 * MIN)).toBe("3.1 h");
    expect(spanInWords(60 * 60 * MIN)).toBe("2.5 d");
  });
});
