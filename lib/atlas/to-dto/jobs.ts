import "server-only";
import type { ExportJob, Job, JobKind, RestoreJob } from "@/lib/jobs/dto";
import { objectIdDate } from "@/lib/jobs/object-id";
import { exportProgress } from "@/lib/jobs/progress";
import { exportStatus, restoreStatus, sharedTierStatus } from "@/lib/jobs/status";
import { toIso } from "@/lib/jobs/timing";
import type { RawCollectionRestoreJob } from "../schemas/collection-restore-job";
import type { RawExportJob } from "../schemas/export-job";
import type { RawRestoreJob } from "../schemas/restore-job";
import type { RawFlexRestoreJob, RawTenantRestore } from "../schemas/shared-tier-restore";
import { collectionRestoreToDto } from "./collection-restores";
import { shared, type JobContext } from "./job-shared";

export type { JobContext } from "./job-shared";

export function restoreJobToDto(raw: RawRestoreJob, ctx: JobContext): RestoreJob {
  const { status, rawState } = restoreStatus(raw);
  const startedAt = toIso(objectIdDate(raw.id));
  const finishedAt = toIso(raw.finishedAt);
  const hasPointInTime = raw.pointInTimeUTCSeconds != null || raw.oplogTs != null || raw.deliveryType === "pointInTime";
  const hasTarget = raw.targetClusterName != null || raw.targetGroupId != null;
  return {
    kind: "restore",
    ...shared(ctx, {
      id: raw.id,
      status,
      rawState,
      deliveryType: raw.deliveryType ?? null,
      snapshotId: raw.snapshotId ?? null,
      startedAt,
      finishedAt,
      expiresAt: toIso(raw.expiresAt),
      hasDownloadUrl: restoreUrlCount(raw) > 0,
    }),
    snapshotTakenAt: toIso(raw.timestamp),
    pointInTime: hasPointInTime
      ? { utcSeconds: raw.pointInTimeUTCSeconds ?? null, oplogTs: raw.oplogTs ?? null, oplogInc: raw.oplogInc ?? null }
      : null,
    target: hasTarget ? { groupId: raw.targetGroupId ?? null, clusterName: raw.targetClusterName ?? null } : null,
  };
}

function restoreUrlCount(raw: RawRestoreJob): number {
  const shards = (raw.components ?? []).filter((c) => c.downloadUrl || c.privateDownloadDeliveryUrls?.length).length;
  return (raw.deliveryUrl?.length ?? 0) + (raw.privateDownloadDeliveryUrls?.length ?? 0) + shards;
}

export function exportJobToDto(raw: RawExportJob, ctx: JobContext): ExportJob {
  const { status, rawState } = exportStatus(raw.state);
  const startedAt = toIso(raw.createdAt) ?? toIso(objectIdDate(raw.id));
  const finishedAt = toIso(raw.finishedAt);
  return {
    kind: "export",
    ...shared(ctx, {
      id: raw.id,
      status,
      rawState,
      deliveryType: null,
      snapshotId: raw.snapshotId ?? null,
      startedAt,
      finishedAt,
      expiresAt: null,
      hasDownloadUrl: false,
    }),
    progress: exportProgress(raw.exportStatus?.exportedCollections, raw.exportStatus?.totalCollections),
    stateReason: raw.stateReason
      ? { errorCode: raw.stateReason.errorCode ?? null, message: raw.stateReason.message ?? null }
      : null,
    exportBucketId: raw.exportBucketId ?? null,
    prefix: raw.prefix ?? null,
    customData: (raw.customData ?? []).map(({ key, value }) => ({ key, value })),
  };
}

export function sharedTierRestoreToDto(
  kind: "tenant-restore" | "flex-restore",
  raw: RawTenantRestore | RawFlexRestoreJob,
  ctx: JobContext,
): Job {
  const { status, rawState } = sharedTierStatus(raw.status);
  const startedAt = toIso(raw.restoreScheduledDate) ?? toIso(objectIdDate(raw.id));
  const finishedAt = toIso(raw.restoreFinishedDate);
  return {
    kind,
    ...shared(ctx, {
      id: raw.id,
      status,
      rawState,
      deliveryType: raw.deliveryType ?? null,
      snapshotId: raw.snapshotId ?? null,
      startedAt,
      finishedAt,
      expiresAt: toIso(raw.expirationDate),
      hasDownloadUrl: Boolean(raw.snapshotUrl),
    }),
    targetProjectId: raw.targetProjectId ?? null,
    targetDeploymentItemName: raw.targetDeploymentItemName ?? null,
    snapshotFinishedAt: toIso(raw.snapshotFinishedDate),
  };
}

export type RawJob = RawRestoreJob | RawExportJob | RawTenantRestore | RawFlexRestoreJob | RawCollectionRestoreJob;

export function jobToDto(kind: JobKind, raw: RawJob, ctx: JobContext): Job {
  switch (kind) {
    case "restore":
      return restoreJobToDto(raw as RawRestoreJob, ctx);
    case "export":
      return exportJobToDto(raw as RawExportJob, ctx);
    case "collection-restore":
      return collectionRestoreToDto(raw as RawCollectionRestoreJob, ctx);
    default:
      return sharedTierRestoreToDto(kind, raw as RawTenantRestore, ctx);
  }
}
