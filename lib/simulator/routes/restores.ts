// Cloud Backup restore jobs (list, get, create, cancel) and replica-set snapshots.
import { AtlasErrorResponse } from "../http/error-response";
import { createRng, objectId } from "../prng";
import { HOUR, dailySlot } from "../data/schedule";
import type { Cluster, Project, RestoreRec } from "../data/types";
import { restoreAt } from "../lifecycle";
import { parseInteger } from "../pagination";
import { renderReplicaSnapshot } from "../render/phased";
import { renderRestoreJob } from "../render/restore-jobs";
import { getClusterRecord, listClusterRecords } from "./cluster-records";
import { requireCluster, restoreJobNotFound, snapshotNotFound } from "./lookups";
import { parseRestoreBody } from "./bodies";
import { resolveTarget } from "./targets";
import { mustProject, param, type OpContext, type Operation } from "./types";
import { V_2023_01_01 } from "./versions";

const RATE = { set: "cloud-backups", scope: "group" } as const;
const BASE = "/groups/:groupId/clusters/:clusterName/backup";
let created = 0;

export function requireBackups(c: Cluster): void {
  if (c.tier !== "dedicated" || !c.backupEnabled)
    throw new AtlasErrorResponse(400, "BACKUP_JOB_NOT_FOUND", "Backups are not enabled for this cluster.", [c.name]);
}

function createRestore(ctx: OpContext) {
  const p = mustProject(ctx);
  const c = requireCluster(ctx);
  requireBackups(c);
  const body = parseRestoreBody(ctx.body);
  const missing = (field: string) =>
    new AtlasErrorResponse(400, "MISSING_ATTRIBUTE", `The required attribute ${field} was not specified.`, [field]);
  const pitFields = (["pointInTimeUTCSeconds", "oplogTs", "oplogInc"] as const).filter((f) => body[f] !== undefined);
  if (body.deliveryType !== "pointInTime" && pitFields[0])
    throw new AtlasErrorResponse(400, "INVALID_ATTRIBUTE", `Invalid attribute ${pitFields[0]} specified.`, [
      pitFields[0],
    ]);
  if (body.deliveryType !== "download") {
    if (!body.targetClusterName) throw missing("targetClusterName");
    if (!body.targetGroupId) throw missing("targetGroupId");
  }
  if (body.deliveryType !== "pointInTime" && !body.snapshotId) throw missing("snapshotId");
  const now = Math.floor(ctx.render.now);
  let pitTime: number | undefined;
  if (body.deliveryType === "pointInTime") {
    const utc = body.pointInTimeUTCSeconds;
    const oplog = body.oplogTs !== undefined && body.oplogInc !== undefined;
    if ((utc === undefined) === !oplog || (body.oplogTs === undefined) !== (body.oplogInc === undefined)) {
      throw new AtlasErrorResponse(
        400,
        "INVALID_PIT_RESTORE_TIME",
        "Please provide a valid UTC time or an operation time (ts).",
      );
    }
    pitTime = utc ?? body.oplogTs;
    if (pitTime === undefined || pitTime > now)
      throw new AtlasErrorResponse(
        400,
        "INVALID_PIT_RESTORE_TIME",
        "Please provide a valid UTC time or an operation time (ts).",
      );
  }
  let snapTime = pitTime !== undefined ? dailySlot(pitTime) : 0;
  let snapshotId = "";
  if (body.snapshotId) {
    const snap = ctx.store.snapshots(c).byId.get(body.snapshotId);
    if (!snap) throw snapshotNotFound(body.snapshotId, c.name);
    if (snap.failed || now < snap.t0 + snap.durationSec) {
      throw new AtlasErrorResponse(
        409,
        "CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT",
        `Cannot start restore job for incomplete snapshot ${snap.id}.`,
        [snap.id],
      );
    }
    snapTime = snap.t0;
    snapshotId = snap.id;
  } else {
    const snap = ctx.store.snapshots(c).items.find((s) => s.t0 <= (pitTime ?? now) && !s.failed && !s.onDemand);
    snapshotId = snap?.id ?? objectId(snapTime, createRng(ctx.store.seed, "pit", c.key, snapTime));
    snapTime = snap?.t0 ?? snapTime;
  }
  if (body.targetGroupId && body.targetClusterName) resolveTarget(ctx, body.targetGroupId, body.targetClusterName);
  const rng = createRng(ctx.store.seed, "created-restore", c.key, ++created);
  const rec: RestoreRec = {
    id: objectId(now, rng),
    t0: now,
    delivery: body.deliveryType,
    outcome: "completed",
    runSec: body.deliveryType === "download" ? 5 * 60 : body.deliveryType === "pointInTime" ? 20 * 60 : 15 * 60,
    linkTtlSec: 48 * HOUR,
    snapshotId,
    snapTime,
    targetClusterName: body.targetClusterName,
    targetGroupId: body.targetGroupId,
    pitUtc: body.pointInTimeUTCSeconds,
    oplogTs: body.oplogTs,
    oplogInc: body.oplogInc,
    privateLink: false,
  };
  ctx.store.add(ctx.store.restoreJobs(p, c), rec);
  return { kind: "entity" as const, body: renderRestoreJob(rec, c, p, ctx.render) };
}

function cancelRestore(ctx: OpContext) {
  const p = mustProject(ctx);
  const c = requireCluster(ctx);
  const id = param(ctx, "restoreJobId");
  const rec = ctx.store.restoreJobs(p, c).byId.get(id);
  if (!rec) throw restoreJobNotFound(id, c.name);
  const state = restoreAt(rec, ctx.render.now).state;
  if (state !== "inProgress") {
    // [UNCERTAIN] Atlas documents no code for cancelling a finished job; this one is the simulator's.
    throw new AtlasErrorResponse(
      400,
      "RESTORE_JOB_ALREADY_FINISHED",
      `Restore job ${id} has already finished and cannot be cancelled.`,
      [id],
    );
  }
  if (rec.delivery === "automated")
    throw new AtlasErrorResponse(400, "CANNOT_CANCEL_AUTOMATED_RESTORE", "Automated restore cannot be cancelled.");
  rec.cancelledAt = ctx.render.now;
  return { kind: "none" as const };
}

function snapshotFilter(ctx: OpContext): number | undefined {
  const q = ctx.query;
  const utc = q.has("pointInTimeUtcSeconds");
  const oplog = q.has("oplogTs") || q.has("oplogInc");
  if (utc && oplog)
    throw new AtlasErrorResponse(
      400,
      "MUTUALLY_EXCLUSIVE_QUERY_PARAMETERS",
      "The query parameters pointInTimeUtcSeconds and oplogTs/oplogInc are mutually exclusive.",
      ["pointInTimeUtcSeconds", "oplogTs"],
    );
  if (utc) return parseInteger(q, "pointInTimeUtcSeconds", 0, 0, Number.MAX_SAFE_INTEGER);
  if (!oplog) return undefined;
  if (!q.has("oplogTs"))
    throw new AtlasErrorResponse(400, "INVALID_QUERY_PARAMETER", "Invalid query parameter oplogTs specified.", [
      "oplogTs",
    ]);
  if (!q.has("oplogInc"))
    throw new AtlasErrorResponse(400, "INVALID_QUERY_PARAMETER", "Invalid query parameter oplogInc specified.", [
      "oplogInc",
    ]);
  parseInteger(q, "oplogInc", 0, 0, Number.MAX_SAFE_INTEGER);
  return parseInteger(q, "oplogTs", 0, 0, Number.MAX_SAFE_INTEGER);
}

const restoreJobs = (ctx: OpContext, p: Project, c: Cluster) => ctx.store.restoreJobs(p, c);
const snapshots = (ctx: OpContext, _p: Project, c: Cluster) => ctx.store.snapshots(c);

export const restoreOperations: Operation[] = [
  {
    id: "listGroupClusterBackupRestoreJobs",
    method: "GET",
    path: `${BASE}/restoreJobs`,
    versions: V_2023_01_01,
    rate: RATE,
    paginated: true,
    handle: listClusterRecords(restoreJobs, renderRestoreJob),
  },
  {
    id: "createGroupClusterBackupRestoreJob",
    method: "POST",
    path: `${BASE}/restoreJobs`,
    versions: V_2023_01_01,
    rate: RATE,
    handle: createRestore,
  },
  {
    id: "getGroupClusterBackupRestoreJob",
    method: "GET",
    path: `${BASE}/restoreJobs/:restoreJobId`,
    versions: V_2023_01_01,
    rate: RATE,
    handle: getClusterRecord("restoreJobId", restoreJobs, (id, c) => restoreJobNotFound(id, c.name), renderRestoreJob),
  },
  {
    id: "cancelGroupClusterBackupRestoreJob",
    method: "DELETE",
    path: `${BASE}/restoreJobs/:restoreJobId`,
    versions: V_2023_01_01,
    rate: RATE,
    handle: cancelRestore,
  },
  {
    id: "listGroupClusterBackupSnapshots",
    method: "GET",
    path: `${BASE}/snapshots`,
    versions: V_2023_01_01,
    rate: RATE,
    paginated: true,
    handle: listClusterRecords(snapshots, renderReplicaSnapshot, (ctx) => {
      const at = snapshotFilter(ctx);
      return (s) => at === undefined || s.t0 <= at;
    }),
  },
  {
    id: "getGroupClusterBackupSnapshot",
    method: "GET",
    path: `${BASE}/snapshots/:snapshotId`,
    versions: V_2023_01_01,
    rate: RATE,
    handle: getClusterRecord("snapshotId", snapshots, (id, c) => snapshotNotFound(id, c.name), renderReplicaSnapshot),
  },
];
