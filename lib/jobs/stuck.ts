// When a running job is stuck, and why. Pure: the collector's digest (lib/backups/digest.ts) supplies
// what it remembers of a cluster's history; the Now route and the cluster routes call this at read time.
import type { Job, JobKind, Stuck } from "./dto";
import { progressMoving } from "./progress";
import { isTerminal } from "./status";

export interface StuckSettings {
  /** Exports and collection restores: the progress figure (collections exported, documents restored) unchanged this long. */
  noProgressMs: number;
  /** A job is overdue past `factor` times the longest successful run of its kind and delivery type on its cluster... */
  factor: number;
  /** ...but never before this... */
  floorMs: number;
  /** ...and, with no successful run on record, past this for its kind. */
  fallbackMs: Record<JobKind, number>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Defaults: Terraform's own waits (1 h for a snapshot, 3 h for a collection restore) where there is no history. */
export const DEFAULT_STUCK: StuckSettings = {
  noProgressMs: 30 * MINUTE,
  factor: 2,
  floorMs: 30 * MINUTE,
  fallbackMs: {
    restore: 3 * HOUR,
    export: 1 * HOUR,
    "tenant-restore": 1 * HOUR,
    "flex-restore": 1 * HOUR,
    "collection-restore": 3 * HOUR,
  },
};

/** "42 min", "3.1 h", "2.5 d": a span as a DBA reads it in a row. */
export function spanInWords(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 48 * HOUR) return `${(ms / HOUR).toFixed(1)} h`;
  return `${(ms / (24 * HOUR)).toFixed(1)} d`;
}

/** The history key a job's usual duration is kept under: its kind's delivery type, or "-" when it has none. */
export const usualKey = (job: Pick<Job, "deliveryType">) => job.deliveryType ?? "-";

export interface StuckContext {
  /** Longest successful run (ms) of this job's kind and delivery type on its cluster; undefined with no history. */
  usualMs: number | undefined;
  /** Exports and collection restores: when the current progress figure was first seen (lib/backups/digest.ts). */
  progressSince: number | undefined;
}

export function stuckOf(job: Job, ctx: StuckContext, now: number, settings: StuckSettings): Stuck | undefined {
  if (isTerminal(job.status) || job.status === "unknown" || !job.startedAt) return undefined;
  const started = Date.parse(job.startedAt);
  if (!Number.isFinite(started)) return undefined;
  if (ctx.progressSince !== undefined && progressMoving(job)) {
    const still = now - ctx.progressSince;
    if (still >= settings.noProgressMs)
      return {
        reason: "no-progress",
        message: `no progress for ${spanInWords(still)}`,
        since: new Date(ctx.progressSince).toISOString(),
      };
  }
  const elapsed = now - started;
  const limitMs = Math.round(
    ctx.usualMs !== undefined
      ? Math.max(settings.floorMs, settings.factor * ctx.usualMs)
      : settings.fallbackMs[job.kind],
  );
  if (elapsed <= limitMs) return undefined;
  // A job Atlas still has queued has not started its work: say so rather than "running".
  const verb = job.status === "queued" ? "queued" : "running";
  if (ctx.usualMs !== undefined && ctx.usualMs > 0) {
    const ratio = Math.round((elapsed / ctx.usualMs) * 10) / 10;
    return { reason: "overdue", message: `${verb} ${ratio.toFixed(1)}x its usual time`, limitMs, ratio };
  }
  return {
    reason: "overdue",
    message: `${verb} ${spanInWords(elapsed)}, past the ${spanInWords(limitMs)} allowed with no history here`,
    limitMs,
  };
}
