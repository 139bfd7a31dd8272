// Cloud Backup restore jobs of one dedicated cluster, newest first.
import { createRng, objectId, type Rng } from "../prng";
import { DAY, HOUR, dailySlot, snapshotIdAt } from "./schedule";
import { dedicatedActivity } from "./activity";
import type { Cluster, RestoreDelivery, RestoreRec } from "./types";

export interface GenContext {
  seed: number;
  startSec: number;
  targets: string[]; // dedicated cluster names in the project
}

const SPAN = 180 * DAY;

interface Spec {
  offset: number; // seconds before start
  runSec: number;
  delivery: RestoreDelivery;
  outcome: RestoreRec["outcome"];
  pit?: "utc" | "oplog";
  privateLink?: boolean;
}

function build(rng: Rng, c: Cluster, ctx: GenContext, s: Spec): RestoreRec {
  const t0 = ctx.startSec - s.offset;
  const pitTime = t0 - rng.int(HOUR, 3 * DAY);
  const snapTime = dailySlot(s.delivery === "pointInTime" ? pitTime : t0 - rng.int(HOUR, 3 * DAY));
  const rec: RestoreRec = {
    id: objectId(t0, rng),
    t0,
    delivery: s.delivery,
    outcome: s.outcome,
    runSec: s.runSec,
    linkTtlSec: 48 * HOUR,
    snapshotId: snapshotIdAt(ctx.seed, "replica", c.key, snapTime),
    snapTime,
    privateLink: s.privateLink ?? (s.delivery === "download" && rng.chance(0.25)),
  };
  if (s.delivery !== "download") {
    rec.targetClusterName = rng.chance(0.6) ? c.name : rng.pick(ctx.targets.length ? ctx.targets : [c.name]);
    rec.targetGroupId = c.groupId;
  }
  if (s.pit === "utc") rec.pitUtc = pitTime;
  if (s.pit === "oplog") {
    rec.oplogTs = pitTime;
    rec.oplogInc = rng.int(1, 40);
  }
  return rec;
}

function runFor(rng: Rng, d: RestoreDelivery): number {
  if (d === "download") return rng.int(5 * 60, 30 * 60);
  if (d === "pointInTime") return rng.int(30 * 60, 2 * HOUR);
  return rng.int(20 * 60, 90 * 60);
}

// Every state and delivery variant, pinned at the head of the showcase cluster's history.
function showcaseHead(rng: Rng): Spec[] {
  const m = 60;
  return [
    { offset: 10 * m, runSec: 3 * HOUR, delivery: "automated", outcome: "completed" },
    { offset: 5 * m, runSec: 2 * HOUR, delivery: "download", outcome: "completed" },
    { offset: 20 * m, runSec: 4 * HOUR, delivery: "pointInTime", outcome: "completed", pit: "utc" },
    { offset: 30 * m, runSec: 4 * HOUR, delivery: "pointInTime", outcome: "completed", pit: "oplog" },
    { offset: 2 * m, runSec: 90 * m, delivery: "download", outcome: "completed", privateLink: true },
    { offset: 2 * HOUR, runSec: 20 * m, delivery: "download", outcome: "completed", privateLink: true },
    { offset: 4 * HOUR, runSec: 50 * m, delivery: "automated", outcome: "completed" },
    { offset: 6 * HOUR, runSec: 35 * m, delivery: "automated", outcome: "failed" },
    { offset: 7 * HOUR, runSec: 10 * m, delivery: "download", outcome: "cancelled" },
    { offset: 4 * DAY, runSec: 15 * m, delivery: "download", outcome: "completed" },
    { offset: 9 * HOUR, runSec: 70 * m, delivery: "pointInTime", outcome: "completed", pit: "utc" },
    { offset: 11 * HOUR, runSec: 80 * m, delivery: "pointInTime", outcome: "completed", pit: "oplog" },
    { offset: 13 * HOUR, runSec: 40 * m, delivery: "pointInTime", outcome: "failed", pit: "utc" },
    { offset: 15 * HOUR, runSec: 30 * m, delivery: "automated", outcome: "cancelled" },
    { offset: 20 * HOUR, runSec: runFor(rng, "download"), delivery: "download", outcome: "completed" },
    // Stuck: in progress for weeks of simulated time, so "in progress" is on show at any clock speed.
    { offset: 45 * m, runSec: 30 * DAY, delivery: "automated", outcome: "completed" },
  ];
}

function pickDelivery(rng: Rng, c: Cluster): Pick<Spec, "delivery" | "pit"> {
  const roll = rng.next();
  const delivery: RestoreDelivery =
    roll < 0.45 || (roll >= 0.8 && !c.pitEnabled) ? "automated" : roll < 0.8 ? "download" : "pointInTime";
  const pit = delivery === "pointInTime" ? (rng.chance(0.5) ? "utc" : "oplog") : undefined;
  return { delivery, pit };
}

// The showcase's history: everything started a day or more before the start time.
function showcaseHistory(rng: Rng, c: Cluster, count: number): Spec[] {
  const slot = (SPAN - DAY) / Math.max(1, count);
  const out: Spec[] = [];
  for (let i = 0; i < count; i++) {
    const { delivery, pit } = pickDelivery(rng, c);
    const roll = rng.next();
    const outcome = roll < 0.82 ? "completed" : roll < 0.92 ? "failed" : "cancelled";
    const offset = Math.round(DAY + i * slot + rng.next() * slot * 0.9);
    out.push({ offset, runSec: runFor(rng, delivery), delivery, outcome, pit });
  }
  return out;
}

/**
 * A generic cluster's history: finish times spread evenly from a minute before the start time back
 * over the span, so every window (1 h to 7 d) holds finished and failed jobs across the estate, and
 * nothing is running unless the cluster is one of the few busy ones (activity.ts). A busy cluster runs
 * one job, sometimes for far longer than usual (4 to 8 hours in), as a stuck job would.
 */
function genericHistory(rng: Rng, c: Cluster, count: number, busy: boolean): Spec[] {
  const out: Spec[] = [];
  if (busy && count > 0) {
    const { delivery, pit } = pickDelivery(rng, c);
    const offset = rng.chance(0.2) ? rng.int(4 * HOUR, 8 * HOUR) : rng.int(60, 40 * 60);
    out.push({ offset, runSec: offset + runFor(rng, delivery), delivery, outcome: "completed", pit });
  }
  const finished = count - out.length;
  const slot = SPAN / Math.max(1, finished);
  for (let i = 0; i < finished; i++) {
    const { delivery, pit } = pickDelivery(rng, c);
    const roll = rng.next();
    const outcome = roll < 0.82 ? "completed" : roll < 0.92 ? "failed" : "cancelled";
    const runSec = runFor(rng, delivery);
    const endedAgo = 60 + Math.round(i * slot + rng.next() * slot * 0.9);
    out.push({ offset: endedAgo + runSec, runSec, delivery, outcome, pit });
  }
  return out;
}

export function generateRestoreJobs(c: Cluster, ctx: GenContext, count: number, showcase: boolean): RestoreRec[] {
  const rng = createRng(ctx.seed, "restores", c.key);
  let specs: Spec[];
  if (showcase) {
    const head = showcaseHead(rng);
    specs = [...head, ...showcaseHistory(rng, c, count - head.length)];
  } else specs = genericHistory(rng, c, count, dedicatedActivity(ctx.seed, c.key) === "restore");
  return specs.map((s) => build(rng, c, ctx, s)).sort((a, b) => b.t0 - a.t0);
}
