import type { JobStatus } from "./dto";

export interface Normalized {
  status: JobStatus;
  rawState: string;
}

export interface RestoreFlags {
  cancelled?: boolean | null;
  failed?: boolean | null;
  expired?: boolean | null;
  finishedAt?: string | null;
}

/**
 * A Cloud Backup restore job has no status field, only flags and times (spec:
 * components.schemas.DiskBackupSnapshotRestoreJob cancelled, failed, expired, finishedAt). The spec
 * gives them no precedence; ours is cancelled > failed > expired > finished, else in progress (Atlas
 * does not tell queued from running here).
 */
export function restoreStatus(job: RestoreFlags): Normalized {
  if (job.cancelled) return { status: "cancelled", rawState: "cancelled" };
  if (job.failed) return { status: "failed", rawState: "failed" };
  if (job.expired) return { status: "expired", rawState: "expired" };
  if (job.finishedAt) return { status: "completed", rawState: "finished" };
  return { status: "running", rawState: "in progress" };
}

const EXPORT_STATES: Record<string, JobStatus> = {
  Queued: "queued",
  InProgress: "running",
  Successful: "completed",
  Failed: "failed",
  Cancelled: "cancelled",
};

export function exportStatus(state: string | null | undefined): Normalized {
  const raw = state ?? "";
  return { status: EXPORT_STATES[raw] ?? "unknown", rawState: raw || "unknown" };
}

const SHARED_TIER_STATES: Record<string, JobStatus> = {
  PENDING: "queued",
  QUEUED: "queued",
  RUNNING: "running",
  FAILED: "failed",
  COMPLETED: "completed",
};

/** Flex and legacy tenant restores; anything new (the spec itself mentions CLOSED) is "unknown", never an error. */
export function sharedTierStatus(status: string | null | undefined): Normalized {
  const raw = status ?? "";
  return { status: SHARED_TIER_STATES[raw] ?? "unknown", rawState: raw || "unknown" };
}

const COLLECTION_RESTORE_STATES: Record<string, JobStatus> = {
  // Atlas is still preparing (no collection states exist yet): no document has moved, as with a queued export.
  INITIALIZING: "queued",
  IN_PROGRESS: "running",
  // Copying is over and indexes are building: the job is still at work.
  FINALIZING: "running",
  SUCCESSFUL: "completed",
  FAILED: "failed",
  CANCELED: "cancelled",
};

/** Collection restore jobs (ApiAtlasCollectionRestoreJobResponse.state); a state Atlas adds later is "unknown". */
export function collectionRestoreStatus(state: string | null | undefined): Normalized {
  const raw = state ?? "";
  return { status: COLLECTION_RESTORE_STATES[raw] ?? "unknown", rawState: raw || "unknown" };
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(["completed", "failed", "cancelled", "expired"]);
export const isTerminal = (status: JobStatus) => TERMINAL.has(status);
