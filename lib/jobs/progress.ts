import type { Progress } from "./dto";

/** Export progress in collections; percent has one decimal and is null until Atlas reports a total. */
export function exportProgress(exported: number | null | undefined, total: number | null | undefined): Progress | null {
  if (exported == null && total == null) return null;
  const done = Math.max(0, exported ?? 0);
  const all = Math.max(0, total ?? 0);
  const percent = all > 0 ? Math.min(100, Math.round((done / all) * 1000) / 10) : null;
  return { exported: done, total: all, percent };
}

export interface ProgressObservation {
  /** Epoch milliseconds of the observation. */
  at: number;
  exported: number;
}

/**
 * Milliseconds until an export finishes, extrapolating the rate between two observations.
 * Null when the rate cannot be known (no progress yet, time not moving forward, no total).
 */
export function estimateTimeLeft(
  earlier: ProgressObservation,
  later: ProgressObservation,
  total: number,
): number | null {
  if (total <= 0) return null;
  if (later.exported >= total) return 0;
  const elapsed = later.at - earlier.at;
  const advanced = later.exported - earlier.exported;
  if (elapsed <= 0 || advanced <= 0) return null;
  return Math.round(((total - later.exported) * elapsed) / advanced);
}
