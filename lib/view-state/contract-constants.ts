// The dto.ts enums the browser needs, without zod: importing a value from dto.ts pulls zod
// (~30 kB gzipped) into the page's first load. Types tie them to dto.ts; a unit test checks the values.
import type { CollectionState, JobKind, JobStatus } from "@/lib/jobs/dto";

export const JOB_KINDS = [
  "restore",
  "export",
  "tenant-restore",
  "flex-restore",
  "collection-restore",
] as const satisfies readonly JobKind[];
export const JOB_STATUSES = [
  "queued",
  "running",
  "completed",
  "failed",
  "cancelled",
  "expired",
  "unknown",
] as const satisfies readonly JobStatus[];
export const SORT_FIELDS = ["startedAt", "finishedAt"] as const;
export const OBJECT_ID = /^[a-f0-9]{24}$/;
export const MAX_PAGE_SIZE = 500;
export const COLLECTION_STATES = [
  "NOT_STARTED",
  "IN_PROGRESS",
  "FINALIZING",
  "NOT_FOUND",
  "UNSUPPORTED",
  "SUCCESSFUL",
  "ROLLBACK",
  "NOT_RESTORED",
  "FAILED",
  "INDEX_BUILD_FAILED",
] as const satisfies readonly CollectionState[];
export const NOT_RESTORED_STATES = [
  "NOT_FOUND",
  "UNSUPPORTED",
  "ROLLBACK",
  "NOT_RESTORED",
  "FAILED",
] as const satisfies readonly CollectionState[];
