// Snapshot export jobs of one dedicated cluster, newest first.
import { createRng, objectId, type Rng } from "../prng";
import { DAY, HOUR, dailySlot, snapshotIdAt } from "./schedule";
import { dedicatedActivity } from "./activity";
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

// The showcase's history: everything started a day or more before the start time.
function showcaseHistory(rng: Rng, count: number): Spec[] {
  const slot = (180 * DAY) / Math.max(1, count);
  const out: Spec[] = [];
  for (let i = 0; i < count; i++) {
    const runSec = rng.int(15 * 60, 3 * HOUR);
    const roll = rng.next();
    const outcome = roll < 0.85 ? "Successful" : roll < 0.94 ? "Failed" : "Cancelled";
    out.push({
      offset: Math.round(DAY + i * slot + rng.next() * slot * 0.9),
      queueSec: rng.int(30, 15 * 60),
      runSec,
      outcome,
    });
  }
  return out;
}

/**
 * A generic cluster's history: finish times spread evenly from a minute before the start time back
 * over the span (see restore-gen.ts). A busy cluster (activity.ts) has one export under way, part of
 * its collections exported; now and then one still queued.
 */
function genericHistory(rng: Rng, count: number, busy: boolean): Spec[] {
  const out: Spec[] = [];
  if (busy && count > 0) {
    const runSec = rng.int(30 * 60, 3 * HOUR);
    const offset = rng.int(5 * 60, 50 * 60);
    const queueSec = rng.chance(0.15) ? offset + rng.int(5 * 60, 20 * 60) : rng.int(30, Math.floor(offset / 3));
    out.push({ offset, queueSec, runSec: runSec + offset, outcome: "Successful" });
  }
  const finished = count - out.length;
  const slot = (180 * DAY) / Math.max(1, finished);
  for (let i = 0; i < finished; i++) {
    const runSec = rng.int(15 * 60, 3 * HOUR);
    const roll = rng.next();
    const outcome = roll < 0.85 ? "Successful" : roll < 0.94 ? "Failed" : "Cancelled";
    const queueSec = rng.int(30, 15 * 60);
    const endedAgo = 60 + Math.round(i * slot + rng.next() * slot * 0.9);
    out.push({ offset: endedAgo + queueSec + runSec, queueSec, runSec, outcome });
  }
  return out;
}

export function generateExportJobs(c: Cluster, ctx: ExportGenContext, count: number, showcase: boolean): ExportRec[] {
  const rng = createRng(ctx.seed, "exports", c.key);
  let specs: Spec[];
  if (showcase) {
    const head = showcaseHead();
    specs = [...head, ...showcaseHistory(rng, Math.max(0, count - head.length))];
  } else specs = genericHistory(rng, count, dedicatedActivity(ctx.seed, c.key) === "export");
  return specs.map((s) => build(rng, c, ctx, s)).sort((a, b) => b.t0 - a.t0);
}
