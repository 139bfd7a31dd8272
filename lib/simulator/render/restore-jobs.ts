// DiskBackupSnapshotRestoreJob and DiskBackupExportJob renderers (version 2023-01-01).
import { iso } from "../clock";
import type { Cluster, ExportBucket, ExportRec, Project, RestoreRec } from "../data/types";
import { exportAt, restoreAt } from "../lifecycle";
import { groupPath, selfLink, type RenderContext } from "./context";

const host = (id: string, suffix = "") => `https://restore-${id}${suffix}.simulator.invalid`;

function privateUrls(id: string, file: string) {
  return [{ deliveryUrl: `${host(id, "-pl")}/${file}`, endpointId: `vpce-${id.slice(7)}` }];
}

export function renderRestoreJob(rec: RestoreRec, c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  const view = restoreAt(rec, ctx.now);
  const job: Record<string, unknown> = {
    cancelled: view.state === "cancelled",
    deliveryType: rec.delivery,
    expired: view.state === "expired",
    failed: view.state === "failed",
    id: rec.id,
    snapshotId: rec.snapshotId,
    timestamp: iso(rec.snapTime),
  };
  if (view.finishedAt !== undefined) job.finishedAt = iso(view.finishedAt);
  if (view.expiresAt !== undefined) job.expiresAt = iso(view.expiresAt);
  if (rec.targetClusterName) job.targetClusterName = rec.targetClusterName;
  if (rec.targetGroupId) job.targetGroupId = rec.targetGroupId;
  if (rec.pitUtc !== undefined) job.pointInTimeUTCSeconds = rec.pitUtc;
  if (rec.oplogTs !== undefined) {
    job.oplogTs = rec.oplogTs;
    job.oplogInc = rec.oplogInc;
  }
  if (rec.delivery === "download" && (view.state === "completed" || view.state === "expired")) {
    const file = `${rec.id.slice(8)}/restore-${rec.id}.tar.gz`;
    if (c.clusterType === "SHARDED") {
      const names = [
        ...Array.from({ length: c.numShards }, (_, i) => `${c.replicaSetBase}-shard-${i}`),
        `${c.replicaSetBase}-config-0`,
      ];
      job.components = names.map((rs) => ({
        downloadUrl: `${host(rec.id)}/${rs}/restore-${rec.id}-${rs}.tar.gz`,
        replicaSetName: rs,
        ...(rec.privateLink
          ? { privateDownloadDeliveryUrls: privateUrls(rec.id, `${rs}/restore-${rec.id}-${rs}.tar.gz`) }
          : {}),
      }));
      job.deliveryUrl = (job.components as Array<{ downloadUrl: string }>).map((x) => x.downloadUrl);
    } else {
      job.deliveryUrl = [`${host(rec.id)}/${file}`];
    }
    if (rec.privateLink) job.privateDownloadDeliveryUrls = privateUrls(rec.id, file);
  }
  job.links = selfLink(ctx, `${groupPath(p)}/clusters/${c.name}/backup/restoreJobs/${rec.id}`);
  return job;
}

const prefixDate = (sec: number) => iso(sec).slice(0, 16).replace(":", "");

export function renderExportJob(rec: ExportRec, c: Cluster, p: Project, ctx: RenderContext): Record<string, unknown> {
  const view = exportAt(rec, ctx.now);
  const job: Record<string, unknown> = {
    createdAt: iso(rec.t0),
    exportBucketId: rec.bucketId,
    exportStatus: { exportedCollections: view.exported, totalCollections: rec.total },
    id: rec.id,
    prefix: `/exported_snapshots/${ctx.org.name}/${p.slug}/${c.name}/${prefixDate(rec.snapTime)}/${rec.snapTime}`,
    snapshotId: rec.snapshotId,
    state: view.state,
  };
  if (view.finishedAt !== undefined) job.finishedAt = iso(view.finishedAt);
  if (view.state === "Failed" && rec.failure) job.stateReason = rec.failure;
  if (rec.customData) job.customData = rec.customData;
  if (rec.componentIds)
    job.components = rec.componentIds.map((exportId, i) => ({
      exportId,
      replicaSetName: `${c.replicaSetBase}-shard-${i}`,
    }));
  job.links = selfLink(ctx, `${groupPath(p)}/clusters/${c.name}/backup/exports/${rec.id}`);
  return job;
}

export function renderBucket(
  b: ExportBucket,
  p: Project,
  ctx: RenderContext,
  version: string,
): Record<string, unknown> {
  const links = selfLink(ctx, `${groupPath(p)}/backup/exportBuckets/${b.id}`);
  const base = { _id: b.id, bucketName: b.bucketName, cloudProvider: b.provider };
  if (b.provider === "AWS")
    return { ...base, iamRoleId: b.roleId, region: b.region, requirePrivateNetworking: false, links };
  if (version < "2024-05-30") throw new Error("non-AWS bucket rendered in 2023-01-01");
  if (b.provider === "AZURE")
    return { ...base, roleId: b.roleId, serviceUrl: b.serviceUrl, tenantId: b.tenantId, links };
  return { ...base, roleId: b.roleId, links };
}
