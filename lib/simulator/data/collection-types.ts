// Compact records of collection-level restore jobs (spec: ApiAtlasCollectionRestoreJobResponse and
// ApiAtlasCollectionRestoreCollectionStateResponse, version 2025-03-12). Kept apart from types.ts so
// the older kinds' records stay as they are.

export type IndexStrategy = "ALL" | "NONE" | "ALL_EXCEPT_TTL";
export type WriteStrategy = "CREATE_NEW" | "OVERWRITE_EXISTING";
export type CollectionJobOutcome = "SUCCESSFUL" | "FAILED" | "CANCELED";
/** What a collection ends as when its job runs to the end; failed and cancelled jobs decide the rest. */
export type CollectionFinal = "SUCCESSFUL" | "NOT_FOUND" | "UNSUPPORTED" | "INDEX_BUILD_FAILED";

export interface NamespaceView {
  sourceNamespace: string;
  targetNamespace?: string;
}

export interface CollectionPlan {
  source: string;
  /** The requested target (suffixes applied). */
  target: string;
  /** Where it really lands: a CREATE_NEW restore onto an existing namespace is renamed. */
  effectiveTarget: string;
  /** The count known from collection metadata before the copy starts. */
  estimate: number;
  total: number;
  /** Shares of the job's run: copying from `start` to `copyEnd`, building indexes until `end`. */
  start: number;
  copyEnd: number;
  end: number;
  final: CollectionFinal;
  failedIndexes?: Array<Record<string, unknown>>;
  indexError?: string;
}

export interface CollectionRestoreRec {
  id: string;
  t0: number;
  initSec: number;
  runSec: number;
  finalizeSec: number;
  outcome: CollectionJobOutcome;
  /** Share of the run at which a FAILED or CANCELED job stopped. */
  stopAt: number;
  errorMessage?: string;
  snapshotId?: string;
  pitUtc?: number;
  oplogTs?: number;
  oplogInc?: number;
  targetClusterName: string;
  targetGroupId: string;
  indexStrategy: IndexStrategy;
  writeStrategy: WriteStrategy;
  collectionSuffix?: string;
  databaseSuffix?: string;
  collections: NamespaceView[];
  databases: NamespaceView[];
  plan: CollectionPlan[];
}
