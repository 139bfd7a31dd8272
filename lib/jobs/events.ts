// Atlas's backup events as the timeline shows them: which types are read, the few groups they are
// drawn in (each with its own glyph as well as its colour), and each type in words. Zod-free and
// browser-safe: the page's first load carries it, the server asks Atlas for exactly these types.

/** The groups a marker belongs to, in legend order. */
export const EVENT_GROUPS = ["snapshot", "snapshot-failed", "requested", "job-ended", "behind"] as const;
export type EventGroup = (typeof EVENT_GROUPS)[number];

export const EVENT_GROUP_LABEL: Record<EventGroup, string> = {
  snapshot: "Snapshot taken",
  "snapshot-failed": "Snapshot failed",
  requested: "Restore or snapshot requested",
  "job-ended": "Restore or export ended",
  behind: "Oplog or snapshots behind",
};

/**
 * Every backup event type the timeline draws, with its group and its words (spec:
 * EventTypeForNdsGroup, the Cps Backup, Disk Backup and Tenant Backup enums). Left out on purpose:
 * the STARTED/IN_PROGRESS types (a snapshot's "taken" marks it; twice the markers for no news), the
 * compliance-policy, copy and schedule audit types (not about a job or a snapshot of this cluster's data).
 */
const TYPES: Record<string, [EventGroup, string]> = {
  CPS_SNAPSHOT_SUCCESSFUL: ["snapshot", "Snapshot taken"],
  CPS_SNAPSHOT_FALLBACK_SUCCESSFUL: ["snapshot", "Snapshot taken by fallback"],
  TENANT_SNAPSHOT_COMPLETED_AUDIT: ["snapshot", "Snapshot taken"],
  CPS_SNAPSHOT_FAILED: ["snapshot-failed", "Snapshot failed"],
  CPS_SNAPSHOT_FALLBACK_FAILED: ["snapshot-failed", "Fallback snapshot failed"],
  CPS_CONCURRENT_SNAPSHOT_FAILED_WILL_RETRY: ["snapshot-failed", "Snapshot failed (will retry)"],
  TENANT_SNAPSHOT_FAILED: ["snapshot-failed", "Snapshot failed"],
  CPS_RESTORE_REQUESTED_AUDIT: ["requested", "Restore requested"],
  TENANT_RESTORE_REQUESTED_AUDIT: ["requested", "Restore requested"],
  TENANT_SNAPSHOT_DOWNLOAD_REQUESTED_AUDIT: ["requested", "Snapshot download requested"],
  CPS_ON_DEMAND_SNAPSHOT_REQUESTED: ["requested", "On-demand snapshot requested"],
  CPS_RESTORE_SUCCESSFUL: ["job-ended", "Restore succeeded"],
  CPS_RESTORE_FAILED: ["job-ended", "Restore failed"],
  TENANT_RESTORE_COMPLETED_AUDIT: ["job-ended", "Restore completed"],
  TENANT_RESTORE_FAILED: ["job-ended", "Restore failed"],
  CPS_EXPORT_SUCCESSFUL: ["job-ended", "Snapshot export succeeded"],
  CPS_EXPORT_FAILED: ["job-ended", "Snapshot export failed"],
  CPS_AUTO_EXPORT_FAILED: ["job-ended", "Automatic snapshot export failed"],
  CPS_COLLECTION_RESTORE_SUCCESSFUL: ["job-ended", "Collection restore succeeded"],
  CPS_COLLECTION_RESTORE_PARTIAL_SUCCESS: ["job-ended", "Collection restore partly succeeded"],
  CPS_COLLECTION_RESTORE_FAILED: ["job-ended", "Collection restore failed"],
  CPS_COLLECTION_RESTORE_CANCELED: ["job-ended", "Collection restore cancelled"],
  CPS_SNAPSHOT_BEHIND: ["behind", "Snapshots behind schedule"],
  CPS_PREV_SNAPSHOT_OLD: ["behind", "Previous snapshot is old"],
  CPS_OPLOG_BEHIND: ["behind", "Oplog behind"],
  CPS_OPLOG_CAUGHT_UP: ["behind", "Oplog caught up"],
};

/** What the server asks Atlas for (eventType, repeated): never the project's whole event stream. */
export const BACKUP_EVENT_TYPES = Object.keys(TYPES);

/** The group of a type, or null for one the timeline does not draw. */
export const eventGroupOf = (type: string): EventGroup | null => TYPES[type]?.[0] ?? null;

/** A type in words; one Atlas added since this list was written reads as its own name. */
export const eventWords = (type: string): string =>
  TYPES[type]?.[1] ??
  type
    .toLowerCase()
    .replaceAll("_", " ")
    .replace(/^./, (c) => c.toUpperCase());

/** The windows events are read for: the cluster page's and Now's, one store entry per cluster per window. */
export const EVENT_WINDOWS = ["1h", "6h", "24h", "7d", "30d"] as const;
export type EventWindow = (typeof EVENT_WINDOWS)[number];
const HOUR = 3_600_000;
const EVENT_WINDOW_MS: Record<EventWindow, number> = {
  "1h": HOUR,
  "6h": 6 * HOUR,
  "24h": 24 * HOUR,
  "7d": 7 * 24 * HOUR,
  "30d": 30 * 24 * HOUR,
};
export const eventWindowMs = (w: EventWindow) => EVENT_WINDOW_MS[w];
