// Snapshots: Cloud Backup (replica set) and the PENDING..COMPLETED flex/tenant kind. Ids come from
// the absolute daily slot so restore jobs can point at them.
import { createRng, objectId } from "../prng";
import { DAY, HOUR, dailySlot, snapshotIdAt } from "./schedule";
import type { SnapshotRec } from "./types";

export interface SnapshotOptions {
  seed: number;
  startSec: number;
  kind: "replica" | "flex" | "tenant";
  key: string;
  days: number;
  /** No snapshots after this time (a migrated tenant cluster). */
  endSec?: number;
  onDemand?: boolean;
}

export function generateSnapshots(o: SnapshotOptions): SnapshotRec[] {
  const rng = createRng(o.seed, "snapshots", o.kind, o.key);
  const end = o.endSec ?? o.startSec;
  const out: SnapshotRec[] = [];
  if (o.onDemand && end === o.startSec) {
    const t0 = o.startSec - 3 * HOUR;
    out.push({
      id: objectId(t0, rng),
      t0,
      durationSec: 15 * 60,
      failed: false,
      frequency: "daily",
      onDemand: true,
      sizeBytes: rng.int(1e8, 5e10),
      retentionSec: 7 * DAY,
    });
  }
  let slot = dailySlot(end);
  for (let k = 0; k < o.days; k++, slot -= DAY) {
    const durationSec = rng.int(3 * 60, HOUR);
    // A snapshot still being taken at start would not be listed yet; clients pick the newest one.
    if (slot + durationSec > o.startSec) continue;
    const frequency = k > 0 && k % 30 === 0 ? "monthly" : k > 0 && k % 7 === 0 ? "weekly" : "daily";
    out.push({
      id: snapshotIdAt(o.seed, o.kind, o.key, slot),
      t0: slot,
      durationSec,
      failed: k === 4,
      frequency,
      onDemand: false,
      sizeBytes: rng.int(1e8, 5e10),
      retentionSec: frequency === "monthly" ? 365 * DAY : frequency === "weekly" ? 60 * DAY : 35 * DAY,
    });
  }
  return out.sort((a, b) => b.t0 - a.t0);
}
