// Our own API's contract: the shapes /api/* returns and the query strings it takes.
// Browser-safe: imported by route handlers, pages and the browser API client alike.
import { z } from "zod";
import { EVENT_WINDOWS } from "./events";

export const OBJECT_ID = /^[a-f0-9]{24}$/;
export const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;

export const GroupIdSchema = z.string().regex(OBJECT_ID, "must be a 24-character hexadecimal project id");
export const ClusterNameSchema = z
  .string()
  .max(64)
  .regex(CLUSTER_NAME, "must start with a letter or digit and contain only letters, digits and hyphens");
export const JobIdSchema = z.string().regex(OBJECT_ID, "must be a 24-character hexadecimal job id");

export const JOB_KINDS = ["restore", "export", "tenant-restore", "flex-restore", "collection-restore"] as const;
export const JobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKindSchema>;

/** One normalized status shared by every job kind; the raw Atlas state travels beside it. */
export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled", "expired", "unknown"] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const CLUSTER_TIERS = ["dedicated", "shared", "flex"] as const;
export const ClusterTierSchema = z.enum(CLUSTER_TIERS);
export type ClusterTier = z.infer<typeof ClusterTierSchema>;

const isoDate = z.string().datetime({ offset: true });

export const ProgressSchema = z.object({
  exported: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** 0..100, one decimal; null when Atlas has not reported a total yet. */
  percent: z.number().min(0).max(100).nullable(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** A collection restore's documents: `total` may be Atlas's estimate while the job runs (spec), so percent is capped at 100. */
export const DocumentProgressSchema = z.object({
  restored: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  percent: z.number().min(0).max(100).nullable(),
});
export type DocumentProgress = z.infer<typeof DocumentProgressSchema>;

/**
 * Atlas's per-collection states (ApiAtlasCollectionRestoreCollectionStateResponse.state). The job's
 * own state has no partial value, so a SUCCESSFUL job may still hold collections in these.
 */
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
] as const;
export const CollectionStateSchema = z.enum(COLLECTION_STATES);
export type CollectionState = z.infer<typeof CollectionStateSchema>;
/** What Backwatch counts as "not restored": no data reached the target. INDEX_BUILD_FAILED has its data, so it is told apart. */
export const NOT_RESTORED_STATES = ["NOT_FOUND", "UNSUPPORTED", "ROLLBACK", "NOT_RESTORED", "FAILED"] as const;

/** How a job's collections ended, from Atlas's collections list (read with the job's detail, never for a list). */
export const CollectionSummarySchema = z.object({
  total: z.number().int().nonnegative(),
  /** Collections in NOT_RESTORED_STATES. */
  notRestored: z.number().int().nonnegative(),
  /** Collections per Atlas state, as Atlas spells it (a state Atlas adds later is counted too). */
  byState: z.record(z.string(), z.number().int().nonnegative()),
});
export type CollectionSummary = z.infer<typeof CollectionSummarySchema>;

const JobBaseSchema = z.object({
  id: JobIdSchema,
  groupId: GroupIdSchema,
  clusterName: z.string(),
  status: JobStatusSchema,
  /** Atlas's own state as sent (export `state`, flex/tenant `status`, or the restore job's flags summarised). */
  rawState: z.string(),
  deliveryType: z.string().nullable(),
  snapshotId: z.string().nullable(),
  startedAt: isoDate.nullable(),
  finishedAt: isoDate.nullable(),
  /** Finished minus started; for a running job, now minus started at fetch time. */
  durationMs: z.number().int().nonnegative().nullable(),
  expiresAt: isoDate.nullable(),
  /** True when Atlas holds a download/delivery URL for this job (the URL itself is never in a list or for a viewer). */
  hasDownloadUrl: z.boolean(),
});

const PointInTimeSchema = z.object({
  utcSeconds: z.number().int().nullable(),
  oplogTs: z.number().int().nullable(),
  oplogInc: z.number().int().nullable(),
});
const TargetSchema = z.object({ groupId: z.string().nullable(), clusterName: z.string().nullable() });

export const RestoreJobSchema = JobBaseSchema.extend({
  kind: z.literal("restore"),
  /** When the source snapshot was taken. */
  snapshotTakenAt: isoDate.nullable(),
  pointInTime: PointInTimeSchema.nullable(),
  target: TargetSchema.nullable(),
});

export const ExportJobSchema = JobBaseSchema.extend({
  kind: z.literal("export"),
  progress: ProgressSchema.nullable(),
  stateReason: z.object({ errorCode: z.string().nullable(), message: z.string().nullable() }).nullable(),
  exportBucketId: z.string().nullable(),
  prefix: z.string().nullable(),
  customData: z.array(z.object({ key: z.string(), value: z.string() })),
});

const SharedTierRestoreFields = {
  targetProjectId: z.string().nullable(),
  targetDeploymentItemName: z.string().nullable(),
  snapshotFinishedAt: isoDate.nullable(),
};

export const TenantRestoreJobSchema = JobBaseSchema.extend({
  kind: z.literal("tenant-restore"),
  ...SharedTierRestoreFields,
});

export const FlexRestoreJobSchema = JobBaseSchema.extend({
  kind: z.literal("flex-restore"),
  ...SharedTierRestoreFields,
});

/** One namespace asked for: a collection (`db.coll`) or a whole database; `target` null means the source's name. */
const NamespaceSchema = z.object({
  scope: z.enum(["collection", "database"]),
  source: z.string(),
  target: z.string().nullable(),
});

export const CollectionRestoreJobSchema = JobBaseSchema.extend({
  kind: z.literal("collection-restore"),
  namespaces: z.array(NamespaceSchema),
  collectionSuffix: z.string().nullable(),
  databaseSuffix: z.string().nullable(),
  target: TargetSchema.nullable(),
  pointInTime: PointInTimeSchema.nullable(),
  writeStrategy: z.string().nullable(),
  indexStrategy: z.string().nullable(),
  progress: DocumentProgressSchema.nullable(),
  indexBuild: z.object({ state: z.string().nullable(), failedCollectionCount: z.number().int().nullable() }).nullable(),
  /** Atlas fills it when the job failed or was cancelled. */
  errorMessage: z.string().nullable(),
  /** Null in job lists: only a job's detail reads its collections list. */
  collections: CollectionSummarySchema.nullable(),
});

export const JobSchema = z.discriminatedUnion("kind", [
  RestoreJobSchema,
  ExportJobSchema,
  TenantRestoreJobSchema,
  FlexRestoreJobSchema,
  CollectionRestoreJobSchema,
]);
export type Job = z.infer<typeof JobSchema>;
export type RestoreJob = z.infer<typeof RestoreJobSchema>;
export type ExportJob = z.infer<typeof ExportJobSchema>;
export type CollectionRestoreJob = z.infer<typeof CollectionRestoreJobSchema>;

/** Present on tenant-restore responses: the endpoints are deprecated upstream. */
export const DeprecationSchema = z.object({
  sunset: z.literal("2026-01-22"),
  /** True when Atlas no longer serves the endpoint (410 VERSION_GONE): the list is empty by necessity, not by fact. */
  retired: z.boolean(),
  message: z.string(),
  successor: z.object({ kind: z.literal("flex-restore"), clusterName: z.string(), exists: z.boolean() }),
});
export type Deprecation = z.infer<typeof DeprecationSchema>;

/**
 * Present when the last refresh from Atlas failed: the data beside it is the last good answer, as
 * old as its fetchedAt says, and this is why it is not newer (Atlas's own errorCode when it sent one).
 */
export const StaleSchema = z.object({
  since: isoDate,
  status: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
  retryAfterSeconds: z.number().optional(),
});
export type Stale = z.infer<typeof StaleSchema>;

/** Why a running job is flagged: its progress has not moved, or it has run far longer than usual. */
export const STUCK_REASONS = ["no-progress", "overdue"] as const;
export const StuckSchema = z.object({
  reason: z.enum(STUCK_REASONS),
  /** In words: "no progress for 42 min", "running 3.1x its usual time". */
  message: z.string(),
  /** no-progress: since when the progress figure has not moved. */
  since: isoDate.optional(),
  /** overdue: the limit the job passed, and elapsed / usual when there is a history. */
  limitMs: z.number().int().nonnegative().optional(),
  ratio: z.number().nonnegative().optional(),
});
export type Stuck = z.infer<typeof StuckSchema>;

export const StatusCountsSchema = z.record(JobStatusSchema, z.number().int().nonnegative());

export const JobListSchema = z.object({
  items: z.array(JobSchema),
  totalCount: z.number().int().nonnegative(),
  /** Exact per-status counts over the cluster's whole job list of this kind (before the status filter). */
  counts: StatusCountsSchema,
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  /** When the data left Atlas (may be older than the request if served from cache). */
  fetchedAt: isoDate,
  stale: StaleSchema.optional(),
  deprecation: DeprecationSchema.optional(),
  /** Running jobs of this page that are stuck, by job id (the same rule as the Now page). */
  stuck: z.record(z.string(), StuckSchema).optional(),
});
export type JobList = z.infer<typeof JobListSchema>;

export const JobDetailSchema = z.object({
  job: JobSchema,
  /** Atlas's own JSON for the job, with every URL field and every URL that grants access replaced by "[redacted]". */
  raw: z.record(z.string(), z.unknown()),
  fetchedAt: isoDate,
  stale: StaleSchema.optional(),
  deprecation: DeprecationSchema.optional(),
});
export type JobDetail = z.infer<typeof JobDetailSchema>;

export const DownloadLinksSchema = z.object({
  jobId: JobIdSchema,
  urls: z.array(z.object({ label: z.string(), url: z.string().url() })),
  expiresAt: isoDate.nullable(),
  fetchedAt: isoDate,
});
export type DownloadLinks = z.infer<typeof DownloadLinksSchema>;

export const ProjectSchema = z.object({
  id: GroupIdSchema,
  name: z.string(),
  orgId: z.string(),
  clusterCount: z.number().int().nonnegative(),
  createdAt: isoDate.nullable(),
});
export type Project = z.infer<typeof ProjectSchema>;
export const ProjectListSchema = z.object({
  items: z.array(ProjectSchema),
  fetchedAt: isoDate,
  stale: StaleSchema.optional(),
});
export type ProjectList = z.infer<typeof ProjectListSchema>;

export const ClusterSchema = z.object({
  name: z.string(),
  groupId: GroupIdSchema,
  tier: ClusterTierSchema,
  /** e.g. "M30", "M2", "M5" or "FLEX". */
  instanceSize: z.string().nullable(),
  provider: z.string().nullable(),
  stateName: z.string().nullable(),
  paused: z.boolean(),
  backupEnabled: z.boolean(),
  /** The job kinds that apply to this cluster, in tab order. */
  jobKinds: z.array(JobKindSchema),
  /** For a shared-tier cluster: whether a Flex cluster of the same name exists (its successor). */
  flexSuccessor: z.boolean().optional(),
});
export type Cluster = z.infer<typeof ClusterSchema>;
export const ClusterListSchema = z.object({
  items: z.array(ClusterSchema),
  fetchedAt: isoDate,
  stale: StaleSchema.optional(),
});
export type ClusterList = z.infer<typeof ClusterListSchema>;

// ---- Atlas's backup events of one cluster --------------------------------------------------

export const EventWindowSchema = z.enum(EVENT_WINDOWS);

export const ClusterEventSchema = z.object({
  id: z.string(),
  /** Atlas's eventTypeName, one of BACKUP_EVENT_TYPES (lib/jobs/events.ts). */
  type: z.string(),
  at: isoDate,
});
export type ClusterEvent = z.infer<typeof ClusterEventSchema>;

export const ClusterEventsSchema = z.object({
  items: z.array(ClusterEventSchema),
  /** The window's start: Atlas was asked for events from here to when it answered (fetchedAt). */
  from: isoDate,
  fetchedAt: isoDate,
  stale: StaleSchema.optional(),
});
export type ClusterEvents = z.infer<typeof ClusterEventsSchema>;

export const ClusterEventsQuerySchema = z.object({ window: EventWindowSchema.default("24h") });

// ---- query strings ----------------------------------------------------------------------

export const SORT_FIELDS = ["startedAt", "finishedAt"] as const;
export const SortFieldSchema = z.enum(SORT_FIELDS);
export const SortDirSchema = z.enum(["asc", "desc"]);

/** A query list: repeated (`?status=failed&status=running`) or comma-separated, each item validated. */
export const queryList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === undefined || value === null || value === "") return [];
    const values = Array.isArray(value) ? value : [value];
    return values
      .flatMap((v) => String(v).split(","))
      .map((v) => v.trim())
      .filter(Boolean);
  }, z.array(item));

const statusList = queryList(JobStatusSchema);

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** A brushed time range (ISO instants): jobs that ran at some point within it. */
const rangeEnd = isoDate.optional();

export const JobListQuerySchema = z
  .object({
    status: statusList,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    sort: SortFieldSchema.default("startedAt"),
    dir: SortDirSchema.default("desc"),
    from: rangeEnd,
    to: rangeEnd,
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: "from must not be after to",
    path: ["from"],
  });
export type JobListQuery = z.infer<typeof JobListQuerySchema>;

/** The per-collection list of one collection restore: Atlas's own paging, passed through, and its `state` filter. */
export const CollectionListQuerySchema = z.object({
  state: CollectionStateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type CollectionListQuery = z.infer<typeof CollectionListQuerySchema>;

export const RestoredCollectionSchema = z.object({
  sourceNamespace: z.string(),
  targetNamespace: z.string().nullable(),
  /** Where the data went (after a conflict rename, say); the target asked for when Atlas does not say. */
  effectiveTargetNamespace: z.string().nullable(),
  state: z.string(),
  restoredDocuments: z.number().int().nonnegative().nullable(),
  totalDocuments: z.number().int().nonnegative().nullable(),
  indexState: z.string().nullable(),
  indexError: z.string().nullable(),
  /** The names of the indexes that failed to build (Atlas sends each index's definition; the raw JSON has it). */
  failedIndexes: z.array(z.string()),
});
export type RestoredCollection = z.infer<typeof RestoredCollectionSchema>;

export const CollectionListSchema = z.object({
  items: z.array(RestoredCollectionSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  /** Atlas's totalCount when it sends one (the spec gives this list no includeCount), else null. */
  totalCount: z.number().int().nonnegative().nullable(),
  hasNext: z.boolean(),
  fetchedAt: isoDate,
  stale: StaleSchema.optional(),
});
export type CollectionList = z.infer<typeof CollectionListSchema>;

// ---- the one error envelope ---------------------------------------------------------------

export const ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RETIRED",
  "UPSTREAM_AUTH",
  "UPSTREAM_BAD_RESPONSE",
  "UPSTREAM_ERROR",
  "RATE_LIMITED",
  "UPSTREAM_TIMEOUT",
  "INTERNAL",
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    status: z.number().int(),
    code: ErrorCodeSchema,
    message: z.string(),
    /** Atlas's own error, passed through because a DBA in an incident needs it. */
    atlas: z.object({ errorCode: z.string(), detail: z.string().nullable() }).optional(),
    /** Which input failed validation, for 400s. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;
