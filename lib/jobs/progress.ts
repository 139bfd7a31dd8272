import type { DocumentProgress, Job, Progress } from "./dto";

/** Export progress in collections; percent has one decimal and is null until Atlas reports a total. */
export function exportProgress(exported: number | null | undefined, total: number | null | undefined): Progress | null {
  if (exported == null && total == null) return null;
  const done = Math.max(0, exported ?? 0);
  const all = Math.max(0, total ?? 0);
  return { exported: done, total: all, percent: percentOf(done, all) };
}

const percentOf = (done: number, all: number) => (all > 0 ? Math.min(100, Math.round((done / all) * 1000) / 10) : null);

/**
 * A collection restore's documents. Atlas's total may be an estimate while the job runs and be
 * revised either way (spec), so restored may pass it: the percent is then capped at 100, not wrong.
 */
export function documentProgress(
  restored: number | null | undefined,
  total: number | null | undefined,
): DocumentProgress | null {
  if (restored == null && total == null) return null;
  const done = Math.max(0, restored ?? 0);
  const all = Math.max(0, total ?? 0);
  return { restored: done, total: all, percent: percentOf(done, all) };
}

/** The figure a job's progress is measured by, in its unit, for the progress bar, ETA and stuck rule. */
export interface ProgressFigure {
  done: number;
  total: number;
  percent: number | null;
  unit: "collections" | "documents";
}

/**
 * Exports count collections exported; collection restores count documents restored, but only while
 * copying (IN_PROGRESS): once FINALIZING, the documents are all in and indexes build, so the figure
 * standing still is not a stall. Every other kind reports no progress.
 */
export function progressFigure(job: Job): ProgressFigure | null {
  if (job.kind === "export" && job.progress) {
    const { exported, total, percent } = job.progress;
    return { done: exported, total, percent, unit: "collections" };
  }
  if (job.kind === "collection-restore" && job.progress) {
    const { restored, total, percent } = job.progress;
    return { done: restored, total, percent, unit: "documents" };
  }
  return null;
}

/** Whether a job's figure is expected to move now (the no-progress rule and ETAs apply). */
export const progressMoving = (job: Job) =>
  job.status === "running" && (job.kind !== "collection-restore" || job.rawState === "IN_PROGRESS");

export interface ProgressObservation {
  /** Epoch milliseconds of the observation. */
  at: number;
  /** The progress figure then (collections exported, documents restored). */
  done: number;
}

/**
 * Milliseconds until a job's figure reaches its total, extrapolating the rate between two observations.
 * Null when the rate cannot be known (no progress yet, time not moving forward, no total).
 */
export function estimateTimeLeft(
  earlier: ProgressObservation,
  later: ProgressObservation,
  total: number,
): number | null {
  if (total <= 0) return null;
  if (later.done >= total) return 0;
  const elapsed = later.at - earlier.at;
  const advanced = later.done - earlier.done;
  if (elapsed <= 0 || advanced <= 0) return null;
  return Math.round(((total - later.done) * elapsed) / advanced);
}
