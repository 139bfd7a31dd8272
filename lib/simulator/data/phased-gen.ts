// Flex restore jobs and legacy shared-tier (tenant) restores: PENDING -> QUEUED -> RUNNING -> terminal.
import { createRng, objectId, type Rng } from "../prng";
import { DAY, HOUR, dailySlot, snapshotIdAt } from "./schedule";
import { phasedBusy } from "./activity";
import type { PhasedRec } from "./types";

export interface PhasedSource {
  key: string;
  name: string;
  groupId: string;
}

interface Spec {
  offset: number;
  pendingSec: number;
  queuedSec: number;
  runSec: number;
  outcome: PhasedRec["outcome"];
  delivery: PhasedRec["delivery"];
}

export interface PhasedOptions {
  seed: number;
  startSec: number;
  kind: "flex" | "tenant";
  count: number;
  showcase: boolean;
  /** History ends here (a tenant cluster migrated to Flex); default: the start time. */
  endSec?: number;
}

function showcaseHead(): Spec[] {
  const m = 60;
  return [
    { offset: 30, pendingSec: 30 * m, queuedSec: 10 * m, runSec: 20 * m, outcome: "COMPLETED", delivery: "RESTORE" },
    { offset: 3 * m, pendingSec: 1 * m, queuedSec: 45 * m, runSec: 20 * m, outcome: "COMPLETED", delivery: "DOWNLOAD" },
    {
      offset: 20 * m,
      pendingSec: 1 * m,
      queuedSec: 4 * m,
      runSec: 2 * HOUR,
      outcome: "COMPLETED",
      delivery: "RESTORE",
    },
    { offset: 3 * HOUR, pendingSec: 1 * m, queuedSec: 3 * m, runSec: 25 * m, outcome: "FAILED", delivery: "RESTORE" },
    {
      offset: 5 * HOUR,
      pendingSec: 1 * m,
      queuedSec: 2 * m,
      runSec: 15 * m,
      outcome: "COMPLETED",
      delivery: "DOWNLOAD",
    },
    {
      offset: 9 * HOUR,
      pendingSec: 1 * m,
      queuedSec: 2 * m,
      runSec: 30 * m,
      outcome: "COMPLETED",
      delivery: "RESTORE",
    },
    { offset: 14 * HOUR, pendingSec: 2 * m, queuedSec: 5 * m, runSec: 12 * m, outcome: "FAILED", delivery: "DOWNLOAD" },
    // Stuck in each non-terminal phase for weeks of simulated time, so every status is on show at any clock speed.
    {
      offset: 2 * HOUR,
      pendingSec: 30 * DAY,
      queuedSec: 5 * m,
      runSec: 20 * m,
      outcome: "COMPLETED",
      delivery: "RESTORE",
    },
    {
      offset: 150 * m,
      pendingSec: 1 * m,
      queuedSec: 30 * DAY,
      runSec: 20 * m,
      outcome: "COMPLETED",
      delivery: "DOWNLOAD",
    },
    {
      offset: 4 * HOUR,
      pendingSec: 1 * m,
      queuedSec: 2 * m,
      runSec: 30 * DAY,
      outcome: "COMPLETED",
      delivery: "RESTORE",
    },
  ];
}

function build(rng: Rng, src: PhasedSource, o: PhasedOptions, end: number, s: Spec): PhasedRec {
  const t0 = end - s.offset;
  const snapTime = dailySlot(t0 - rng.int(HOUR, 2 * DAY));
  return {
    id: objectId(t0, rng),
    t0,
    pendingSec: s.pendingSec,
    queuedSec: s.queuedSec,
    runSec: s.runSec,
    outcome: s.outcome,
    delivery: s.delivery,
    snapshotId: snapshotIdAt(o.seed, o.kind, src.key, snapTime),
    snapTime,
    targetName: s.delivery === "RESTORE" && rng.chance(0.3) ? `${src.name}-restored` : src.name,
    targetProjectId: src.groupId,
  };
}

// The showcase's and a migrated cluster's history: everything started a day or more before its end.
function pinnedHistory(rng: Rng, count: number, historic: boolean): Spec[] {
  const slot = (120 * DAY) / Math.max(1, count);
  const out: Spec[] = [];
  for (let i = 0; i < count; i++) {
    const delivery = rng.chance(0.4) ? "DOWNLOAD" : "RESTORE";
    const base = { pendingSec: rng.int(20, 120), queuedSec: rng.int(30, 600), runSec: rng.int(5 * 60, 40 * 60) };
    // Historic failures keep every status present in a migrated cluster's tenant history too.
    const outcome = rng.chance(historic && i === 1 ? 1 : 0.1) ? "FAILED" : "COMPLETED";
    out.push({ ...base, offset: Math.round(DAY + i * slot + rng.next() * slot * 0.9), outcome, delivery });
  }
  return out;
}

/**
 * A generic cluster's history: finish times spread evenly from a minute before the start time back
 * over the span (see restore-gen.ts); a few busy clusters (activity.ts) have one restore under way.
 */
function genericHistory(rng: Rng, count: number, busy: boolean): Spec[] {
  const out: Spec[] = [];
  if (busy && count > 0) {
    const delivery = rng.chance(0.4) ? "DOWNLOAD" : "RESTORE";
    const base = { pendingSec: rng.int(20, 120), queuedSec: rng.int(30, 600), runSec: rng.int(5 * 60, 40 * 60) };
    out.push({ ...base, offset: rng.int(60, 20 * 60), runSec: base.runSec + HOUR, outcome: "COMPLETED", delivery });
  }
  const finished = count - out.length;
  const slot = (120 * DAY) / Math.max(1, finished);
  for (let i = 0; i < finished; i++) {
    const delivery = rng.chance(0.4) ? "DOWNLOAD" : "RESTORE";
    const base = { pendingSec: rng.int(20, 120), queuedSec: rng.int(30, 600), runSec: rng.int(5 * 60, 40 * 60) };
    const outcome = rng.chance(0.1) ? "FAILED" : "COMPLETED";
    const endedAgo = 60 + Math.round(i * slot + rng.next() * slot * 0.9);
    out.push({ ...base, offset: endedAgo + base.pendingSec + base.queuedSec + base.runSec, outcome, delivery });
  }
  return out;
}

export function generatePhasedJobs(src: PhasedSource, o: PhasedOptions): PhasedRec[] {
  const rng = createRng(o.seed, o.kind, "restores", src.key);
  const end = o.endSec ?? o.startSec;
  const historic = end < o.startSec;
  let specs: Spec[];
  if (o.showcase || historic) {
    const head = o.showcase && !historic ? showcaseHead() : [];
    specs = [...head, ...pinnedHistory(rng, Math.max(0, o.count - head.length), historic)];
  } else specs = genericHistory(rng, o.count, phasedBusy(o.seed, src.key));
  return specs.map((s) => build(rng, src, o, end, s)).sort((a, b) => b.t0 - a.t0);
}
