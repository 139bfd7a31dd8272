import "server-only";
import type { Job } from "@/lib/jobs/dto";
import { isTerminal } from "@/lib/jobs/status";

/** How long each kind of data stays fresh before the collector reads it again. */
export interface Freshness {
  /** A job list (or job) with something still running: progress moves, people are waiting. */
  busyMs: number;
  /** Everything finished: a new job is the only change, and Atlas's budget is better spent elsewhere. */
  idleMs: number;
  /** Projects and clusters change on human timescales. */
  catalogMs: number;
}

export const isBusy = (jobs: readonly Pick<Job, "status">[]) => jobs.some((j) => !isTerminal(j.status));

export const jobsWindow = (f: Freshness, jobs: readonly Pick<Job, "status">[]) => (isBusy(jobs) ? f.busyMs : f.idleMs);
