// The Now view's contract: what GET /api/now takes and returns. Browser-safe (routes, pages and the
// browser client import it), like lib/jobs/dto.ts.
import { z } from "zod";
import {
  ClusterTierSchema,
  GroupIdSchema,
  JobIdSchema,
  JobKindSchema,
  JobSchema,
  JobStatusSchema,
  StuckSchema,
  queryList,
} from "@/lib/jobs/dto";

export const NOW_WINDOWS = ["1h", "6h", "24h", "7d"] as const;
export const NowWindowSchema = z.enum(NOW_WINDOWS);
export type NowWindow = z.infer<typeof NowWindowSchema>;
export const NOW_WINDOW_MS: Record<NowWindow, number> = {
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "24h": 24 * 3_600_000,
  "7d": 7 * 24 * 3_600_000,
};

/**
 * Running: not yet terminal. Attention: failed, cancelled or expired in the window (or a state we do not
 * know). Finished: completed in the window. A stuck job is `running` and also counts and filters as attention.
 */
export const NOW_SECTIONS = ["running", "attention", "finished"] as const;
export const NowSectionSchema = z.enum(NOW_SECTIONS);
export type NowSection = z.infer<typeof NowSectionSchema>;

export const NOW_GROUPINGS = ["none", "project", "cluster"] as const;
export const NOW_SORTS = ["newest", "oldest", "longest", "cluster"] as const;

export { STUCK_REASONS, StuckSchema, type Stuck } from "@/lib/jobs/dto";

/** One job on the Now page: the same job DTO as the cluster routes, placed in the estate. */
export const NowRowSchema = z.object({
  section: NowSectionSchema,
  projectName: z.string(),
  clusterTier: ClusterTierSchema,
  job: JobSchema,
  stuck: StuckSchema.optional(),
  /** Exports: expected finish from the progress so far; null when it cannot be told. */
  eta: z.string().datetime({ offset: true }).nullable(),
});
export type NowRow = z.infer<typeof NowRowSchema>;

const countsByStatus = z.record(JobStatusSchema, z.number().int().nonnegative());

/** Freshness of one cluster-and-kind list (or a project's cluster list) that the picture is missing or holds old. */
export const CoverageGapSchema = z.object({
  groupId: GroupIdSchema,
  projectName: z.string(),
  /** Absent for a project whose cluster list itself cannot be read. */
  clusterName: z.string().optional(),
  kind: JobKindSchema.optional(),
  state: z.enum(["stale", "unread", "failing"]),
  /** Atlas's status and errorCode of the last failed read, if any. */
  status: z.number().int().nullable(),
  errorCode: z.string().nullable(),
  detail: z.string().nullable(),
  since: z.string().datetime({ offset: true }).nullable(),
});
export type CoverageGap = z.infer<typeof CoverageGapSchema>;

export const CoverageSchema = z.object({
  /** Present when the project list itself is not read yet, or its last read failed. */
  catalog: z
    .object({
      state: z.enum(["stale", "unread", "failing"]),
      status: z.number().int().nullable(),
      errorCode: z.string().nullable(),
      detail: z.string().nullable(),
      since: z.string().datetime({ offset: true }).nullable(),
    })
    .optional(),
  projects: z.number().int().nonnegative(),
  /** Projects whose cluster list has been read. */
  projectsRead: z.number().int().nonnegative(),
  clusters: z.number().int().nonnegative(),
  /** Cluster-and-kind job lists: every list the picture is made of. */
  lists: z.object({
    total: z.number().int().nonnegative(),
    fresh: z.number().int().nonnegative(),
    stale: z.number().int().nonnegative(),
    unread: z.number().int().nonnegative(),
    /** Lists Atlas no longer serves at all (the shared-tier sunset): known empty, outside the total. */
    retired: z.number().int().nonnegative(),
  }),
  /** Stale lists by Atlas errorCode (or BACKWATCH_BUDGET, TIMEOUT, ...). */
  staleByCode: z.record(z.string(), z.number().int().nonnegative()),
  /** Every project that cannot be read, and the first stale or unread lists (capped, see gapsTruncated). */
  gaps: z.array(CoverageGapSchema),
  gapsTruncated: z.boolean(),
  /** When the oldest data on screen left Atlas; null before anything was read. */
  oldestFetchedAt: z.string().datetime({ offset: true }).nullable(),
});
export type Coverage = z.infer<typeof CoverageSchema>;

export const NowResponseSchema = z.object({
  generatedAt: z.string().datetime({ offset: true }),
  window: z.object({ key: NowWindowSchema, from: z.string().datetime({ offset: true }) }),
  /** Over the whole window, before the kind, status, stuck and section filters (so each count is a filter to click). */
  counts: z.object({
    byKind: z.record(JobKindSchema, countsByStatus),
    bySection: z.record(NowSectionSchema, z.number().int().nonnegative()),
    stuck: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** The filtered rows, in the chosen sort order (all of them: the page virtualises). */
  rows: z.array(NowRowSchema),
  coverage: CoverageSchema,
});
export type NowResponse = z.infer<typeof NowResponseSchema>;

export const NowQuerySchema = z.strictObject({
  window: NowWindowSchema.default("24h"),
  kind: queryList(JobKindSchema),
  status: queryList(JobStatusSchema),
  section: queryList(NowSectionSchema),
  /** Only stuck jobs. */
  stuck: z.enum(["true", "false"]).optional(),
  project: queryList(GroupIdSchema),
  /** Substring of the cluster or project name, case-insensitive. */
  q: z.string().max(100).optional(),
  sort: z.enum(NOW_SORTS).default("newest"),
  /** Accepted so the page's URL and the route's agree; the route's row order is the sort's. */
  group: z.enum(NOW_GROUPINGS).default("none"),
});
export type NowQuery = z.infer<typeof NowQuerySchema>;

/** GET /api/now/find?id=: where in the estate a job id is. */
export const FindQuerySchema = z.strictObject({ id: JobIdSchema });
export const FindResponseSchema = z.object({
  kind: JobKindSchema,
  groupId: GroupIdSchema,
  clusterName: z.string(),
  jobId: JobIdSchema,
  /** The cluster page with the job open. */
  href: z.string(),
});
export type FindResponse = z.infer<typeof FindResponseSchema>;
