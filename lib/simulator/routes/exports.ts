// Snapshot export jobs and export buckets.
import { AtlasErrorResponse } from "../http/error-response";
import { createRng, objectId } from "../prng";
import type { Cluster, ExportBucket, ExportRec, Project } from "../data/types";
import { renderBucket, renderExportJob } from "../render/restore-jobs";
import { parseExportBody } from "./bodies";
import { getClusterRecord, listClusterRecords } from "./cluster-records";
import { listResult } from "./list";
import { requireCluster, snapshotNotFound } from "./lookups";
import { requireBackups } from "./restores";
import { mustProject, param, type OpContext, type Operation } from "./types";
import { V_2023_01_01, V_BUCKETS } from "./versions";

const RATE = { set: "cloud-backups", scope: "group" } as const;
const BASE = "/groups/:groupId/clusters/:clusterName/backup/exports";
let created = 0;

const bucketNotFound = (id: string) =>
  new AtlasErrorResponse(404, "EXPORT_BUCKET_NOT_FOUND", `No export Bucket with ID ${id} does not exist.`, [id]);
const exportNotFound = (id: string) =>
  new AtlasErrorResponse(404, "RESOURCE_NOT_FOUND", `Cannot find resource export job ${id}.`, [id]);

/** Version 2023-01-01 can only express AWS buckets (its schema requires iamRoleId). */
function bucketsFor(p: Project, version: string): ExportBucket[] {
  return version >= "2024-05-30" ? p.buckets : p.buckets.filter((b) => b.provider === "AWS");
}

function createExport(ctx: OpContext) {
  const p = mustProject(ctx);
  const c = requireCluster(ctx);
  requireBackups(c);
  const body = parseExportBody(ctx.body);
  const bucket = p.buckets.find((b) => b.id === body.exportBucketId);
  if (!bucket) throw bucketNotFound(body.exportBucketId);
  const snap = ctx.store.snapshots(c).byId.get(body.snapshotId);
  if (!snap) throw snapshotNotFound(body.snapshotId, c.name);
  const now = Math.floor(ctx.render.now);
  if (snap.failed || now < snap.t0 + snap.durationSec) {
    throw new AtlasErrorResponse(
      409,
      "CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT",
      `Cannot export incomplete snapshot ${snap.id}.`,
      [snap.id],
    );
  }
  const rng = createRng(ctx.store.seed, "created-export", c.key, ++created);
  const rec: ExportRec = {
    id: objectId(now, rng),
    t0: now,
    queueSec: 60,
    runSec: 10 * 60,
    outcome: "Successful",
    total: rng.int(10, 60),
    stopFraction: 1,
    bucketId: bucket.id,
    snapshotId: snap.id,
    snapTime: snap.t0,
    customData: body.customData,
    componentIds:
      c.clusterType === "SHARDED" ? Array.from({ length: c.numShards }, () => objectId(now, rng)) : undefined,
  };
  ctx.store.add(ctx.store.exportJobs(p, c), rec);
  return { kind: "entity" as const, body: renderExportJob(rec, c, p, ctx.render) };
}

const exportJobs = (ctx: OpContext, p: Project, c: Cluster) => ctx.store.exportJobs(p, c);

export const exportOperations: Operation[] = [
  {
    id: "listGroupClusterBackupExports",
    method: "GET",
    path: BASE,
    versions: V_2023_01_01,
    rate: RATE,
    paginated: true,
    handle: listClusterRecords(exportJobs, renderExportJob),
  },
  {
    id: "createGroupClusterBackupExport",
    method: "POST",
    path: BASE,
    versions: V_2023_01_01,
    rate: RATE,
    handle: createExport,
  },
  {
    id: "getGroupClusterBackupExport",
    method: "GET",
    path: `${BASE}/:exportId`,
    versions: V_2023_01_01,
    rate: RATE,
    handle: getClusterRecord("exportId", exportJobs, exportNotFound, renderExportJob),
  },
  {
    id: "listGroupBackupExportBuckets",
    method: "GET",
    path: "/groups/:groupId/backup/exportBuckets",
    versions: V_BUCKETS,
    rate: RATE,
    paginated: true,
    handle: (ctx) => {
      const p = mustProject(ctx);
      return listResult(ctx, bucketsFor(p, ctx.version), (b) => renderBucket(b, p, ctx.render, ctx.version));
    },
  },
  {
    id: "getGroupBackupExportBucket",
    method: "GET",
    path: "/groups/:groupId/backup/exportBuckets/:exportBucketId",
    versions: V_BUCKETS,
    rate: RATE,
    handle: (ctx) => {
      const p = mustProject(ctx);
      const id = param(ctx, "exportBucketId");
      const bucket = bucketsFor(p, ctx.version).find((b) => b.id === id);
      if (!bucket) throw bucketNotFound(id);
      return { kind: "entity", body: renderBucket(bucket, p, ctx.render, ctx.version) };
    },
  },
];
