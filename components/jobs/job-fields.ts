import type { Job } from "@/lib/jobs/dto";
import { formatDuration, formatUtc } from "./format";

/** Snapshot or point in time, as a time, with the oplog position when Atlas gave one. */
export function restorePoint(job: Job): string {
  if (job.kind === "restore") {
    const pit = job.pointInTime;
    if (pit) {
      if (pit.oplogTs !== null)
        return `Point in time ${formatUtc(pit.oplogTs * 1000)} (oplog ${pit.oplogTs}:${pit.oplogInc ?? 0})`;
      if (pit.utcSeconds !== null) return `Point in time ${formatUtc(pit.utcSeconds * 1000)}`;
    }
    return job.snapshotTakenAt
      ? `Snapshot ${formatUtc(job.snapshotTakenAt)}`
      : job.snapshotId
        ? `Snapshot ${job.snapshotId}`
        : "—";
  }
  if (job.kind === "tenant-restore" || job.kind === "flex-restore") {
    return job.snapshotFinishedAt
      ? `Snapshot ${formatUtc(job.snapshotFinishedAt)}`
      : job.snapshotId
        ? `Snapshot ${job.snapshotId}`
        : "—";
  }
  return job.snapshotId ? `Snapshot ${job.snapshotId}` : "—";
}

/** Where a restore went: the target cluster and its project, either possibly unknown; null if neither. */
export function restoreTargetParts(job: Job): { clusterName: string | null; projectId: string | null } | null {
  const parts =
    job.kind === "restore"
      ? { clusterName: job.target?.clusterName || null, projectId: job.target?.groupId || null }
      : job.kind === "tenant-restore" || job.kind === "flex-restore"
        ? { clusterName: job.targetDeploymentItemName || null, projectId: job.targetProjectId || null }
        : null;
  return parts && (parts.clusterName || parts.projectId) ? parts : null;
}

export function restoreTarget(job: Job): string {
  const parts = restoreTargetParts(job);
  return parts ? [parts.clusterName, parts.projectId].filter(Boolean).join(" in project ") : "—";
}

/** One flat row per job for CSV/JSON downloads and the detail panel's field list. */
export function flattenJob(job: Job): Record<string, string> {
  const row: Record<string, string> = {
    id: job.id,
    kind: job.kind,
    status: job.status,
    atlasState: job.rawState,
    clusterName: job.clusterName,
    deliveryType: job.deliveryType ?? "",
    snapshotOrPointInTime: restorePoint(job),
    target: restoreTarget(job),
    startedAt: job.startedAt ?? "",
    finishedAt: job.finishedAt ?? "",
    duration: formatDuration(job.durationMs),
    expiresAt: job.expiresAt ?? "",
    hasDownloadUrl: String(job.hasDownloadUrl),
  };
  if (job.kind === "export") {
    row.exportedCollections = job.progress ? String(job.progress.exported) : "";
    row.totalCollections = job.progress ? String(job.progress.total) : "";
    row.percent = job.progress?.percent != null ? String(job.progress.percent) : "";
    row.stateReason = job.stateReason
      ? [job.stateReason.errorCode, job.stateReason.message].filter(Boolean).join(": ")
      : "";
    row.exportBucketId = job.exportBucketId ?? "";
    row.prefix = job.prefix ?? "";
    row.customData = job.customData.map((c) => `${c.key}=${c.value}`).join("; ");
  }
  return row;
}

function csvCell(value: string): string {
  // Quote always; neutralise spreadsheet formula injection from Atlas-provided strings.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function jobsToCsv(jobs: Job[]): string {
  return rowsToCsv(jobs.map(flattenJob));
}

/** Flat rows as CSV: the union of their fields as columns, in first-seen order. */
export function rowsToCsv(rows: Array<Record<string, string>>): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [headers.map(csvCell).join(","), ...rows.map((r) => headers.map((h) => csvCell(r[h] ?? "")).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
