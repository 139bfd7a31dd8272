import type { JobStatus } from "../../lib/jobs/dto";
import type { JobRouteKind } from "./routes";

// Written from FACTS.md §9, independently of lib/jobs/status.ts, so a regression there shows here.
const EXPORT: Record<string, JobStatus> = {
  Queued: "queued",
  InProgress: "running",
  Successful: "completed",
  Failed: "failed",
  Cancelled: "cancelled",
};
const SHARED_TIER: Record<string, JobStatus> = {
  PENDING: "queued",
  QUEUED: "queued",
  RUNNING: "running",
  FAILED: "failed",
  COMPLETED: "completed",
};

const COLLECTION_RESTORE: Record<string, JobStatus> = {
  INITIALIZING: "queued",
  IN_PROGRESS: "running",
  FINALIZING: "running",
  SUCCESSFUL: "completed",
  FAILED: "failed",
  CANCELED: "cancelled",
};

/** Raw states the showcase data must cover for each kind, so "every raw state" means every one. */
export const RAW_STATES_TO_COVER: Record<JobRouteKind, string[]> = {
  restore: ["cancelled", "failed", "expired", "finished", "in progress"],
  export: Object.keys(EXPORT),
  "tenant-restore": Object.keys(SHARED_TIER),
  "flex-restore": Object.keys(SHARED_TIER),
  "collection-restore": Object.keys(COLLECTION_RESTORE),
};

/**
 * The normalized status and raw state we expect for one upstream job as Atlas sent it. A Cloud Backup
 * restore job has no state field, only flags and finishedAt: its raw state names the one that decides.
 */
export function expectedStatus(
  kind: JobRouteKind,
  raw: Record<string, unknown>,
): { status: JobStatus; rawState: string } {
  if (kind === "restore") {
    if (raw.cancelled === true) return { status: "cancelled", rawState: "cancelled" };
    if (raw.failed === true) return { status: "failed", rawState: "failed" };
    if (raw.expired === true) return { status: "expired", rawState: "expired" };
    if (raw.finishedAt) return { status: "completed", rawState: "finished" };
    return { status: "running", rawState: "in progress" };
  }
  const state = String(kind === "export" || kind === "collection-restore" ? raw.state : raw.status);
  const table = kind === "export" ? EXPORT : kind === "collection-restore" ? COLLECTION_RESTORE : SHARED_TIER;
  return { status: table[state] ?? "unknown", rawState: state };
}

export function countByStatus(statuses: JobStatus[]): Partial<Record<JobStatus, number>> {
  const counts: Partial<Record<JobStatus, number>> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}
