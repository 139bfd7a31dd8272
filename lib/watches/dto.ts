// The watches contract: what /api/watches takes and returns. Browser-safe (routes, the browser
// client and the notifier import it), like lib/jobs/dto.ts.
import { z } from "zod";
import {
  ClusterNameSchema,
  GroupIdSchema,
  JobIdSchema,
  JobKindSchema,
  JobStatusSchema,
  StuckSchema,
} from "@/lib/jobs/dto";

/** Watches one user may hold at once; one more is a 409. */
export const MAX_WATCHES = 50;

const isoDate = z.string().datetime({ offset: true });

/** One job, named as the cluster routes name it. Strict: a stray field is a mistake, not ignored. */
export const WatchTargetSchema = z
  .object({ groupId: GroupIdSchema, clusterName: ClusterNameSchema, kind: JobKindSchema, jobId: JobIdSchema })
  .strict();
export type WatchTarget = z.infer<typeof WatchTargetSchema>;

/** What a watch tells its viewer about: the job ended (its terminal status), or it was flagged stuck. */
export const WATCH_OUTCOMES = ["completed", "failed", "cancelled", "expired", "stuck"] as const;
export const WatchOutcomeSchema = z.enum(WATCH_OUTCOMES);
export type WatchOutcome = z.infer<typeof WatchOutcomeSchema>;

/** PUT /api/watches/notified: this outcome of this watch has been shown; no tab shows it again. */
export const NotifiedBodySchema = WatchTargetSchema.extend({ outcome: WatchOutcomeSchema }).strict();
export type NotifiedBody = z.infer<typeof NotifiedBodySchema>;

/** The watched job as the read model holds it now; `read: false` while its list was never read. */
export const WatchedJobStateSchema = z.object({
  read: z.boolean(),
  /** null: not read yet, or the list no longer has this job. */
  status: JobStatusSchema.nullable(),
  rawState: z.string().nullable(),
  stuck: StuckSchema.optional(),
  endedAt: isoDate.nullable(),
  fetchedAt: isoDate.nullable(),
});
export type WatchedJobState = z.infer<typeof WatchedJobStateSchema>;

export const WatchSchema = WatchTargetSchema.extend({
  watchedAt: isoDate,
  expiresAt: isoDate,
  state: WatchedJobStateSchema,
  /** What there is to tell: a terminal status, else "stuck", else null (still going). */
  outcome: WatchOutcomeSchema.nullable(),
  /** The outcome last shown to this user, and when; null before the first. */
  notified: z.object({ outcome: WatchOutcomeSchema, at: isoDate }).nullable(),
}).strict();
export type Watch = z.infer<typeof WatchSchema>;

export const WatchListSchema = z.object({
  items: z.array(WatchSchema),
  max: z.number().int().positive(),
  generatedAt: isoDate,
});
export type WatchList = z.infer<typeof WatchListSchema>;
