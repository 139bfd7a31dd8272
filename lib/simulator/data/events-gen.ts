// Project events (GET /groups/{groupId}/events) derived from the simulator's own job records: each
// record implies the CPS_* or TENANT_* events Atlas would have logged, at the times they happened.
// Nothing is stored: an event exists once simulated time has reached it, and its id comes from
// (seed, cluster, type, record), so every read agrees.
import { collectionJobAt, collectionJobTimes, isPartialSuccess } from "../collection-lifecycle";
import { exportAt, phasedAt, restoreAt } from "../lifecycle";
import { createRng, objectId } from "../prng";
import { SHOWCASE } from "./showcase";
import { DAY, HOUR, dailySlot } from "./schedule";
import type { Store } from "./store";
import type { Cluster, Project } from "./types";

export type Severity = "INFO" | "WARNING" | "ERROR";

export interface EventRec {
  /** What makes the id unique with the cluster and type (a job id, a snapshot id, a day). */
  key: string;
  clusterKey: string;
  t: number;
  type: string;
  clusterName: string;
  /** Asked for by a person (the *_REQUESTED_AUDIT kinds): carries who, and from where. */
  byUser: boolean;
  severity: Severity;
  description: string;
}

/** TENANT_SNAPSHOT_FAILED and TENANT_RESTORE_FAILED are "Atlas Audit Types" (NDSAuditViewForNdsGroup). */
export const NDS_AUDIT_TYPES = new Set(["TENANT_SNAPSHOT_FAILED", "TENANT_RESTORE_FAILED"]);

const BEHIND_DAYS = 30;

class Collector {
  readonly out: EventRec[] = [];
  constructor(
    private readonly seed: number,
    private readonly c: Cluster,
    private readonly now: number,
  ) {}

  add(
    t: number | undefined,
    type: string,
    key: string,
    description: string,
    severity: Severity = "INFO",
    byUser = false,
  ) {
    if (t === undefined || t > this.now) return;
    this.out.push({ key, clusterKey: this.c.key, t, type, clusterName: this.c.name, byUser, severity, description });
  }
}

function dedicatedEvents(store: Store, p: Project, c: Cluster, e: Collector, now: number): void {
  for (const r of store.restoreJobs(p, c).items) {
    e.add(r.t0, "CPS_RESTORE_REQUESTED_AUDIT", r.id, `Restore requested for cluster ${c.name}`, "INFO", true);
    const end = restoreAt(r, Number.MAX_SAFE_INTEGER);
    const finish = r.t0 + r.runSec;
    if (end.state === "failed") e.add(finish, "CPS_RESTORE_FAILED", r.id, `Restore failed for ${c.name}`, "ERROR");
    else if (end.state !== "cancelled")
      e.add(finish, "CPS_RESTORE_SUCCESSFUL", r.id, `Restore succeeded for ${c.name}`);
  }
  for (const x of store.exportJobs(p, c).items) {
    const end = exportAt(x, Number.MAX_SAFE_INTEGER);
    if (end.state === "Successful") e.add(end.finishedAt, "CPS_EXPORT_SUCCESSFUL", x.id, `Snapshot export succeeded`);
    if (end.state === "Failed") e.add(end.finishedAt, "CPS_EXPORT_FAILED", x.id, `Snapshot export failed`, "ERROR");
  }
  for (const s of store.snapshots(c).items) {
    if (s.onDemand) e.add(s.t0, "CPS_ON_DEMAND_SNAPSHOT_REQUESTED", s.id, "On-demand snapshot requested", "INFO", true);
    e.add(s.t0, "CPS_SNAPSHOT_STARTED", s.id, `Snapshot started for ${c.name}`);
    const done = s.t0 + s.durationSec;
    if (s.failed) {
      e.add(done, "CPS_SNAPSHOT_FAILED", s.id, `Snapshot failed for ${c.name}`, "ERROR");
      // The next scheduled snapshot is a day away: the cluster's backups fall behind meanwhile.
      e.add(done + 6 * HOUR, "CPS_SNAPSHOT_BEHIND", s.id, `Snapshots are behind for ${c.name}`, "WARNING");
    } else e.add(done, "CPS_SNAPSHOT_SUCCESSFUL", s.id, `Snapshot taken for ${c.name}`);
  }
  for (const j of store.collectionRestores(p, c).items) {
    e.add(j.t0, "CPS_RESTORE_REQUESTED_AUDIT", j.id, `Collection restore requested for ${c.name}`, "INFO", true);
    const end = collectionJobAt(j, Number.MAX_SAFE_INTEGER);
    const t = collectionJobTimes(j).end;
    const type =
      end.state === "FAILED"
        ? "CPS_COLLECTION_RESTORE_FAILED"
        : end.state === "CANCELED"
          ? "CPS_COLLECTION_RESTORE_CANCELED"
          : isPartialSuccess(end)
            ? "CPS_COLLECTION_RESTORE_PARTIAL_SUCCESS"
            : "CPS_COLLECTION_RESTORE_SUCCESSFUL";
    e.add(
      t,
      type,
      j.id,
      `Collection restore ${end.state.toLowerCase()} for ${c.name}`,
      end.state === "FAILED" ? "ERROR" : "INFO",
    );
  }
  behindEvents(store, p, c, e, now);
}

// Now and then (seeded per day) the oplog falls behind and catches up again; the showcase cluster
// always has one such spell in the last few hours, so a short timeline window shows it too.
function behindEvents(store: Store, p: Project, c: Cluster, e: Collector, now: number): void {
  const first = dailySlot(store.startSec) - BEHIND_DAYS * DAY;
  for (let slot = first; slot <= now; slot += DAY) {
    const rng = createRng(store.seed, "behind", c.key, slot);
    if (c.pitEnabled && rng.chance(0.12)) {
      const at = slot + rng.int(HOUR, 20 * HOUR);
      e.add(at, "CPS_OPLOG_BEHIND", `oplog-${slot}`, `Oplog is behind for ${c.name}`, "WARNING");
      e.add(at + rng.int(10 * 60, 90 * 60), "CPS_OPLOG_CAUGHT_UP", `oplog-${slot}`, `Oplog caught up for ${c.name}`);
    }
    if (rng.chance(0.04))
      e.add(
        slot + rng.int(4 * HOUR, 20 * HOUR),
        "CPS_SNAPSHOT_BEHIND",
        `behind-${slot}`,
        `Snapshots are behind`,
        "WARNING",
      );
  }
  if (p.index === 0 && c.name === SHOWCASE.bigRestoreCluster) {
    const s = store.startSec;
    e.add(s - 3 * HOUR, "CPS_OPLOG_BEHIND", "showcase", `Oplog is behind for ${c.name}`, "WARNING");
    e.add(s - 2 * HOUR - 10 * 60, "CPS_OPLOG_CAUGHT_UP", "showcase", `Oplog caught up for ${c.name}`);
    e.add(s - 5 * HOUR, "CPS_SNAPSHOT_BEHIND", "showcase", `Snapshots are behind for ${c.name}`, "WARNING");
  }
}

function tenantEvents(store: Store, p: Project, c: Cluster, e: Collector): void {
  for (const r of store.tenantRestores(p, c).items) {
    const asked =
      r.delivery === "DOWNLOAD" ? "TENANT_SNAPSHOT_DOWNLOAD_REQUESTED_AUDIT" : "TENANT_RESTORE_REQUESTED_AUDIT";
    e.add(r.t0, asked, r.id, `Restore requested for ${c.name}`, "INFO", true);
    const end = phasedAt(r, Number.MAX_SAFE_INTEGER);
    if (end.status === "FAILED") e.add(end.finishedAt, "TENANT_RESTORE_FAILED", r.id, `Restore failed`, "ERROR");
    else e.add(end.finishedAt, "TENANT_RESTORE_COMPLETED_AUDIT", r.id, `Restore completed for ${c.name}`);
  }
  for (const s of store.tenantSnapshots(c).items) {
    e.add(s.t0, "TENANT_SNAPSHOT_STARTED_AUDIT", s.id, `Snapshot started for ${c.name}`);
    const done = s.t0 + s.durationSec;
    if (s.failed) e.add(done, "TENANT_SNAPSHOT_FAILED", s.id, `Snapshot failed for ${c.name}`, "ERROR");
    else e.add(done, "TENANT_SNAPSHOT_COMPLETED_AUDIT", s.id, `Snapshot completed for ${c.name}`);
  }
}

/** Computed only for the events rendered or looked up: the seeded draw is the costly part. */
export function eventId(seed: number, e: EventRec): string {
  return objectId(e.t, createRng(seed, "event", e.clusterKey, e.type, e.key));
}

/** Every event of the clusters named (all when undefined) up to `now`, newest first. */
export function projectEvents(store: Store, p: Project, now: number, clusterNames?: Set<string>): EventRec[] {
  const all: EventRec[] = [];
  for (const c of p.clusters) {
    if (clusterNames && !clusterNames.has(c.name)) continue;
    const e = new Collector(store.seed, c, now);
    if (c.tier === "dedicated" && c.backupEnabled) dedicatedEvents(store, p, c, e, now);
    if (c.tier === "tenant") tenantEvents(store, p, c, e);
    all.push(...e.out);
  }
  const order = (e: EventRec) => `${e.clusterName}|${e.type}|${e.key}`;
  return all.sort((a, b) => b.t - a.t || (order(a) < order(b) ? -1 : 1));
}
