import { describe, expect, it } from "vitest";
import type { CollectionRestoreJob, Job } from "@/lib/jobs/dto";
import {
  jobsToCsv,
  namespacesInBrief,
  restorePoint,
  restoreTarget,
  restoreTargetParts,
  unrestoredWarning,
} from "./job-fields";

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

describe("collection restores", () => {
  const collectionRestore = (over: Partial<CollectionRestoreJob> = {}): CollectionRestoreJob => ({
    ...base,
    kind: "collection-restore",
    deliveryType: null,
    rawState: "SUCCESSFUL",
    namespaces: [
      { scope: "collection", source: "sales.orders", target: null },
      { scope: "collection", source: "sales.customers", target: null },
      { scope: "collection", source: "sales.invoices", target: null },
      { scope: "database", source: "billing", target: null },
    ],
    collectionSuffix: null,
    databaseSuffix: null,
    target: { groupId: base.groupId, clusterName: "payments-prod" },
    pointInTime: null,
    writeStrategy: "CREATE_NEW",
    indexStrategy: "ALL",
    progress: { restored: 100, total: 100, percent: 100 },
    indexBuild: { state: "SUCCESSFUL", failedCollectionCount: 0 },
    errorMessage: null,
    collections: null,
    ...over,
  });

  it("puts namespaces in brief, naming a whole database db.* and saying when nothing is renamed", () => {
    expect(namespacesInBrief(collectionRestore())).toBe("sales.orders, sales.customers +2 more → same names");
    const renamed = collectionRestore({
      namespaces: [{ scope: "collection", source: "sales.orders", target: "archive.orders" }],
    });
    expect(namespacesInBrief(renamed)).toBe("sales.orders → archive.orders");
    const suffixed = collectionRestore({
      namespaces: [{ scope: "database", source: "billing", target: null }],
      databaseSuffix: "_restored",
    });
    expect(namespacesInBrief(suffixed)).toBe("billing.* → billing_restored.*");
    const both = collectionRestore({
      namespaces: [{ scope: "collection", source: "sales.orders", target: null }],
      databaseSuffix: "_r",
      collectionSuffix: "_old",
    });
    expect(namespacesInBrief(both)).toBe("sales.orders → sales_r.orders_old");
  });

  it("warns plainly when a successful job left collections unrestored, and only then", () => {
    const byState = { SUCCESSFUL: 9, NOT_FOUND: 2, UNSUPPORTED: 1 };
    const partial = collectionRestore({ collections: { total: 12, notRestored: 3, byState } });
    expect(unrestoredWarning(partial)).toBe(
      "Atlas reports this restore successful, but 3 of 12 collections were not restored: 2 NOT_FOUND, 1 UNSUPPORTED.",
    );
    const indexes = collectionRestore({
      collections: { total: 5, notRestored: 1, byState: { SUCCESSFUL: 3, NOT_FOUND: 1, INDEX_BUILD_FAILED: 1 } },
    });
    expect(unrestoredWarning(indexes)).toBe(
      "Atlas reports this restore successful, but 1 of 5 collections were not restored: 1 NOT_FOUND; 1 was restored without all its indexes (INDEX_BUILD_FAILED).",
    );
    const whole = collectionRestore({ collections: { total: 4, notRestored: 0, byState: { SUCCESSFUL: 4 } } });
    expect(unrestoredWarning(whole)).toBeNull();
    // A failed job says so itself; a list row has no collections read.
    expect(unrestoredWarning({ ...partial, status: "failed" } as Job)).toBeNull();
    expect(unrestoredWarning(collectionRestore())).toBeNull();
  });

  it("puts every field in the CSV", () => {
    const csv = jobsToCsv([collectionRestore({ collections: { total: 4, notRestored: 1, byState: {} } })]);
    expect(csv).toContain('"sourceNamespaces","targetNamespaces","writeStrategy","indexStrategy","restoredDocuments"');
    expect(csv).toContain('"sales.orders; sales.customers; sales.invoices; billing.*"');
  });
});
