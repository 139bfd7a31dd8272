// Collection restore jobs and their collection states (spec: ApiAtlasCollectionRestoreJobResponse,
// ApiAtlasCollectionRestoreCollectionStateResponse; version 2025-03-12). Neither schema has `links`.
import { iso } from "../clock";
import { collectionJobAt, type CollectionJobView, type CollectionView } from "../collection-lifecycle";
import type { CollectionRestoreRec } from "../data/collection-types";

export function renderCollectionRestoreJob(
  rec: CollectionRestoreRec,
  now: number,
  view: CollectionJobView = collectionJobAt(rec, now),
): Record<string, unknown> {
  const job: Record<string, unknown> = {
    collectionSuffix: rec.collectionSuffix ?? "",
    collections: rec.collections,
    createdAt: iso(rec.t0),
    databaseSuffix: rec.databaseSuffix ?? "",
    databases: rec.databases,
    id: rec.id,
    indexStatus: { failedCollectionCount: view.failedCollectionCount, state: view.indexState },
    indexStrategy: rec.indexStrategy,
    restoredDocuments: view.restored,
    state: view.state,
    targetClusterName: rec.targetClusterName,
    targetGroupId: rec.targetGroupId,
    totalDocuments: view.total,
    writeStrategy: rec.writeStrategy,
  };
  if (rec.snapshotId) job.snapshotId = rec.snapshotId;
  if (rec.pitUtc !== undefined) job.pointInTimeUtcSeconds = rec.pitUtc;
  if (rec.oplogTs !== undefined) job.oplogTs = rec.oplogTs;
  if (rec.oplogInc !== undefined) job.oplogInc = rec.oplogInc;
  if (view.finishedAt !== undefined) job.finishedAt = iso(view.finishedAt);
  if ((view.state === "FAILED" || view.state === "CANCELED") && rec.errorMessage) job.errorMessage = rec.errorMessage;
  return job;
}

export function renderCollectionState(c: CollectionView): Record<string, unknown> {
  const indexStatus: Record<string, unknown> = { state: c.indexState };
  if (c.state === "INDEX_BUILD_FAILED") {
    if (c.plan.indexError) indexStatus.errorMessage = c.plan.indexError;
    if (c.plan.failedIndexes) indexStatus.failedIndexes = c.plan.failedIndexes;
  }
  return {
    effectiveTargetNamespace: c.plan.effectiveTarget,
    indexStatus,
    restoredDocuments: c.restored,
    sourceNamespace: c.plan.source,
    state: c.state,
    targetNamespace: c.plan.target,
    totalDocuments: c.total,
  };
}
