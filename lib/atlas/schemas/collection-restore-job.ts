import "server-only";
import { z } from "zod";
import { opt, paginated } from "./common";

const NamespaceSchema = z.looseObject({ sourceNamespace: z.string(), targetNamespace: opt(z.string()) });

/** ApiAtlasCollectionRestoreJobResponse (2025-03-12). No field is required by the spec but the id. */
export const CollectionRestoreJobSchema = z.looseObject({
  id: z.string(),
  state: opt(z.string()),
  createdAt: opt(z.string()),
  finishedAt: opt(z.string()),
  errorMessage: opt(z.string()),
  restoredDocuments: opt(z.number().int().nonnegative()),
  /** May start as an estimate and be revised while the job runs (spec). */
  totalDocuments: opt(z.number().int().nonnegative()),
  indexStatus: opt(
    z.looseObject({ state: opt(z.string()), failedCollectionCount: opt(z.number().int().nonnegative()) }),
  ),
  indexStrategy: opt(z.string()),
  writeStrategy: opt(z.string()),
  snapshotId: opt(z.string()),
  pointInTimeUtcSeconds: opt(z.number().int()),
  oplogTs: opt(z.number().int()),
  oplogInc: opt(z.number().int()),
  targetClusterName: opt(z.string()),
  targetGroupId: opt(z.string()),
  collectionSuffix: opt(z.string()),
  databaseSuffix: opt(z.string()),
  collections: opt(z.array(NamespaceSchema)),
  databases: opt(z.array(NamespaceSchema)),
});
export type RawCollectionRestoreJob = z.infer<typeof CollectionRestoreJobSchema>;
export const CollectionRestoreJobPageSchema = paginated(CollectionRestoreJobSchema);

/** ApiAtlasCollectionRestoreCollectionStateResponse: one collection of a job; `sourceNamespace` is its key. */
export const CollectionRestoreStateSchema = z.looseObject({
  sourceNamespace: z.string(),
  targetNamespace: opt(z.string()),
  effectiveTargetNamespace: opt(z.string()),
  state: opt(z.string()),
  restoredDocuments: opt(z.number().int().nonnegative()),
  totalDocuments: opt(z.number().int().nonnegative()),
  indexStatus: opt(
    z.looseObject({
      state: opt(z.string()),
      errorMessage: opt(z.string()),
      failedIndexes: opt(z.array(z.record(z.string(), z.unknown()))),
    }),
  ),
});
export type RawCollectionRestoreState = z.infer<typeof CollectionRestoreStateSchema>;
export const CollectionRestoreStatePageSchema = paginated(CollectionRestoreStateSchema);
