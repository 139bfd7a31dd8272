// Compact records: what the generator stores. Responses are rendered from these at request time,
// because job state is a function of the simulated clock.

export type Provider = "AWS" | "AZURE" | "GCP";

export interface Org {
  id: string;
  name: string;
}

export interface ExportBucket {
  id: string;
  provider: Provider;
  bucketName: string;
  roleId: string;
  region?: string;
  serviceUrl?: string;
  tenantId?: string;
}

export interface Cluster {
  key: string; // stable generator key (independent of the start time)
  id: string;
  groupId: string;
  name: string;
  created: number; // Unix seconds
  tier: "dedicated" | "tenant";
  instanceSize: string;
  provider: Provider;
  region: string;
  clusterType: "REPLICASET" | "SHARDED";
  numShards: number;
  replicaSetBase: string; // e.g. atlas-x1y2z3
  backupEnabled: boolean;
  pitEnabled: boolean;
  mongoVersion: string;
  diskSizeGB: number;
  jobsPerKind: number;
  /** Set for tenant clusters migrated to Flex (tenant history ends at this time). */
  migratedAt?: number;
}

export interface FlexCluster {
  key: string;
  id: string;
  groupId: string;
  name: string;
  created: number;
  provider: Provider;
  region: string;
  mongoVersion: string;
  jobsPerKind: number;
}

export interface Project {
  index: number;
  id: string;
  name: string;
  slug: string;
  orgId: string;
  created: number;
  clusters: Cluster[];
  flexClusters: FlexCluster[];
  buckets: ExportBucket[];
}

export type RestoreDelivery = "automated" | "download" | "pointInTime";

export interface RestoreRec {
  id: string;
  t0: number;
  delivery: RestoreDelivery;
  outcome: "completed" | "failed" | "cancelled";
  runSec: number;
  linkTtlSec: number;
  snapshotId: string;
  snapTime: number;
  pitUtc?: number;
  oplogTs?: number;
  oplogInc?: number;
  targetClusterName?: string;
  targetGroupId?: string;
  privateLink: boolean;
  /** Set by DELETE (cancel) at this simulated time. */
  cancelledAt?: number;
}

export interface ExportRec {
  id: string;
  t0: number;
  queueSec: number;
  runSec: number;
  outcome: "Successful" | "Failed" | "Cancelled";
  total: number;
  stopFraction: number; // share exported when Failed/Cancelled
  bucketId: string;
  snapshotId: string;
  snapTime: number;
  failure?: { errorCode: string; message: string };
  customData?: Array<{ key: string; value: string }>;
  componentIds?: string[];
}

export type PhasedStatus = "PENDING" | "QUEUED" | "RUNNING" | "FAILED" | "COMPLETED";

export interface PhasedRec {
  id: string;
  t0: number;
  pendingSec: number;
  queuedSec: number;
  runSec: number;
  outcome: "COMPLETED" | "FAILED";
  delivery: "RESTORE" | "DOWNLOAD";
  snapshotId: string;
  snapTime: number;
  targetName: string;
  targetProjectId: string;
}

export interface SnapshotRec {
  id: string;
  t0: number;
  durationSec: number;
  failed: boolean;
  frequency: "hourly" | "daily" | "weekly" | "monthly" | "yearly";
  onDemand: boolean;
  sizeBytes: number;
  retentionSec: number;
}
