// Which generic clusters are busy at the start time. Most of an estate is idle: a few clusters run one
// restore or one export, drawn from (seed, cluster key) alone, so the restore and export generators
// agree without sharing state and the choice does not move with the start time or the scale.
import { createRng } from "../prng";

export type Activity = "restore" | "export" | "idle";

/** Share of dedicated clusters running one restore job, then one export job, at the start time. */
export const BUSY_RESTORE_SHARE = 0.04;
export const BUSY_EXPORT_SHARE = 0.035;
/** Share of Flex and shared-tier clusters with one restore under way at the start time. */
export const BUSY_PHASED_SHARE = 0.05;

export function dedicatedActivity(seed: number, clusterKey: string): Activity {
  const roll = createRng(seed, "activity", clusterKey).next();
  if (roll < BUSY_RESTORE_SHARE) return "restore";
  if (roll < BUSY_RESTORE_SHARE + BUSY_EXPORT_SHARE) return "export";
  return "idle";
}

export function phasedBusy(seed: number, clusterKey: string): boolean {
  return createRng(seed, "activity", "phased", clusterKey).next() < BUSY_PHASED_SHARE;
}
