// Snapshot slots are aligned on absolute time, so a restore job and the snapshot list agree on the
// snapshot id without sharing state.
import { createRng, objectId } from "../prng";

export const DAY = 86_400;
export const HOUR = 3_600;
const SLOT_OFFSET = 3 * HOUR; // snapshots run at 03:00 UTC

export function dailySlot(timeSec: number): number {
  return Math.floor((timeSec - SLOT_OFFSET) / DAY) * DAY + SLOT_OFFSET;
}

export function snapshotIdAt(seed: number, kind: string, clusterKey: string, slot: number): string {
  return objectId(slot, createRng(seed, "snapshot", kind, clusterKey, slot));
}
