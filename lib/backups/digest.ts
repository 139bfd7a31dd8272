import "server-only";
import { endedAt } from "@/lib/jobs/timing";
import { z } from "zod";
import { JobSchema, type Job } from "@/lib/jobs/dto";
import { progressFigure, progressMoving } from "@/lib/jobs/progress";
import { isTerminal } from "@/lib/jobs/status";
import { usualKey } from "@/lib/jobs/stuck";
import type { Digest } from "@/lib/store/read-model";

/** The longest window the Now page offers: a digest keeps the jobs that can show in it. */
export const DIGEST_SPAN_MS = 7 * 24 * 3_600_000;

/**
 * What the whole-estate view keeps of one cluster's job list of one kind: the jobs that can appear
 * on Now (still going, or ended within the longest window), the longest successful run per delivery
 * type (the stuck rule's "usual time"), when each running job's progress figure last moved (an
 * export's collections, a collection restore's documents: knowing needs two reads), and every job id.
 */
export const JobsDigestSchema = z.object({
  jobs: z.array(JobSchema),
  usualMs: z.record(z.string(), z.number().int().nonnegative()),
  progress: z.record(z.string(), z.object({ done: z.number().int(), since: z.number() })),
  /** Every job id of the list, comma-separated (a string, not an array: cheap to store and to parse). */
  ids: z.string(),
});
export type JobsDigest = z.infer<typeof JobsDigestSchema>;

export function makeJobsDigest(jobs: readonly Job[], previous: JobsDigest | undefined, at: number): JobsDigest {
  const usualMs: Record<string, number> = {};
  const progress: JobsDigest["progress"] = {};
  const recent: Job[] = [];
  for (const job of jobs) {
    if (job.status === "completed" && job.durationMs !== null) {
      const key = usualKey(job);
      usualMs[key] = Math.max(usualMs[key] ?? 0, job.durationMs);
    }
    const going = !isTerminal(job.status);
    if (going || endedAt(job) >= at - DIGEST_SPAN_MS) recent.push(job);
    const figure = going && progressMoving(job) ? progressFigure(job) : null;
    if (figure) {
      const before = previous?.progress[job.id];
      const { done } = figure;
      progress[job.id] = { done, since: before && before.done === done ? before.since : at };
    }
  }
  return { jobs: recent, usualMs, progress, ids: jobs.map((j) => j.id).join(",") };
}

export const jobsDigest: Digest<{ jobs: Job[] }, JobsDigest> = {
  // 2: `progress` holds any kind's figure as `done` (was exports' `exported`).
  shape: 2,
  schema: JobsDigestSchema,
  make: (value, previous, at) => makeJobsDigest(value.jobs, previous, at),
};
