// Snapshot export jobs of one dedicated cluster, newest first.
import { createRng, objectId, type Rng } from "../prng";
import { DAY, HOUR, dailySlot, snapshotIdAt } from "./schedule";
import type { Cluster, ExportBucket, ExportRec } from "./types";

const FAILURES = [
  {
    errorCode: "EXPORT_BUCKET_ACCESS_DENIED",
    message: "Atlas could not write to the export bucket: access denied by the bucket policy.",
  },
  {
    errorCode: "EXPORT_FAILED",
    message: "The export job failed while copying collection data. Please retry the export.",
  },
];

interface Spec {
  offset: number;
  queueSec: number;
  runSec: number;
  outcome: ExportRec["outcome"];
  stopFraction?: number;
  customData?: boolean;
}

export interface ExportGenContext {
  seed: number;
  startSec: number;
  buckets: ExportBucket[];
}

function build(rng: Rng, c: Cluster, ctx: ExportGenContext, s: Spec): ExportRec {
  const t0 = ctx.startSec - s.offset;
  const snapTime = dailySlot(t0 - rng.int(HOUR, 2 * DAY));
  const bucket = rng.pick(ctx.buckets);
  const rec: ExportRec = {
    id: objectId(t0, rng),
    t0,
    queueSec: s.queueSec,
    runSec: s.runSec,
    outcome: s.outcome,
    total: rng.int(8, 240),
    stopFraction: s.stopFraction ?? 0.2 + rng.next() * 0.6,
    bucketId: bucket.id,
    snapshotId: snapshotIdAt(ctx.seed, "replica", c.key, snapTime),
    snapTime,
  };
  if (s.outcome === "Failed") rec.failure = rng.pick(FAILURES);
  if (s.customData ?? rng.chance(0.3))
    rec.customData = [
      { key: "exported_by", value: "backwatch-demo" },
      { key: "ticket", value: `OPS-${rng.int(1000, 9999)}` },
    ];
  if (c.clusterType === "SHARDED") rec.componentIds = Array.from({ length: c.numShards }, () => objectId(t0, rng));
  return rec;
}

function showcaseHead(): Spec[] {
  const m = 60;
  return [
    { offset: 1 * m, queueSec: 3 * HOUR, runSec: 2 * HOUR, outcome: "Successful", customData: true },
    { offset: 40 * m, queueSec: 5 * m, runSec: 70 * m, outcome: "Successful", customData: true },
    { offset: 5 * HOUR, queueSec: 3 * m, runSec: 50 * m, outcome: "Successful", customData: true },
    { offset: 8 * HOUR, queueSec: 4 * m, runSec: 40 * m, outcome: "Failed", stopFraction: 0.4 },
    { offset: 12 * HOUR, queueSec: 2 * m, runSec: 60 * m, outcome: "Cancelled", stopFraction: 0.25 },
    // Stuck: queued, and crawling, for weeks of simulated time, so both states are on show at any clock speed.
    { offset: 2 * HOUR, queueSec: 30 * DAY, runSec: HOUR, outcome: "Successful" },
    { offset: 3 * HOUR, queueSec: 5 * m, runSec: 30 * DAY, outcome: "Successful", customData: true },
  ];
}

export function generateExportJobs(c: Cluster, ctx: ExportGenContext, count: number, showcase: boolean): ExportRec[] {
  const rng = createRng(ctx.seed, "exports", c.key);
  const specs: Spec[] = showcase ? showcaseHead() : [];
  const generic = Math.max(0, count - specs.length);
  const live = showcase ? 0 : Math.max(1, Math.round(generic * 0.03));
  const slot = (180 * DAY) / Math.max(1, generic - live);
  for (let i = 0; i < generic; i++) {
    const runSec = rng.int(15 * 60, 3 * HOUR);
    if (i < live) {
      const offset = rng.int(60, 30 * 60);
      specs.push({ offset, queueSec: rng.int(30, 10 * 60), runSec: runSec + offset, outcome: "Successful" });
      continue;
    }
    const roll = rng.next();
    const outcome = roll < 0.85 ? "Successful" : roll < 0.94 ? "Failed" : "Cancelled";
    specs.push({
      offset: Math.round(DAY + (i - live) * slot + rng.next() * slot * 0.9),
      queueSec: rng.int(30, 15 * 60),
      runSec,
      outcome,
    });
  }
  return specs.map((s) => build(rng, c, ctx, s)).sort((a, b) => b.t0 - a.t0);
}
