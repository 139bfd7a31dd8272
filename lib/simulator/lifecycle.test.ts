import { describe, expect, it } from "vitest";
import type { ExportRec, PhasedRec, RestoreRec } from "./data/types";
import { exportAt, phasedAt, restoreAt } from "./lifecycle";

const restore = (over: Partial<RestoreRec>): RestoreRec => ({
  id: "a".repeat(24),
  t0: 1000,
  delivery: "download",
  outcome: "completed",
  runSec: 100,
  linkTtlSec: 50,
  snapshotId: "b".repeat(24),
  snapTime: 500,
  privateLink: false,
  ...over,
});

describe("restore job lifecycle", () => {
  it("runs, completes, then its download link expires", () => {
    const r = restore({});
    expect(restoreAt(r, 1050)).toEqual({ state: "inProgress" });
    expect(restoreAt(r, 1100)).toEqual({ state: "completed", finishedAt: 1100, expiresAt: 1150 });
    expect(restoreAt(r, 1150)).toEqual({ state: "expired", finishedAt: 1100, expiresAt: 1150 });
  });

  it("ends failed or cancelled without finishedAt", () => {
    expect(restoreAt(restore({ outcome: "failed" }), 2000)).toEqual({ state: "failed" });
    expect(restoreAt(restore({ outcome: "cancelled" }), 2000)).toEqual({ state: "cancelled" });
    expect(restoreAt(restore({ delivery: "automated" }), 2000)).toEqual({ state: "completed", finishedAt: 1100 });
  });

  it("is cancelled from the moment DELETE cancelled it", () => {
    const r = restore({ cancelledAt: 1040 });
    expect(restoreAt(r, 1030).state).toBe("inProgress");
    expect(restoreAt(r, 1040).state).toBe("cancelled");
    expect(restoreAt(r, 5000).state).toBe("cancelled");
  });
});

describe("export job lifecycle", () => {
  const rec: ExportRec = {
    id: "c".repeat(24),
    t0: 0,
    queueSec: 10,
    runSec: 100,
    outcome: "Successful",
    total: 50,
    stopFraction: 0.4,
    bucketId: "d".repeat(24),
    snapshotId: "e".repeat(24),
    snapTime: 0,
  };

  it("is queued at 0, rises while in progress, and ends at N of N", () => {
    expect(exportAt(rec, 5)).toEqual({ state: "Queued", exported: 0 });
    expect(exportAt(rec, 60)).toEqual({ state: "InProgress", exported: 25 });
    expect(exportAt(rec, 80).exported).toBeGreaterThan(25);
    expect(exportAt(rec, 110)).toEqual({ state: "Successful", exported: 50, finishedAt: 110 });
  });

  it("stops part-way when it fails", () => {
    expect(exportAt({ ...rec, outcome: "Failed" }, 49)).toMatchObject({ state: "InProgress" });
    expect(exportAt({ ...rec, outcome: "Failed" }, 50)).toEqual({ state: "Failed", exported: 20, finishedAt: 50 });
  });
});

describe("flex and tenant restore lifecycle", () => {
  const rec: PhasedRec = {
    id: "f".repeat(24),
    t0: 0,
    pendingSec: 10,
    queuedSec: 20,
    runSec: 30,
    outcome: "FAILED",
    delivery: "RESTORE",
    snapshotId: "1".repeat(24),
    snapTime: 0,
    targetName: "x",
    targetProjectId: "2".repeat(24),
  };

  it("moves PENDING -> QUEUED -> RUNNING -> terminal", () => {
    expect([0, 10, 30, 59, 60].map((t) => phasedAt(rec, t).status)).toEqual([
      "PENDING",
      "QUEUED",
      "RUNNING",
      "RUNNING",
      "FAILED",
    ]);
    expect(phasedAt(rec, 60).finishedAt).toBe(60);
  });
});
