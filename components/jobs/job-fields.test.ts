import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/dto";
import { jobsToCsv, restorePoint, restoreTarget, restoreTargetParts } from "./job-fields";

const base = {
  id: "5f1e2d3c4b5a697887766554",
  groupId: "5f1e2d3c4b5a697887766555",
  clusterName: "payments-prod",
  status: "completed" as const,
  rawState: "completed",
  deliveryType: "pointInTime",
  snapshotId: null,
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:10:00.000Z",
  durationMs: 600_000,
  expiresAt: null,
  hasDownloadUrl: false,
};

const restore = (pointInTime: Extract<Job, { kind: "restore" }>["pointInTime"]): Job => ({
  ...base,
  kind: "restore",
  snapshotTakenAt: "2025-12-31T23:00:00.000Z",
  pointInTime,
  target: { groupId: base.groupId, clusterName: "payments-staging" },
});

describe("restorePoint", () => {
  it("shows the oplog position when there is one", () => {
    expect(restorePoint(restore({ utcSeconds: null, oplogTs: 1767225600, oplogInc: 7 }))).toBe(
      "Point in time 2026-01-01 00:00:00 UTC (oplog 1767225600:7)",
    );
  });
  it("shows a point in time as a time", () => {
    expect(restorePoint(restore({ utcSeconds: 1767225600, oplogTs: null, oplogInc: null }))).toBe(
      "Point in time 2026-01-01 00:00:00 UTC",
    );
  });
  it("falls back to the snapshot time", () => {
    expect(restorePoint(restore(null))).toBe("Snapshot 2025-12-31 23:00:00 UTC");
  });
});

describe("restoreTarget", () => {
  it("splits the target into cluster and project, and joins them for text", () => {
    const job = restore(null);
    expect(restoreTargetParts(job)).toEqual({ clusterName: "payments-staging", projectId: base.groupId });
    expect(restoreTarget(job)).toBe(`payments-staging in project ${base.groupId}`);
  });
  it("is empty for a download restore without a target", () => {
    const job = { ...restore(null), target: null } as Job;
    expect(restoreTargetParts(job)).toBeNull();
    expect(restoreTarget(job)).toBe("—");
  });
});

describe("jobsToCsv", () => {
  it("quotes cells and defuses spreadsheet formulas from Atlas-provided text", () => {
    const job: Job = {
      ...base,
      kind: "export",
      status: "failed",
      progress: { exported: 1, total: 4, percent: 25 },
      stateReason: { errorCode: "EXPORT_FAILED", message: 'bucket "x" denied' },
      exportBucketId: "b1",
      prefix: "=HYPERLINK(1)",
      customData: [{ key: "team", value: "payments" }],
    };
    const [header, row] = jobsToCsv([job]).trim().split("\r\n");
    expect(header).toContain('"exportedCollections"');
    expect(row).toContain('"EXPORT_FAILED: bucket ""x"" denied"');
    expect(row).toContain(`"'=HYPERLINK(1)"`);
    expect(row).toContain('"team=payments"');
  });
});
