// Collection restore job state as a pure function of simulated time, like lifecycle.ts for the older
// kinds. INITIALIZING -> IN_PROGRESS -> FINALIZING -> SUCCESSFUL, or FAILED / CANCELED part way.
import type { CollectionPlan, CollectionRestoreRec } from "./data/collection-types";

export type CollectionJobState = "INITIALIZING" | "IN_PROGRESS" | "FINALIZING" | "SUCCESSFUL" | "CANCELED" | "FAILED";
/** Every per-collection state the spec names. */
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
export type CollectionState = (typeof COLLECTION_STATES)[number];
export type IndexState = "NOT_STARTED" | "IN_PROGRESS" | "SUCCESSFUL" | "FAILED" | "NOT_RESTORED";

export interface CollectionView {
  plan: CollectionPlan;
  state: CollectionState;
  restored: number;
  total: number;
  indexState: IndexState;
}

export interface CollectionJobView {
  state: CollectionJobState;
  finishedAt?: number;
  restored: number;
  total: number;
  indexState: IndexState;
  failedCollectionCount: number;
  /** Empty while INITIALIZING: "collection-level states have not yet been created" (spec). */
  collections: CollectionView[];
}

export const isTerminal = (s: CollectionJobState) => s === "SUCCESSFUL" || s === "FAILED" || s === "CANCELED";

export function collectionJobTimes(rec: CollectionRestoreRec) {
  const runStart = rec.t0 + rec.initSec;
  const runEnd = runStart + rec.runSec;
  const end = rec.outcome === "SUCCESSFUL" ? runEnd + rec.finalizeSec : runStart + Math.floor(rec.stopAt * rec.runSec);
  return { runStart, runEnd, end };
}

function indexWhenDone(rec: CollectionRestoreRec, state: CollectionState): IndexState {
  if (rec.indexStrategy === "NONE") return "NOT_RESTORED";
  if (state === "SUCCESSFUL") return "SUCCESSFUL";
  if (state === "INDEX_BUILD_FAILED") return "FAILED";
  return "NOT_RESTORED";
}

/**
 * [DERIVED] The spec names the states, not their rules. Here: while running, a collection waits,
 * copies, then builds its indexes (FINALIZING). When a job FAILS, what it already wrote is rolled
 * back (ROLLBACK), the collection it was copying FAILED, and the rest are NOT_RESTORED; when it is
 * CANCELED, finished collections stay, the one being copied is rolled back, the rest NOT_RESTORED.
 */
function collectionAt(rec: CollectionRestoreRec, p: CollectionPlan, share: number, stopped: boolean): CollectionView {
  const view = (state: CollectionState, restored: number, total = p.total, indexState?: IndexState) => ({
    plan: p,
    state,
    restored,
    total,
    indexState: indexState ?? indexWhenDone(rec, state),
  });
  if (p.final === "NOT_FOUND" || p.final === "UNSUPPORTED") return view(p.final, 0, 0);
  const copied = (at: number) =>
    Math.min(p.total - 1, Math.floor((p.total * (at - p.start)) / Math.max(1e-12, p.copyEnd - p.start)));
  if (stopped) {
    const failed = rec.outcome === "FAILED";
    if (share >= p.end) return failed ? view("ROLLBACK", 0) : view(p.final, p.total);
    if (share >= p.start) return failed ? view("FAILED", Math.max(0, copied(share))) : view("ROLLBACK", 0);
    return view("NOT_RESTORED", 0, p.estimate);
  }
  const building = rec.indexStrategy === "NONE" ? "NOT_RESTORED" : "IN_PROGRESS";
  const waiting = rec.indexStrategy === "NONE" ? "NOT_RESTORED" : "NOT_STARTED";
  if (share < p.start) return view("NOT_STARTED", 0, p.estimate, waiting);
  if (share < p.copyEnd) return view("IN_PROGRESS", Math.max(0, copied(share)), p.total, waiting);
  if (share < p.end) return view("FINALIZING", p.total, p.total, building);
  return view(p.final, p.total);
}

function jobIndexState(rec: CollectionRestoreRec, state: CollectionJobState, cs: CollectionView[]): IndexState {
  if (rec.indexStrategy === "NONE") return "NOT_RESTORED";
  if (cs.some((c) => c.indexState === "FAILED")) return "FAILED";
  if (state === "INITIALIZING") return "NOT_STARTED";
  if (state === "SUCCESSFUL") return "SUCCESSFUL";
  if (isTerminal(state)) return cs.some((c) => c.indexState === "SUCCESSFUL") ? "SUCCESSFUL" : "NOT_RESTORED";
  return cs.some((c) => c.indexState !== "NOT_STARTED" && c.indexState !== "NOT_RESTORED")
    ? "IN_PROGRESS"
    : "NOT_STARTED";
}

export function collectionJobAt(rec: CollectionRestoreRec, now: number): CollectionJobView {
  const { runStart, runEnd, end } = collectionJobTimes(rec);
  const stopped = rec.outcome !== "SUCCESSFUL" && now >= end;
  let state: CollectionJobState;
  if (now >= end) state = rec.outcome;
  else if (now < runStart) state = "INITIALIZING";
  else if (now < runEnd) state = "IN_PROGRESS";
  else state = "FINALIZING";
  const share = Math.min(1, Math.max(0, (Math.min(now, end) - runStart) / rec.runSec));
  const collections = state === "INITIALIZING" ? [] : rec.plan.map((p) => collectionAt(rec, p, share, stopped));
  const supported = rec.plan.filter((p) => p.final !== "NOT_FOUND" && p.final !== "UNSUPPORTED");
  // totalDocuments starts as the metadata estimate and becomes exact as each collection's copy starts.
  const total =
    state === "INITIALIZING"
      ? supported.reduce((n, p) => n + p.estimate, 0)
      : collections.reduce((n, c) => n + c.total, 0);
  const view: CollectionJobView = {
    state,
    restored: collections.reduce((n, c) => n + c.restored, 0),
    total,
    indexState: jobIndexState(rec, state, collections),
    failedCollectionCount: collections.filter((c) => c.indexState === "FAILED").length,
    collections,
  };
  if (isTerminal(state)) view.finishedAt = end;
  return view;
}

/** A SUCCESSFUL job that left some requested namespaces unrestored (Atlas's PARTIAL_SUCCESS event). */
export function isPartialSuccess(v: CollectionJobView): boolean {
  return v.state === "SUCCESSFUL" && v.collections.some((c) => c.state !== "SUCCESSFUL");
}
