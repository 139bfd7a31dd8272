// Job state as a pure function of simulated time (seconds). Nothing is stored when time passes.
import type { ExportRec, PhasedRec, PhasedStatus, RestoreRec } from "./data/types";

export type RestoreState = "inProgress" | "completed" | "failed" | "cancelled" | "expired";

export interface RestoreView {
  state: RestoreState;
  finishedAt?: number;
  expiresAt?: number;
}

/**
 * Exactly one terminal marker once the job ends (spec: DiskBackupSnapshotRestoreJob has flags, no
 * state): cancelled, failed, or finishedAt (plus expiresAt for download links, and expired once that
 * passes).
 */
export function restoreAt(rec: RestoreRec, now: number): RestoreView {
  const end = rec.t0 + rec.runSec;
  if (rec.cancelledAt !== undefined && rec.cancelledAt < end && now >= rec.cancelledAt) return { state: "cancelled" };
  if (now < end) return { state: "inProgress" };
  if (rec.outcome === "failed") return { state: "failed" };
  if (rec.outcome === "cancelled") return { state: "cancelled" };
  if (rec.delivery !== "download") return { state: "completed", finishedAt: end };
  const expiresAt = end + rec.linkTtlSec;
  return { state: now >= expiresAt ? "expired" : "completed", finishedAt: end, expiresAt };
}

export function isCancellable(rec: RestoreRec, now: number): boolean {
  return restoreAt(rec, now).state === "inProgress";
}

export interface ExportView {
  state: "Queued" | "InProgress" | "Successful" | "Failed" | "Cancelled";
  exported: number;
  finishedAt?: number;
}

export function exportAt(rec: ExportRec, now: number): ExportView {
  const started = rec.t0 + rec.queueSec;
  if (now < started) return { state: "Queued", exported: 0 };
  const stopAt = rec.outcome === "Successful" ? rec.runSec : Math.max(1, Math.floor(rec.runSec * rec.stopFraction));
  const elapsed = now - started;
  if (elapsed < stopAt)
    return { state: "InProgress", exported: Math.min(rec.total - 1, Math.floor((rec.total * elapsed) / rec.runSec)) };
  if (rec.outcome === "Successful") return { state: "Successful", exported: rec.total, finishedAt: started + stopAt };
  return { state: rec.outcome, exported: Math.floor(rec.total * rec.stopFraction), finishedAt: started + stopAt };
}

export interface PhasedView {
  status: PhasedStatus;
  finishedAt?: number;
}

export function phasedAt(rec: PhasedRec, now: number): PhasedView {
  const queuedAt = rec.t0 + rec.pendingSec;
  const runningAt = queuedAt + rec.queuedSec;
  const end = runningAt + rec.runSec;
  if (now < queuedAt) return { status: "PENDING" };
  if (now < runningAt) return { status: "QUEUED" };
  if (now < end) return { status: "RUNNING" };
  return { status: rec.outcome, finishedAt: end };
}
