import "server-only";
import {
  NOT_RESTORED_STATES,
  type CollectionRestoreJob,
  type CollectionSummary,
  type RestoredCollection,
} from "@/lib/jobs/dto";
import { objectIdDate } from "@/lib/jobs/object-id";
import { documentProgress } from "@/lib/jobs/progress";
import { collectionRestoreStatus } from "@/lib/jobs/status";
import { toIso } from "@/lib/jobs/timing";
import type { RawCollectionRestoreJob, RawCollectionRestoreState } from "../schemas/collection-restore-job";
import { shared, type JobContext } from "./job-shared";

type RawNamespace = NonNullable<RawCollectionRestoreJob["collections"]>[number];

const namespaces = (scope: "collection" | "database", list: readonly RawNamespace[] | null | undefined) =>
  (list ?? []).map((n) => ({ scope, source: n.sourceNamespace, target: n.targetNamespace || null }));

/**
 * A collection-level restore job (2025-03-12). It has no start time, only createdAt (else the id's
 * second), and no delivery type or expiry. `collections` stays null: only the detail reads them.
 */
export function collectionRestoreToDto(
  raw: RawCollectionRestoreJob,
  ctx: JobContext,
  collections: CollectionSummary | null = null,
): CollectionRestoreJob {
  const { status, rawState } = collectionRestoreStatus(raw.state);
  const hasPointInTime = raw.pointInTimeUtcSeconds != null || raw.oplogTs != null;
  const hasTarget = raw.targetClusterName != null || raw.targetGroupId != null;
  return {
    kind: "collection-restore",
    ...shared(ctx, {
      id: raw.id,
      status,
      rawState,
      deliveryType: null,
      snapshotId: raw.snapshotId ?? null,
      startedAt: toIso(raw.createdAt) ?? toIso(objectIdDate(raw.id)),
      finishedAt: toIso(raw.finishedAt),
      expiresAt: null,
      hasDownloadUrl: false,
    }),
    namespaces: [...namespaces("collection", raw.collections), ...namespaces("database", raw.databases)],
    collectionSuffix: raw.collectionSuffix || null,
    databaseSuffix: raw.databaseSuffix || null,
    target: hasTarget ? { groupId: raw.targetGroupId ?? null, clusterName: raw.targetClusterName ?? null } : null,
    pointInTime: hasPointInTime
      ? { utcSeconds: raw.pointInTimeUtcSeconds ?? null, oplogTs: raw.oplogTs ?? null, oplogInc: raw.oplogInc ?? null }
      : null,
    writeStrategy: raw.writeStrategy ?? null,
    indexStrategy: raw.indexStrategy ?? null,
    progress: documentProgress(raw.restoredDocuments, raw.totalDocuments),
    indexBuild: raw.indexStatus
      ? { state: raw.indexStatus.state ?? null, failedCollectionCount: raw.indexStatus.failedCollectionCount ?? null }
      : null,
    errorMessage: raw.errorMessage || null,
    collections,
  };
}

const indexName = (index: Record<string, unknown>) =>
  typeof index.name === "string" ? index.name : JSON.stringify(index.key ?? index);

export function restoredCollectionToDto(raw: RawCollectionRestoreState): RestoredCollection {
  return {
    sourceNamespace: raw.sourceNamespace,
    targetNamespace: raw.targetNamespace || null,
    effectiveTargetNamespace: raw.effectiveTargetNamespace || raw.targetNamespace || null,
    state: raw.state ?? "unknown",
    restoredDocuments: raw.restoredDocuments ?? null,
    totalDocuments: raw.totalDocuments ?? null,
    indexState: raw.indexStatus?.state ?? null,
    indexError: raw.indexStatus?.errorMessage || null,
    failedIndexes: (raw.indexStatus?.failedIndexes ?? []).map(indexName),
  };
}

const NOT_RESTORED: ReadonlySet<string> = new Set(NOT_RESTORED_STATES);

/** How a job's collections ended, counted by Atlas's state. */
export function collectionSummary(states: readonly RawCollectionRestoreState[]): CollectionSummary {
  const byState: Record<string, number> = {};
  let notRestored = 0;
  for (const c of states) {
    const state = c.state ?? "unknown";
    byState[state] = (byState[state] ?? 0) + 1;
    if (NOT_RESTORED.has(state)) notRestored += 1;
  }
  return { total: states.length, notRestored, byState };
}
