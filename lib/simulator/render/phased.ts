// Flex restore jobs, legacy tenant restores, and the snapshots of all three kinds.
import { iso } from "../clock";
import type { Cluster, FlexCluster, PhasedRec, Project, SnapshotRec } from "../data/types";
import { phasedAt } from "../lifecycle";
import { DAY } from "../data/schedule";
import { groupPath, selfLink, type RenderContext } from "./context";

function phasedCommon(rec: PhasedRec, p: Project, ctx: RenderContext): Record<string, unknown> {
  const view = phasedAt(rec, ctx.now);
  const job: Record<string, unknown> = {
    deliveryType: rec.delivery,
    id: rec.id,
    projectId: p.id,
    restoreScheduledDate: iso(rec.t0),
    snapshotFinishedDate: iso(rec.snapTime + 10 * 60),
    snapshotId: rec.snapshotId,
    status: view.status,
  };
  if (view.finishedAt !== undefined) job.restoreFinishedDate = iso(view.finishedAt);
  if (rec.delivery === "DOWNLOAD" && view.status === "COMPLETED" && view.finishedAt !== undefined) {
    job.snapshotUrl = `https://restore-${rec.id}.simulator.invalid/${rec.snapshotId}/snapshot-${rec.snapshotId}.tar.gz`;
    job.expirationDate = iso(view.finishedAt + 2 * DAY);
  }
  return job;
}

export function renderFlexRestore(
  rec: PhasedRec,
  f: FlexCluster,
  p: Project,
  ctx: RenderContext,
): Record<string, unknown> {
  const job = phasedCommon(rec, p, ctx);
  job.instanceName = f.name;
  if (rec.delivery === "RESTORE") {
    job.targetDeploymentItemName = rec.targetName;
    job.targetProjectId = rec.targetProjectId;
  }
  job.links = selfLink(ctx, `${groupPath(p)}/flexClusters/${f.name}/backup/restoreJobs/${rec.id}`);
  return job;
}

export function renderTenantRestore(
  rec: PhasedRec,
  c: Cluster,
  p: Project,
  ctx: RenderContext,
): Record<string, unknown> {
  const job = phasedCommon(rec, p, ctx);
  job.clusterName = c.name;
  job.targetDeploymentItemName = rec.targetName;
  job.targetProjectId = rec.targetProjectId;
  job.links = selfLink(ctx, `${groupPath(p)}/clusters/${c.name}/backup/tenant/restores/${rec.id}`);
  return job;
}

export function renderReplicaSnapshot(
  s: SnapshotRec,
  c: Cluster,
  p: Project,
  ctx: RenderContext,
): Record<string, unknown> {
  const status = s.failed
    ? "failed"
    : ctx.now < s.t0 + 60
      ? "queued"
      : ctx.now < s.t0 + s.durationSec
        ? "inProgress"
        : "completed";
  return {
    cloudProvider: c.provider,
    copyRegions: [],
    createdAt: iso(s.t0),
    ...(s.onDemand ? { description: "On-demand snapshot before schema migration" } : {}),
    expiresAt: iso(s.t0 + s.retentionSec),
    frequencyType: s.frequency,
    id: s.id,
    mongodVersion: c.mongoVersion,
    policyItems: s.onDemand
      ? []
      : [
          `${c.id.slice(0, 16)}${s.frequency === "daily" ? "00000001" : s.frequency === "weekly" ? "00000002" : "00000003"}`,
        ],
    replicaSetName: c.clusterType === "SHARDED" ? c.name : `${c.replicaSetBase}-shard-0`,
    snapshotType: s.onDemand ? "onDemand" : "scheduled",
    status,
    storageSizeBytes: s.sizeBytes,
    type: c.clusterType === "SHARDED" ? "shardedCluster" : "replicaSet",
    links: selfLink(ctx, `${groupPath(p)}/clusters/${c.name}/backup/snapshots/${s.id}`),
  };
}

export function snapshotStatus(s: SnapshotRec, now: number): "PENDING" | "QUEUED" | "RUNNING" | "FAILED" | "COMPLETED" {
  if (s.failed) return "FAILED";
  if (now < s.t0) return "PENDING";
  if (now < s.t0 + 30) return "QUEUED";
  return now < s.t0 + s.durationSec ? "RUNNING" : "COMPLETED";
}

export function renderSimpleSnapshot(
  s: SnapshotRec,
  mongoVersion: string,
  selfPath: string,
  ctx: RenderContext,
): Record<string, unknown> {
  const status = snapshotStatus(s, ctx.now);
  const snap: Record<string, unknown> = {
    expiration: iso(s.t0 + 8 * DAY),
    id: s.id,
    mongoDBVersion: mongoVersion,
    scheduledTime: iso(s.t0),
    startTime: iso(s.t0 + 30),
    status,
  };
  if (status === "COMPLETED" || status === "FAILED") snap.finishTime = iso(s.t0 + s.durationSec);
  snap.links = selfLink(ctx, selfPath);
  return snap;
}
