import { isTerminal } from "./status";
import type { JobStatus } from "./dto";

/** Any Atlas date string as canonical ISO-8601 UTC, or null when absent or unparseable. */
export function toIso(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Finished minus started; for a job still going, now minus started. A job that ended without a
 * finish time (cancelled, expired) has no meaningful duration.
 */
export function durationMs(
  startedAt: string | null,
  finishedAt: string | null,
  status: JobStatus,
  now: Date,
): number | null {
  if (!startedAt) return null;
  const start = Date.parse(startedAt);
  const end = finishedAt
    ? Date.parse(finishedAt)
    : isTerminal(status) || status === "unknown"
      ? Number.NaN
      : now.getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, Math.round(end - start));
}

/** When a job ended, or started if it has not ended (ms; 0 when Atlas gave neither): what windows are judged by. */
export const endedAt = (job: { finishedAt: string | null; startedAt: string | null }) =>
  Date.parse(job.finishedAt ?? job.startedAt ?? "") || 0;

/**
 * When a job ran, in ms: a live job runs to `liveEnd`; one that ended without a finish time is an
 * instant (its duration, if any). Null for a job that has not started. The timeline draws this and
 * a brushed range filters by it, so the bar and the table agree.
 */
export function jobSpan(
  job: { startedAt: string | null; finishedAt: string | null; durationMs: number | null; status: JobStatus },
  liveEnd: number,
): { start: number; end: number } | null {
  const start = Date.parse(job.startedAt ?? "");
  if (Number.isNaN(start)) return null;
  const live = job.status === "running" || job.status === "queued";
  const end = job.finishedAt ? Date.parse(job.finishedAt) : live ? liveEnd : start + (job.durationMs ?? 0);
  return { start, end: Math.max(start, end) };
}

/** Whether a job ran at some point within [from, to]. */
export function ranWithin(job: Parameters<typeof jobSpan>[0], from: number, to: number): boolean {
  const span = jobSpan(job, Infinity);
  return span !== null && span.start <= to && span.end >= from;
}
