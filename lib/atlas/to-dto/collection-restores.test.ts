import "server-only";
import { describe, expect, it } from "vitest";
import { CollectionRestoreJobSchema } from "@/lib/jobs/dto";
import { collectionRestoreToDto, collectionSummary, restoredCollectionToDto } from "./collection-restores";

const ctx = {
  groupId: "5f1e2d3c4b5a697887766555",
  clusterName: "payments-prod",
  now: new Date("2026-03-01T12:30:00Z"),
};

describe("collectionRestoreToDto", () => {
  it("reads the spec's own example: 15500 of 20000 documents, in progress, no finish", () => {
    const job = collectionRestoreToDto(
      {
        id: "65f1e2d3c4b5a69788776655",
        state: "IN_PROGRESS",
        createdAt: "2026-03-01T12:00:00Z",
        restoredDocuments: 15_500,
        totalDocuments: 20_000,
        indexStatus: { state: "IN_PROGRESS", failedCollectionCount: 0 },
        indexStrategy: "ALL",
        writeStrategy: "CREATE_NEW",
        snapshotId: "65f1e2d3c4b5a69788776600",
        targetClusterName: "payments-staging",
        targetGroupId: ctx.groupId,
        collectionSuffix: "",
        collections: [{ sourceNamespace: "sales.orders", targetNamespace: "archive.orders" }],
        databases: [{ sourceNamespace: "billing" }],
      },
      ctx,
    );
    expect(CollectionRestoreJobSchema.parse(job)).toEqual(job);
    expect(job).toMatchObject({
      kind: "collection-restore",
      status: "running",
      rawState: "IN_PROGRESS",
      startedAt: "2026-03-01T12:00:00.000Z",
      finishedAt: null,
      durationMs: 30 * 60_000,
      deliveryType: null,
      hasDownloadUrl: false,
      namespaces: [
        { scope: "collection", source: "sales.orders", target: "archive.orders" },
        { scope: "database", source: "billing", target: null },
      ],
      collectionSuffix: null,
      target: { groupId: ctx.groupId, clusterName: "payments-staging" },
      pointInTime: null,
      writeStrategy: "CREATE_NEW",
      indexStrategy: "ALL",
      progress: { restored: 15_500, total: 20_000, percent: 77.5 },
      indexBuild: { state: "IN_PROGRESS", failedCollectionCount: 0 },
      errorMessage: null,
      collections: null,
    });
  });

  it("takes the start from the id when Atlas sends no createdAt, and keeps a failure's message", () => {
    const job = collectionRestoreToDto(
      {
        id: "65e1b0000000000000000000",
        state: "FAILED",
        errorMessage: "out of disk",
        pointInTimeUtcSeconds: 1_709_000_000,
      },
      ctx,
    );
    expect(job.startedAt).toBe(new Date(0x65e1b000 * 1000).toISOString());
    expect(job).toMatchObject({ status: "failed", errorMessage: "out of disk", progress: null, indexBuild: null });
    expect(job.pointInTime).toEqual({ utcSeconds: 1_709_000_000, oplogTs: null, oplogInc: null });
  });
});

describe("collections", () => {
  it("falls back to the asked target when Atlas gives no effective one, and names failed indexes", () => {
    expect(
      restoredCollectionToDto({
        sourceNamespace: "sales.invoices",
        targetNamespace: "sales.invoices",
        state: "INDEX_BUILD_FAILED",
        restoredDocuments: 10,
        totalDocuments: 10,
        indexStatus: {
          state: "FAILED",
          errorMessage: "E11000",
          failedIndexes: [{ name: "invoiceNo_1" }, { key: { a: 1 } }],
        },
      }),
    ).toEqual({
      sourceNamespace: "sales.invoices",
      targetNamespace: "sales.invoices",
      effectiveTargetNamespace: "sales.invoices",
      state: "INDEX_BUILD_FAILED",
      restoredDocuments: 10,
      totalDocuments: 10,
      indexState: "FAILED",
      indexError: "E11000",
      failedIndexes: ["invoiceNo_1", '{"a":1}'],
    });
  });

  it("counts not restored: NOT_FOUND, UNSUPPORTED, ROLLBACK, NOT_RESTORED, FAILED, but not an index failure", () => {
    const states = ["SUCCESSFUL", "NOT_FOUND", "NOT_FOUND", "UNSUPPORTED", "INDEX_BUILD_FAILED", "ROLLBACK", "FAILED"];
    const summary = collectionSummary(states.map((state, i) => ({ sourceNamespace: `db.c${i}`, state })));
    expect(summary).toEqual({
      total: 7,
      notRestored: 5,
      byState: { SUCCESSFUL: 1, NOT_FOUND: 2, UNSUPPORTED: 1, INDEX_BUILD_FAILED: 1, ROLLBACK: 1, FAILED: 1 },
    });
  });
});
