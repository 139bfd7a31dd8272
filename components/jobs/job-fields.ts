import type { CollectionRestoreJob, Job } from "@/lib/jobs/dto";
import { NOT_RESTORED_STATES } from "@/lib/view-state/contract-constants";
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
  if (job.kind === "collection-restore") {
    const pit = job.pointInTime;
    if (pit?.oplogTs != null) return `Point in time (oplog ${pit.oplogTs}:${pit.oplogInc ?? 0})`;
    if (pit?.utcSeconds != null) return `Point in time ${formatUtc(pit.utcSeconds * 1000)}`;
    return job.snapshotId ? `Snapshot ${job.snapshotId}` : "—";
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
    job.kind === "restore" || job.kind === "collection-restore"
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

const BRIEF = 2;
const brief = (names: string[]) =>
  names.length <= BRIEF + 1 ? names.join(", ") : `${names.slice(0, BRIEF).join(", ")} +${names.length - BRIEF} more`;

/**
 * A namespace as asked: a whole database reads `db.*`; the target is the source's name unless
 * renamed, the database suffix after its database and the collection suffix after its collection.
 */
function namespaceNames(job: CollectionRestoreJob) {
  const sources: string[] = [];
  const targets: string[] = [];
  for (const n of job.namespaces) {
    const whole = n.scope === "database";
    const target = n.target ?? n.source;
    sources.push(whole ? `${n.source}.*` : n.source);
    const dot = whole ? target.length : target.indexOf(".");
    const db = `${target.slice(0, dot)}${job.databaseSuffix ?? ""}`;
    targets.push(whole ? `${db}.*` : `${db}.${target.slice(dot + 1)}${job.collectionSuffix ?? ""}`);
  }
  return { sources, targets };
}

/**
 * What a collection restore restores, in brief: "sales.orders, sales.customers +3 more", then where
 * to ("same names" when nothing is renamed and no suffix is added). The detail lists every collection.
 */
export function namespacesInBrief(job: CollectionRestoreJob): string {
  const { sources, targets } = namespaceNames(job);
  if (sources.length === 0) return "—";
  const renamed = targets.some((t, i) => t !== sources[i]);
  return `${brief(sources)} → ${renamed ? brief(targets) : "same names"}`;
}

/**
 * The plain warning for a job Atlas calls successful that left collections behind (its state has no
 * partial value): "3 of 12 collections were not restored: 2 NOT_FOUND, 1 UNSUPPORTED". Collections
 * whose data arrived but whose indexes failed are named apart. Null when there is nothing to say.
 */
export function unrestoredWarning(job: Job): string | null {
  if (job.kind !== "collection-restore" || job.status !== "completed" || !job.collections) return null;
  const { total, notRestored, byState } = job.collections;
  const indexFailed = byState.INDEX_BUILD_FAILED ?? 0;
  if (notRestored === 0 && indexFailed === 0) return null;
  const parts: string[] = [];
  if (notRestored > 0) {
    const states = NOT_RESTORED_STATES.filter((s) => (byState[s] ?? 0) > 0).map((s) => `${byState[s]} ${s}`);
    parts.push(`${notRestored} of ${total} collections were not restored: ${states.join(", ")}`);
  }
  if (indexFailed > 0)
    parts.push(
      `${indexFailed} ${indexFailed === 1 ? "was" : "were"} restored without all ${indexFailed === 1 ? "its" : "their"} indexes (INDEX_BUILD_FAILED)`,
    );
  return `Atlas reports this restore successful, but ${parts.join("; ")}.`;
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
  if (job.kind === "collection-restore") {
    const { sources, targets } = namespaceNames(job);
    row.sourceNamespaces = sources.join("; ");
    row.targetNamespaces = targets.join("; ");
    row.writeStrategy = job.writeStrategy ?? "";
    row.indexStrategy = job.indexStrategy ?? "";
    row.restoredDocuments = job.progress ? String(job.progress.restored) : "";
    row.totalDocuments = job.progress ? String(job.progress.total) : "";
    row.percent = job.progress?.percent != null ? String(job.progress.percent) : "";
    row.indexBuildState = job.indexBuild?.state ?? "";
    row.indexFailedCollections =
      job.indexBuild?.failedCollectionCount != null ? String(job.indexBuild.failedCollectionCount) : "";
    row.errorMessage = job.errorMessage ?? "";
    if (job.collections) {
      row.collections = String(job.collections.total);
      row.collectionsNotRestored = String(job.collections.notRestored);
    }
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
